import { describe, expect, it } from 'vitest';
import { DEDUPE_MAX_AGE_MS, emptyDedupeState, rememberEvent } from './dedupe-window.js';
import { matchesEventFilter } from './event-filter.js';
import { idempotencyKeyFor } from './idempotency-key.js';

describe('rememberEvent', () => {
  it('flags a repeat inside the window and keeps the state immutable', () => {
    const first = rememberEvent(emptyDedupeState(), 'evt_1', 1_000);
    expect(first.duplicate).toBe(false);
    const second = rememberEvent(first.state, 'evt_1', 2_000);
    expect(second.duplicate).toBe(true);
    expect(first.state.seen).toEqual([['evt_1', 1_000]]);
  });

  it('forgets ids older than 24 hours', () => {
    const { state } = rememberEvent(undefined, 'evt_old', 0);
    expect(rememberEvent(state, 'evt_old', DEDUPE_MAX_AGE_MS + 1).duplicate).toBe(false);
  });

  it('keeps only the last 100 ids', () => {
    let state = emptyDedupeState();
    for (let i = 0; i < 101; i++) state = rememberEvent(state, `evt_${i}`, i).state;
    expect(state.seen).toHaveLength(100);
    expect(rememberEvent(state, 'evt_0', 200).duplicate).toBe(false);
    expect(rememberEvent(state, 'evt_100', 200).duplicate).toBe(true);
  });

  it('survives corrupted stored state', () => {
    const corrupted = { seen: [['evt_1', 'x'], 'junk'] } as never;
    expect(rememberEvent(corrupted, 'evt_1', 5).duplicate).toBe(false);
  });
});

describe('matchesEventFilter', () => {
  const event = {
    id: 'e',
    type: 'render.completed',
    data: { designId: 'd1', reference: 'order-7' },
  };

  it('matches everything without criteria', () => {
    expect(matchesEventFilter(event, {})).toBe(true);
    expect(matchesEventFilter(event, { events: [] })).toBe(true);
  });

  it('filters on event type, design and reference', () => {
    expect(matchesEventFilter(event, { events: ['render.failed'] })).toBe(false);
    expect(matchesEventFilter(event, { events: ['render.failed', 'render.completed'] })).toBe(true);
    expect(matchesEventFilter(event, { designId: 'd2' })).toBe(false);
    expect(matchesEventFilter(event, { designId: 'd1', reference: 'order-7' })).toBe(true);
    expect(matchesEventFilter(event, { reference: 'order-8' })).toBe(false);
  });
});

describe('idempotencyKeyFor', () => {
  it('is stable for the same parts and differs for different parts', () => {
    expect(idempotencyKeyFor('n8n', 'exec-1', 'node', 0)).toBe(
      idempotencyKeyFor('n8n', 'exec-1', 'node', 0),
    );
    expect(idempotencyKeyFor('n8n', 'exec-1', 'node', 0)).not.toBe(
      idempotencyKeyFor('n8n', 'exec-1', 'node', 1),
    );
    expect(idempotencyKeyFor('n8n', 'a', 'bc')).not.toBe(idempotencyKeyFor('n8n', 'ab', 'c'));
  });

  it('refuses blank parts', () => {
    expect(() => idempotencyKeyFor('zapier')).toThrow();
    expect(() => idempotencyKeyFor('zapier', '')).toThrow();
  });
});
