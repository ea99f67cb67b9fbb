import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aliasDataForDialect, buildWebhookDelivery, newEventId } from './delivery.js';

// Independent HMAC, computed here and not imported from the code under test.
const hmac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message).digest('hex');

const secret = 'whsec_test_builder';
const renderData = {
  renderId: 'rnd_1',
  jobId: 'rnd_1',
  designId: 'dsg_1',
  status: 'completed',
  outputUrl: 'http://127.0.0.1:1/renders/rnd_1.png',
  reference: 'order-42',
  metadata: { format: 'png', width: 10, height: 20, fileSize: 99 },
};
const base = {
  secret,
  type: 'render.completed',
  data: renderData,
  eventId: 'evt_abc',
  timestampSeconds: 1_700_000_000,
};

describe('buildWebhookDelivery', () => {
  it('sdk: {id, type, timestamp, data} with outputUrl, signed t=…,v1=… over "<t>.<body>"', () => {
    const { headers, body } = buildWebhookDelivery({ ...base, dialect: 'sdk' });
    const parsed = JSON.parse(body);
    expect(Object.keys(parsed)).toEqual(['id', 'type', 'timestamp', 'data']);
    expect(parsed).toMatchObject({ id: 'evt_abc', type: 'render.completed' });
    expect(parsed.timestamp).toBe('2023-11-14T22:13:20.000Z');
    expect(parsed.data).toEqual(renderData);
    expect(headers['X-Canvelete-Signature']).toBe(
      `t=1700000000,v1=${hmac(secret, `1700000000.${body}`)}`,
    );
    expect(headers['X-Canvelete-Timestamp']).toBe('1700000000');
    expect(headers).toMatchObject({
      'Content-Type': 'application/json',
      'User-Agent': 'Canvelete-Webhooks/1.0',
      'X-Canvelete-Event': 'render.completed',
      'X-Canvelete-Delivery': 'evt_abc',
    });
  });

  it('docs: {eventId, eventType, timestamp, data} with downloadUrl, signed sha256= over the body', () => {
    const { headers, body } = buildWebhookDelivery({ ...base, dialect: 'docs' });
    const parsed = JSON.parse(body);
    expect(Object.keys(parsed)).toEqual(['eventId', 'eventType', 'timestamp', 'data']);
    expect(parsed).toMatchObject({ eventId: 'evt_abc', eventType: 'render.completed' });
    expect(parsed.data.downloadUrl).toBe(renderData.outputUrl);
    expect(parsed.data).not.toHaveProperty('outputUrl');
    expect(headers['X-Canvelete-Signature']).toBe(`sha256=${hmac(secret, body)}`);
    expect(headers).not.toHaveProperty('X-Canvelete-Timestamp');
    expect(headers['X-Canvelete-Delivery']).toBe('evt_abc');
  });

  it('py: {id, type, timestamp, data} with url, bare hex over "<t>.<body>" plus the timestamp header', () => {
    const { headers, body } = buildWebhookDelivery({ ...base, dialect: 'py' });
    const parsed = JSON.parse(body);
    expect(Object.keys(parsed)).toEqual(['id', 'type', 'timestamp', 'data']);
    expect(parsed.data.url).toBe(renderData.outputUrl);
    expect(parsed.data).not.toHaveProperty('outputUrl');
    expect(headers['X-Canvelete-Signature']).toBe(hmac(secret, `1700000000.${body}`));
    expect(headers['X-Canvelete-Timestamp']).toBe('1700000000');
  });

  it('uses createdAt as the envelope timestamp, independent of the signing time', () => {
    const { body } = buildWebhookDelivery({
      ...base,
      dialect: 'sdk',
      createdAt: '2026-01-02T03:04:05.000Z',
    });
    expect(JSON.parse(body).timestamp).toBe('2026-01-02T03:04:05.000Z');
  });

  it('keeps non-ASCII data intact and signs the UTF-8 bytes that are sent', () => {
    const data = { reference: 'Grüße ✓' };
    const { headers, body } = buildWebhookDelivery({ ...base, dialect: 'docs', data });
    expect(JSON.parse(body).data.reference).toBe('Grüße ✓');
    const bytes = Buffer.from(body, 'utf8');
    const expected = createHmac('sha256', secret).update(bytes).digest('hex');
    expect(headers['X-Canvelete-Signature']).toBe(`sha256=${expected}`);
  });

  it('never puts the secret in headers or body', () => {
    for (const dialect of ['sdk', 'docs', 'py'] as const) {
      const { headers, body } = buildWebhookDelivery({ ...base, dialect });
      expect(JSON.stringify(headers) + body).not.toContain(secret);
    }
  });
});

describe('aliasDataForDialect', () => {
  it('renames outputUrl without mutating the input and keeps an alias the server already set', () => {
    const input = { outputUrl: 'u1', status: 'completed' };
    expect(aliasDataForDialect('docs', input)).toEqual({ downloadUrl: 'u1', status: 'completed' });
    expect(input).toEqual({ outputUrl: 'u1', status: 'completed' });
    expect(aliasDataForDialect('py', { outputUrl: 'u1', url: 'u2' })).toEqual({ url: 'u2' });
    expect(aliasDataForDialect('sdk', input)).toEqual(input);
  });

  it('leaves data without outputUrl (a failure, batch.completed) unchanged', () => {
    const failed = { renderId: 'r', status: 'failed', error: 'boom' };
    expect(aliasDataForDialect('py', failed)).toEqual(failed);
    expect(aliasDataForDialect('docs', failed)).toEqual(failed);
  });
});

describe('newEventId', () => {
  it('returns distinct evt_ ids', () => {
    const ids = new Set(Array.from({ length: 50 }, () => newEventId()));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^evt_[0-9a-f]{24}$/);
  });
});
