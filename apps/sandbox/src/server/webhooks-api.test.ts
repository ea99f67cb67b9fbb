import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, receiver, sandbox } from './test-support.js';

const PRODUCT = SEED_DESIGN_IDS.productCard;
const OG = SEED_DESIGN_IDS.ogImage;

function verifyV1(secret: string, header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  return createHmac('sha256', secret).update(`${match[1]}.${body}`).digest('hex') === match[2];
}

describe('subscription API', () => {
  it('creates (secret once), lists without secrets, deletes, and 404s when gone', async () => {
    const box = await sandbox();
    const hook = await receiver();
    const created = await call(box, 'POST', '/api/v1/webhooks', {
      body: { url: hook.url, events: ['render.completed'], designId: PRODUCT },
    });
    expect(created.status).toBe(201);
    expect(created.json.success).toBe(true);
    const sub = created.json.data;
    expect(sub).toMatchObject({ url: hook.url, events: ['render.completed'], designId: PRODUCT });
    expect(sub.secret).toMatch(/^whsec_/);
    expect(sub.id).toBeTruthy();
    expect(sub.createdAt).toBeTruthy();
    const list = await call(box, 'GET', '/api/v1/webhooks');
    expect(list.json.data).toEqual([
      {
        id: sub.id,
        url: hook.url,
        events: ['render.completed'],
        designId: PRODUCT,
        createdAt: sub.createdAt,
      },
    ]);
    expect((await call(box, 'DELETE', `/api/v1/webhooks/${sub.id}`)).json).toEqual({
      success: true,
    });
    expect((await call(box, 'DELETE', `/api/v1/webhooks/${sub.id}`)).status).toBe(404);
    expect((await call(box, 'GET', '/api/v1/webhooks')).json.data).toEqual([]);
  });

  it('validates url and events', async () => {
    const box = await sandbox();
    const noUrl = await call(box, 'POST', '/api/v1/webhooks', {
      body: { events: ['render.completed'] },
    });
    expect(noUrl.json.error.details.field).toBe('url');
    const badEvent = await call(box, 'POST', '/api/v1/webhooks', {
      body: { url: 'http://127.0.0.1:1/x', events: ['render.exploded'] },
    });
    expect(badEvent.json.error.details.field).toBe('events[0]');
  });

  it('delivers only matching events and designs, signed with the subscription secret', async () => {
    const box = await sandbox();
    const productHook = await receiver();
    const failHook = await receiver();
    const product = await call(box, 'POST', '/api/v1/webhooks', {
      body: { url: productHook.url, events: ['render.completed'], designId: PRODUCT },
    });
    const failures = await call(box, 'POST', '/api/v1/webhooks', {
      body: { url: failHook.url, events: ['render.failed'] },
    });
    await call(box, 'POST', '/api/v1/render/async', { body: { designId: OG, width: 60 } });
    await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: PRODUCT, width: 60, reference: 'mine' },
    });
    await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: OG, width: 60, reference: 'sandbox:fail-1' },
    });
    await box.idle();
    expect(productHook.received).toHaveLength(1);
    const [delivery] = productHook.received;
    expect(delivery!.json).toMatchObject({
      type: 'render.completed',
      data: { designId: PRODUCT, reference: 'mine' },
    });
    expect(
      verifyV1(
        product.json.data.secret,
        String(delivery!.headers['x-canvelete-signature']),
        delivery!.body,
      ),
    ).toBe(true);
    expect(failHook.received).toHaveLength(1);
    expect(failHook.received[0]!.json).toMatchObject({
      type: 'render.failed',
      data: { status: 'failed', reference: 'sandbox:fail-1' },
    });
    expect(failHook.received[0]!.json.data.error).toContain('simulated');
    expect(
      verifyV1(
        failures.json.data.secret,
        String(failHook.received[0]!.headers['x-canvelete-signature']),
        failHook.received[0]!.body,
      ),
    ).toBe(true);
    const log = await call(box, 'GET', '/__sandbox/deliveries', { key: null });
    expect(log.json.deliveries).toHaveLength(2);
    expect(log.json.deliveries.every((d: { state: string }) => d.state === 'delivered')).toBe(true);
  });

  it('sends batch.completed to the batch webhook when every job is done', async () => {
    const box = await sandbox();
    const hook = await receiver();
    const batch = await call(box, 'POST', '/api/v1/render/batch', {
      body: {
        renders: [
          { designId: PRODUCT, width: 40 },
          { designId: OG, width: 40, reference: 'sandbox:fail' },
        ],
        webhook: hook.url,
      },
    });
    const [done] = await hook.waitFor(1);
    await box.idle();
    // The batch webhook hears about the batch; per-job events go to subscriptions / item webhooks.
    expect(hook.received.map((e) => e.json.type)).toEqual(['batch.completed']);
    expect(done!.json.data.batchId).toBe(batch.json.batchId);
    const statuses = done!.json.data.jobs.map((j: { status: string }) => j.status);
    expect(statuses.sort()).toEqual(['completed', 'failed']);
    const signature = String(done!.headers['x-canvelete-signature']);
    expect(verifyV1(box.webhookSecret, signature, done!.body)).toBe(true);
  });

  it('announces design.created and design.deleted to subscribers', async () => {
    const box = await sandbox();
    const hook = await receiver();
    await call(box, 'POST', '/api/v1/webhooks', {
      body: { url: hook.url, events: ['design.created', 'design.deleted'] },
    });
    const created = await call(box, 'POST', '/api/automation/designs', {
      body: { name: 'Hooked' },
    });
    await call(box, 'PATCH', `/api/automation/designs/${created.json.data.id}`, {
      body: { name: 'x' },
    });
    await call(box, 'DELETE', `/api/automation/designs/${created.json.data.id}`);
    await box.idle();
    const seen = hook.received.map((e) => [e.json.type, e.json.data.id]);
    expect(seen.sort()).toEqual([
      ['design.created', created.json.data.id],
      ['design.deleted', created.json.data.id],
    ]);
  });

  it('answers 404 for the subscription routes with webhookApi: false', async () => {
    const box = await sandbox({ webhookApi: false });
    expect((await call(box, 'GET', '/api/v1/webhooks')).status).toBe(404);
    const post = await call(box, 'POST', '/api/v1/webhooks', {
      body: { url: 'http://127.0.0.1:1/x', events: ['render.completed'] },
    });
    expect(post.status).toBe(404);
    expect((await call(box, 'DELETE', '/api/v1/webhooks/wh_1')).status).toBe(404);
  });

  it('survives a callback host that refuses connections', async () => {
    const box = await sandbox({ webhookRetryScheduleMs: [10] });
    const created = await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: PRODUCT, width: 40, webhook: 'http://127.0.0.1:1/closed' },
    });
    await box.idle();
    const status = await call(box, 'GET', `/api/v1/render/status/${created.json.jobId}`);
    expect(status.json.data.status).toBe('completed');
    const [delivery] = box.deliveries();
    expect(delivery!.state).toBe('failed');
    expect(delivery!.attempts).toHaveLength(2);
  });
});
