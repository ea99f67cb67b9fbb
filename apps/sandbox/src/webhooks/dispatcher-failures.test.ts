import { describe, expect, it, vi } from 'vitest';
import { useDispatcherFixture } from './dispatcher-fixture.js';
import { unusedLoopbackUrl } from './test-receiver.js';

const secret = 'whsec_failure_test_secret';

const { receiver, dispatcher } = useDispatcherFixture();

describe('createWebhookDispatcher — slow and unreachable receivers', () => {
  it('a slow receiver times out without holding up a second delivery', async () => {
    const slow = await receiver(() => 'hang');
    const fast = await receiver(() => 200);
    // The timeout is generous so that the fast delivery finishes well inside it even on a busy machine.
    const webhooks = dispatcher({ dialect: 'sdk', timeoutMs: 2000, retryScheduleMs: [] });
    const slowRecord = webhooks.dispatch({
      url: slow.url,
      secret,
      type: 'render.completed',
      data: {},
    });
    await slow.received(1);
    const fastRecord = webhooks.dispatch({
      url: fast.url,
      secret,
      type: 'render.completed',
      data: {},
    });

    await vi.waitFor(() => expect(webhooks.deliveries()[1]?.state).toBe('delivered'));
    // The slow one is still waiting on its receiver while the fast one is already done.
    expect(webhooks.deliveries()[0]?.state).toBe('pending');
    await webhooks.idle();

    const [slowLog, fastLog] = webhooks.deliveries();
    expect(slowLog?.eventId).toBe(slowRecord.eventId);
    expect(slowLog?.state).toBe('failed');
    expect(slowLog?.attempts).toHaveLength(1);
    expect(slowLog?.attempts[0]?.error).toBe('timeout after 2000 ms');
    expect(slowLog?.attempts[0]?.status).toBeUndefined();
    expect(fastLog?.eventId).toBe(fastRecord.eventId);
    expect(fastLog?.attempts.map((a) => a.status)).toEqual([200]);
  });

  it('records a refused connection as an error on every attempt, never throwing', async () => {
    const url = await unusedLoopbackUrl();
    const webhooks = dispatcher({ dialect: 'docs', retryScheduleMs: [10] });
    expect(() =>
      webhooks.dispatch({ url, secret, type: 'render.completed', data: {} }),
    ).not.toThrow();
    await webhooks.idle();

    const [record] = webhooks.deliveries();
    expect(record?.state).toBe('failed');
    expect(record?.attempts).toHaveLength(2);
    for (const attempt of record?.attempts ?? []) {
      expect(attempt.status).toBeUndefined();
      expect(attempt.error).toContain('ECONNREFUSED');
      expect(attempt.error).not.toContain(secret);
    }
  });

  it('refuses an invalid or non-http URL without a request', async () => {
    const webhooks = dispatcher({ dialect: 'sdk' });
    const bad = webhooks.dispatch({ url: 'not a url', secret, type: 'render.completed', data: {} });
    const ftp = webhooks.dispatch({ url: 'ftp://127.0.0.1/x', secret, type: 'x', data: {} });
    await webhooks.idle();
    expect(bad).toMatchObject({ state: 'failed', reason: 'invalid URL', attempts: [] });
    expect(ftp).toMatchObject({ state: 'failed', reason: 'URL must be http(s)', attempts: [] });
  });

  it('records data that cannot be serialised instead of crashing', async () => {
    const webhooks = dispatcher({ dialect: 'sdk' });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    const record = webhooks.dispatch({
      url: 'http://127.0.0.1:1/hook',
      secret,
      type: 'render.completed',
      data: cyclic,
    });
    expect(record).toMatchObject({ state: 'failed', reason: 'data is not JSON-serialisable' });
  });
});

describe('createWebhookDispatcher — close()', () => {
  it('cancels a pending retry: no further request, record failed with a reason', async () => {
    const hook = await receiver(() => 500);
    const webhooks = dispatcher({ dialect: 'sdk', retryScheduleMs: [60_000] });
    webhooks.dispatch({ url: hook.url, secret, type: 'render.completed', data: {} });
    await vi.waitFor(() => expect(webhooks.deliveries()[0]?.attempts).toHaveLength(1));

    await webhooks.close();

    expect(hook.requests).toHaveLength(1);
    const [record] = webhooks.deliveries();
    expect(record?.state).toBe('failed');
    expect(record?.reason).toBe('cancelled: dispatcher closed');
    expect(record?.attempts.map((a) => a.status)).toEqual([500]);
  });

  it('aborts an in-flight request', async () => {
    const hook = await receiver(() => 'hang');
    const webhooks = dispatcher({ dialect: 'py', timeoutMs: 60_000, retryScheduleMs: [60_000] });
    webhooks.dispatch({ url: hook.url, secret, type: 'render.completed', data: {} });
    await hook.received(1);

    await webhooks.close();

    const [record] = webhooks.deliveries();
    expect(record?.state).toBe('failed');
    expect(record?.attempts.map((a) => a.error)).toEqual(['aborted: dispatcher closed']);
    expect(hook.requests).toHaveLength(1);
  });

  it('after close(), dispatch records a failure and sends nothing', async () => {
    const hook = await receiver();
    const webhooks = dispatcher({ dialect: 'sdk' });
    await webhooks.close();
    const record = webhooks.dispatch({ url: hook.url, secret, type: 'render.completed', data: {} });
    await webhooks.idle();
    expect(record).toMatchObject({ state: 'failed', reason: 'cancelled: dispatcher closed' });
    expect(hook.requests).toHaveLength(0);
  });
});
