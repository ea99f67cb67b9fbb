// Webhooks in every dialect: the proposed subscription API (and NOT_SUPPORTED without it), real
// signed deliveries to a loopback receiver verified with the core's verifyWebhook, tampering refused.
import { CanveleteError, verifyWebhook } from '@canvelete/core';
import { type ScriptedServer, startScriptedServer } from '@canvelete/testing/http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caught, DIALECTS, FAST_POLL, SEED, useSandbox } from './sandbox-fixture.js';

/** Each dialect's one signature form (apps/sandbox README, "Dialects"). */
const SIGNATURE_FORM = {
  sdk: /^t=\d+,v1=[0-9a-f]{64}$/,
  docs: /^sha256=[0-9a-f]{64}$/,
  py: /^[0-9a-f]{64}$/,
} as const;

interface RenderEventData {
  designId?: string;
  status?: string;
  reference?: string;
}

describe.each(DIALECTS)('webhooks (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect, { webhookRetryScheduleMs: [50] });
  /** Secrets the receiver accepts; a delivery it cannot verify is answered 400. */
  const secrets: string[] = [];
  let receiver: ScriptedServer;

  beforeAll(async () => {
    receiver = await startScriptedServer((request) => {
      try {
        verifyWebhook({ payload: request.body, headers: request.headers, secrets });
        return { status: 204 };
      } catch {
        return { status: 400 };
      }
    });
  });
  afterAll(() => receiver.close());

  const receivedAt = (path: string) => receiver.requests.filter((request) => request.url === path);

  it('subscribes, lists without secrets and unsubscribes (twice is fine)', async () => {
    const url = `${receiver.url}/crud-${dialect}`;
    const created = await fixture.client.webhooks.subscribe({
      url,
      events: ['render.completed', 'render.failed'],
      designId: SEED.staticBanner,
    });
    expect(created).toEqual({
      id: expect.stringMatching(/^wh_/),
      url,
      events: ['render.completed', 'render.failed'],
      designId: SEED.staticBanner,
      secret: expect.stringMatching(/^whsec_[0-9a-f]{64}$/),
      createdAt: expect.stringMatching(/^\d{4}-/),
    });
    const listed = await fixture.client.webhooks.list();
    const mine = listed.find((subscription) => subscription.id === created.id);
    expect(mine).toEqual({ ...created, secret: undefined });
    expect(listed.every((subscription) => subscription.secret === undefined)).toBe(true);

    await fixture.client.webhooks.unsubscribe(created.id);
    await expect(fixture.client.webhooks.unsubscribe(created.id)).resolves.toBeUndefined();
    const after = await fixture.client.webhooks.list();
    expect(after.map((subscription) => subscription.id)).not.toContain(created.id);
  });

  it('refuses an invalid subscription with VALIDATION_ERROR naming the field', async () => {
    const error = await caught(
      fixture.client.webhooks.subscribe({ url: `${receiver.url}/x`, events: ['render.exploded'] }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_ERROR',
      status: dialect === 'docs' ? 400 : 422,
    });
    expect(error.details.field).toBe('events[0]');
  });

  it('delivers a signed render.completed to a subscriber, with the reference, in this dialect', async () => {
    const path = `/subscriber-${dialect}`;
    const subscription = await fixture.client.webhooks.subscribe({
      url: `${receiver.url}${path}`,
      events: ['render.completed'],
      designId: SEED.dailyPost,
    });
    secrets.push(subscription.secret ?? '');
    const reference = `hook-${dialect}`;
    const render = await fixture.client.renders.create(
      { designId: SEED.dailyPost, scale: 0.1, reference },
      FAST_POLL,
    );
    // Another design's render must not reach a subscription filtered on dailyPost.
    await fixture.client.renders.render({ designId: SEED.staticBanner, scale: 0.1 });
    await fixture.sandbox.idle();

    const requests = receivedAt(path);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.headers['x-canvelete-signature']).toMatch(SIGNATURE_FORM[dialect]);
    const event = verifyWebhook({
      payload: request.body,
      headers: request.headers,
      secret: subscription.secret,
    });
    expect(event).toMatchObject({ id: expect.stringMatching(/^evt_/), type: 'render.completed' });
    expect(event.data as RenderEventData).toMatchObject({
      designId: SEED.dailyPost,
      status: 'completed',
      reference,
    });
    const delivery = fixture.sandbox.deliveries().find((record) => record.eventId === event.id);
    expect(delivery).toMatchObject({ state: 'delivered', attempts: [{ status: 204 }] });
    expect(render.reference).toBe(reference);
    await fixture.client.webhooks.unsubscribe(subscription.id);
  });

  it('rejects a tampered delivery, a wrong secret and a parsed body', async () => {
    const path = `/tamper-${dialect}`;
    const subscription = await fixture.client.webhooks.subscribe({
      url: `${receiver.url}${path}`,
      events: ['render.completed'],
      designId: SEED.certificate,
    });
    secrets.push(subscription.secret ?? '');
    await fixture.client.renders.render({ designId: SEED.certificate, scale: 0.1 });
    await fixture.sandbox.idle();
    const request = receivedAt(path)[0]!;
    const secret = subscription.secret ?? '';
    const reason = (input: Parameters<typeof verifyWebhook>[0]) => {
      try {
        verifyWebhook(input);
      } catch (error) {
        if (CanveleteError.isInstance(error)) return [error.code, error.details.reason];
        throw error;
      }
      return ['VERIFIED'];
    };
    const tampered = Buffer.from(request.body.toString('utf8').replace('completed', 'c0mpleted'));
    expect(reason({ payload: tampered, headers: request.headers, secret })).toEqual([
      'WEBHOOK_VERIFICATION_FAILED',
      'NO_MATCHING_SIGNATURE',
    ]);
    expect(
      reason({ payload: request.body, headers: request.headers, secret: 'whsec_wrong' }),
    ).toEqual(['WEBHOOK_VERIFICATION_FAILED', 'NO_MATCHING_SIGNATURE']);
    const parsed = JSON.parse(request.body.toString('utf8')) as unknown as string;
    expect(reason({ payload: parsed, headers: request.headers, secret })).toEqual([
      'WEBHOOK_VERIFICATION_FAILED',
      'INVALID_PAYLOAD_TYPE',
    ]);
    expect(reason({ payload: request.body, headers: request.headers, secret })).toEqual([
      'VERIFIED',
    ]);
    await fixture.client.webhooks.unsubscribe(subscription.id);
  });

  it('signs a per-render callback with the sandbox webhook secret', async () => {
    const path = `/callback-${dialect}`;
    secrets.push(fixture.sandbox.webhookSecret);
    const reference = `callback-${dialect}`;
    const render = await fixture.client.renders.create(
      { designId: SEED.ogImage, scale: 0.1, reference, callbackUrl: `${receiver.url}${path}` },
      FAST_POLL,
    );
    await fixture.sandbox.idle();
    const requests = receivedAt(path);
    expect(requests).toHaveLength(1);
    const event = verifyWebhook({
      payload: requests[0]!.body,
      headers: requests[0]!.headers,
      secret: fixture.sandbox.webhookSecret,
    });
    expect(event.type).toBe('render.completed');
    expect(event.data as RenderEventData).toMatchObject({ reference, designId: SEED.ogImage });
    expect(JSON.stringify(event.data)).toContain(render.id);
  });

  it('announces render.failed to subscribers and batch.completed to a batch callback', async () => {
    const failedPath = `/failed-${dialect}`;
    const batchPath = `/batch-${dialect}`;
    const subscription = await fixture.client.webhooks.subscribe({
      url: `${receiver.url}${failedPath}`,
      events: ['render.failed'],
    });
    secrets.push(subscription.secret ?? '', fixture.sandbox.webhookSecret);
    const batch = await fixture.client.renders.batch({
      items: [
        { designId: SEED.staticBanner, scale: 0.1, reference: 'sandbox:fail in a batch' },
        { designId: SEED.staticBanner, scale: 0.1, reference: 'fine' },
      ],
      callbackUrl: `${receiver.url}${batchPath}`,
    });
    const done = await fixture.client.renders.waitForBatch(batch.id, FAST_POLL);
    expect(done.renders.map((render) => render.status)).toEqual(['failed', 'completed']);
    await fixture.sandbox.idle();

    const [failed] = receivedAt(failedPath);
    const failedEvent = verifyWebhook({
      payload: failed!.body,
      headers: failed!.headers,
      secret: subscription.secret,
    });
    expect(failedEvent.type).toBe('render.failed');
    expect(failedEvent.data as RenderEventData).toMatchObject({
      status: 'failed',
      reference: 'sandbox:fail in a batch',
    });

    const [batchCall] = receivedAt(batchPath);
    const batchEvent = verifyWebhook({
      payload: batchCall!.body,
      headers: batchCall!.headers,
      secret: fixture.sandbox.webhookSecret,
    });
    expect(batchEvent.type).toBe('batch.completed');
    expect(JSON.stringify(batchEvent.data)).toContain(batch.id);
    await fixture.client.webhooks.unsubscribe(subscription.id);
  });
});

describe.each(DIALECTS)('without the webhook API (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect, { webhookApi: false });

  it('raises NOT_SUPPORTED on subscribe and list; unsubscribe counts as done', async () => {
    const subscribe = await caught(
      fixture.client.webhooks.subscribe({
        url: 'http://127.0.0.1:9/hook',
        events: ['render.completed'],
      }),
    );
    expect(subscribe).toMatchObject({ code: 'NOT_SUPPORTED', status: 404 });
    expect(subscribe.details.feature).toBe('webhook-subscriptions');
    expect((await caught(fixture.client.webhooks.list())).code).toBe('NOT_SUPPORTED');
    await expect(fixture.client.webhooks.unsubscribe('wh_anything')).resolves.toBeUndefined();
    // Everything else still works on such a server.
    await expect(fixture.client.designs.retrieve(SEED.staticBanner)).resolves.toMatchObject({
      id: SEED.staticBanner,
    });
  });
});
