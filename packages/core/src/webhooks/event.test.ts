import { describe, expect, it } from 'vitest';
import { CanveleteError } from '../errors/index.js';
import { normalizeWebhookEvent } from './event.js';

const now = () => Date.UTC(2026, 10, 30, 8, 0, 0);

describe('normalizeWebhookEvent', () => {
  it('reads the docs envelope (eventId, eventType, timestamp)', () => {
    const event = normalizeWebhookEvent({
      eventId: 'evt_a',
      eventType: 'render.completed',
      timestamp: '2026-11-30T07:00:00Z',
      data: { renderId: 'r_1', downloadUrl: 'https://cdn.example/r_1.png' },
    });
    expect(event).toEqual({
      id: 'evt_a',
      type: 'render.completed',
      createdAt: '2026-11-30T07:00:00.000Z',
      data: { renderId: 'r_1', downloadUrl: 'https://cdn.example/r_1.png' },
    });
  });

  it('reads the SDK envelope (id, type, createdAt) and prefers it when both are sent', () => {
    const event = normalizeWebhookEvent({
      id: 'evt_b',
      eventId: 'evt_b',
      type: 'render.failed',
      eventType: 'render.failed',
      createdAt: '2026-11-30T06:00:00.000+01:00',
      data: { error: 'boom' },
    });
    expect(event).toMatchObject({
      id: 'evt_b',
      type: 'render.failed',
      createdAt: '2026-11-30T05:00:00.000Z',
    });
  });

  it('turns unix seconds and epoch milliseconds into ISO strings', () => {
    const seconds = normalizeWebhookEvent({ id: 'e', type: 't', timestamp: 1796022000, data: 1 });
    const millis = normalizeWebhookEvent({
      id: 'e',
      type: 't',
      timestamp: '1796022000000',
      data: 1,
    });
    expect(seconds.createdAt).toBe('2026-11-30T07:00:00.000Z');
    expect(millis.createdAt).toBe('2026-11-30T07:00:00.000Z');
  });

  it('falls back to receivedAt, then now, when the body has no usable time', () => {
    expect(normalizeWebhookEvent({ id: 'e', type: 't' }, { receivedAt: 0 }).createdAt).toBe(
      '1970-01-01T00:00:00.000Z',
    );
    expect(
      normalizeWebhookEvent({ id: 'e', type: 't', timestamp: 'someday' }, { now }).createdAt,
    ).toBe('2026-11-30T08:00:00.000Z');
  });

  it('keeps the whole body as data when there is no data key, and parses a JSON string', () => {
    const event = normalizeWebhookEvent('{"id":"e","type":"t","renderId":"r"}', { now });
    expect(event.data).toEqual({ id: 'e', type: 't', renderId: 'r' });
  });

  it('derives a stable id from the content when the body has none', () => {
    const body = { type: 'render.completed', data: { renderId: 'r_9' } };
    const first = normalizeWebhookEvent(body, { now });
    expect(first.id).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(normalizeWebhookEvent({ ...body }, { now }).id).toBe(first.id);
    expect(normalizeWebhookEvent({ ...body, data: { renderId: 'r_8' } }, { now }).id).not.toBe(
      first.id,
    );
  });

  it.each([['not json'], [[1, 2]], [null], [{ id: 'e', data: {} }]])(
    'refuses %j with INVALID_JSON',
    (body) => {
      try {
        normalizeWebhookEvent(body, { now });
        expect.unreachable();
      } catch (error) {
        expect(CanveleteError.isInstance(error) && error.details.reason).toBe('INVALID_JSON');
      }
    },
  );
});
