import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useDispatcherFixture } from './dispatcher-fixture.js';
import type { ReceivedRequest } from './test-receiver.js';
import type { Dialect } from './types.js';

// Independent HMAC, computed here and not imported from the code under test.
const hmac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message).digest('hex');

const secret = 'whsec_dispatcher_test_secret';
const renderData = {
  renderId: 'rnd_9',
  jobId: 'rnd_9',
  designId: 'dsg_9',
  status: 'completed',
  outputUrl: 'http://127.0.0.1:1/renders/rnd_9.png',
  metadata: { format: 'png', width: 4, height: 4, fileSize: 70 },
};

/** Checks the received request's signature the way each documented verifier would. */
function signatureIsValid(dialect: Dialect, request: ReceivedRequest): boolean {
  const signature = String(request.headers['x-canvelete-signature']);
  const timestamp = request.headers['x-canvelete-timestamp'];
  if (dialect === 'docs') return signature === `sha256=${hmac(secret, request.body)}`;
  if (dialect === 'py') return signature === hmac(secret, `${timestamp}.${request.body}`);
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature);
  return match !== null && match[2] === hmac(secret, `${match[1]}.${request.body}`);
}

const { receiver, dispatcher } = useDispatcherFixture();

describe('createWebhookDispatcher — delivery per dialect', () => {
  const envelopes: Record<Dialect, { keys: string[]; urlKey: string }> = {
    sdk: { keys: ['id', 'type', 'timestamp', 'data'], urlKey: 'outputUrl' },
    docs: { keys: ['eventId', 'eventType', 'timestamp', 'data'], urlKey: 'downloadUrl' },
    py: { keys: ['id', 'type', 'timestamp', 'data'], urlKey: 'url' },
  };

  it.each(['sdk', 'docs', 'py'] as const)(
    '%s: posts a signed envelope that verifies',
    async (dialect) => {
      const hook = await receiver();
      const webhooks = dispatcher({ dialect });
      const queued = webhooks.dispatch({
        url: hook.url,
        secret,
        type: 'render.completed',
        data: renderData,
      });
      expect(queued.state).toBe('pending');
      expect(queued.eventId).toMatch(/^evt_/);
      await webhooks.idle();

      expect(hook.requests).toHaveLength(1);
      const [request] = hook.requests as [ReceivedRequest];
      expect(request.method).toBe('POST');
      expect(request.path).toBe('/hook');
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['user-agent']).toBe('Canvelete-Webhooks/1.0');
      expect(request.headers['x-canvelete-event']).toBe('render.completed');
      expect(request.headers['x-canvelete-delivery']).toBe(queued.eventId);
      expect(request.headers['x-canvelete-timestamp'] === undefined).toBe(dialect === 'docs');
      expect(signatureIsValid(dialect, request)).toBe(true);

      const body = JSON.parse(request.body);
      expect(Object.keys(body)).toEqual(envelopes[dialect].keys);
      expect(body.id ?? body.eventId).toBe(queued.eventId);
      expect(body.type ?? body.eventType).toBe('render.completed');
      expect(body.data[envelopes[dialect].urlKey]).toBe(renderData.outputUrl);
      expect(body.data.metadata).toEqual(renderData.metadata);

      const [record] = webhooks.deliveries();
      expect(record).toMatchObject({ eventId: queued.eventId, state: 'delivered', url: hook.url });
      expect(record?.attempts.map((a) => a.status)).toEqual([200]);
    },
  );

  it('a signature made with another secret does not verify (the test check can fail)', async () => {
    const hook = await receiver();
    const webhooks = dispatcher({ dialect: 'sdk' });
    webhooks.dispatch({ url: hook.url, secret: 'another-secret', type: 'render.failed', data: {} });
    await webhooks.idle();
    expect(signatureIsValid('sdk', hook.requests[0] as ReceivedRequest)).toBe(false);
  });
});

describe('createWebhookDispatcher — retries', () => {
  it('retries until 2xx with the same event id and body, re-signing each attempt', async () => {
    const statuses = [500, 503, 204];
    const hook = await receiver((_request, index) => statuses[index] ?? 200);
    let clock = 1_700_000_000_000;
    const webhooks = dispatcher({
      dialect: 'sdk',
      retryScheduleMs: [20, 40],
      now: () => (clock += 1000),
    });
    const queued = webhooks.dispatch({
      url: hook.url,
      secret,
      type: 'render.completed',
      data: renderData,
    });
    await webhooks.idle();

    expect(hook.requests).toHaveLength(3);
    const deliveryIds = hook.requests.map((r) => r.headers['x-canvelete-delivery']);
    expect(new Set(deliveryIds)).toEqual(new Set([queued.eventId]));
    expect(new Set(hook.requests.map((r) => r.body)).size).toBe(1);
    expect(hook.requests.every((r) => signatureIsValid('sdk', r))).toBe(true);
    // A fresh t per attempt (the clock advances between attempts).
    const stamps = hook.requests.map((r) => r.headers['x-canvelete-timestamp']);
    expect(new Set(stamps).size).toBe(3);

    const [record] = webhooks.deliveries();
    expect(record?.state).toBe('delivered');
    expect(record?.attempts.map((a) => a.status)).toEqual([500, 503, 204]);
  });

  it('gives up after the schedule: attempts = schedule length + 1', async () => {
    const hook = await receiver(() => 500);
    const webhooks = dispatcher({ dialect: 'py', retryScheduleMs: [10, 10] });
    webhooks.dispatch({ url: hook.url, secret, type: 'render.failed', data: { error: 'x' } });
    await webhooks.idle();

    expect(hook.requests).toHaveLength(3);
    const [record] = webhooks.deliveries();
    expect(record?.state).toBe('failed');
    expect(record?.attempts.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(record?.reason).toBeUndefined();
  });

  it('treats a redirect as a failure and does not follow it', async () => {
    const elsewhere = await receiver();
    const hook = await receiver(() => ({ status: 302, location: elsewhere.url }));
    const webhooks = dispatcher({ dialect: 'docs', retryScheduleMs: [] });
    webhooks.dispatch({ url: hook.url, secret, type: 'render.completed', data: renderData });
    await webhooks.idle();

    expect(elsewhere.requests).toHaveLength(0);
    expect(webhooks.deliveries()[0]?.state).toBe('failed');
  });
});

describe('createWebhookDispatcher — delivery log', () => {
  it('lists every attempt, newest record last, with times from the injected clock', async () => {
    const first = await receiver(() => 200);
    const second = await receiver((_r, index) => (index === 0 ? 429 : 200));
    const webhooks = dispatcher({
      dialect: 'sdk',
      retryScheduleMs: [5],
      now: () => Date.UTC(2026, 0, 2, 3, 4, 5),
    });
    const a = webhooks.dispatch({ url: first.url, secret, type: 'render.completed', data: {} });
    const b = webhooks.dispatch({ url: second.url, secret, type: 'batch.completed', data: {} });
    await webhooks.idle();

    const log = webhooks.deliveries();
    expect(log.map((r) => [r.eventId, r.type, r.url, r.state])).toEqual([
      [a.eventId, 'render.completed', first.url, 'delivered'],
      [b.eventId, 'batch.completed', second.url, 'delivered'],
    ]);
    expect(log[1]?.attempts.map((x) => x.status)).toEqual([429, 200]);
    for (const attempt of log.flatMap((r) => r.attempts)) {
      expect(attempt.at).toBe('2026-01-02T03:04:05.000Z');
      expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
    }
    expect(JSON.stringify(log)).not.toContain(secret);
  });

  it('returns copies: mutating the log does not change the dispatcher', async () => {
    const hook = await receiver();
    const webhooks = dispatcher({ dialect: 'sdk' });
    webhooks.dispatch({ url: hook.url, secret, type: 'render.completed', data: {} });
    await webhooks.idle();
    const copy = webhooks.deliveries();
    copy[0]?.attempts.push({ at: 'x', durationMs: 1 });
    copy.pop();
    expect(webhooks.deliveries()).toHaveLength(1);
    expect(webhooks.deliveries()[0]?.attempts).toHaveLength(1);
  });

  it('keeps at most maxRecords, dropping the oldest finished ones', async () => {
    const hook = await receiver();
    const webhooks = dispatcher({ dialect: 'sdk', maxRecords: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(
        webhooks.dispatch({ url: hook.url, secret, type: 'render.completed', data: {} }).eventId,
      );
      await webhooks.idle();
    }
    expect(webhooks.deliveries().map((r) => r.eventId)).toEqual(ids.slice(1));
  });

  it('idle() resolves at once when nothing was dispatched', async () => {
    const webhooks = dispatcher({ dialect: 'sdk' });
    await expect(webhooks.idle()).resolves.toBeUndefined();
    expect(webhooks.deliveries()).toEqual([]);
  });
});
