import { Canvelete, signWebhook } from '@canvelete/core';
import { FAIL_REFERENCE_PREFIX } from '@canvelete/sandbox';
import type { SourceHandle } from '@canvelete/testing/pipedream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentPath, OG_IMAGE_ID, STATIC_BANNER_ID, startWorld, type World } from './support.ts';

const SOURCE = componentPath('sources/new-render-completed/new-render-completed.mjs');

function event(id: string, data: Record<string, unknown> = {}) {
  return JSON.stringify({
    id,
    type: 'render.completed',
    createdAt: new Date().toISOString(),
    data: { renderId: `rnd_${id}`, designId: OG_IMAGE_ID, status: 'completed', ...data },
  });
}

function deliver(source: SourceHandle, body: string, headers: Record<string, string>) {
  return fetch(source.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('new-render-completed with the subscription API', () => {
  let world: World;
  let client: Canvelete;
  beforeAll(async () => {
    world = await startWorld();
    client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
  });
  afterAll(() => world.close());

  it('subscribes in activate, resubscribes on update and unsubscribes in deactivate', async () => {
    const source = await world.pd.source(SOURCE, { auth: world.auth });
    await source.deploy();
    const [subscription] = await client.webhooks.list();
    expect(subscription).toMatchObject({ url: source.endpoint, events: ['render.completed'] });
    expect(source.db.get('subscription')).toMatchObject({
      id: subscription?.id,
      secret: expect.any(String),
    });
    await source.update({ designId: OG_IMAGE_ID, events: ['render.completed', 'render.failed'] });
    const after = await client.webhooks.list();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({
      designId: OG_IMAGE_ID,
      events: ['render.completed', 'render.failed'],
    });
    expect(after[0]?.id).not.toBe(subscription?.id);
    await source.delete();
    expect(await client.webhooks.list()).toEqual([]);
    expect(source.hookCalls).toEqual([
      'deploy',
      'activate',
      'deactivate',
      'activate',
      'deactivate',
    ]);
  });

  it('emits a real, signed delivery for a finished render, filtered by event, design and reference', async () => {
    const source = await world.pd.source(SOURCE, {
      auth: world.auth,
      props: { designId: OG_IMAGE_ID, reference: 'order-7' },
    });
    await source.deploy();
    await client.renders.create({ designId: OG_IMAGE_ID, reference: 'order-7' });
    await client.renders.create({ designId: OG_IMAGE_ID, reference: 'order-8' });
    await client.renders.create({ designId: STATIC_BANNER_ID, reference: 'order-7' });
    await client.renders
      .create({ designId: OG_IMAGE_ID, reference: `${FAIL_REFERENCE_PREFIX}:x` })
      .catch(() => undefined);
    await world.sandbox.idle();
    expect(source.emitted).toHaveLength(1);
    const [{ event: emitted, meta }] = source.emitted as [
      { event: { render: Record<string, unknown>; type: string }; meta: Record<string, unknown> },
    ];
    expect(emitted.type).toBe('render.completed');
    expect(emitted.render).toMatchObject({
      status: 'completed',
      reference: 'order-7',
      designId: OG_IMAGE_ID,
    });
    expect(meta.summary).toBe(`Render ${emitted.render.id} completed`);
    expect(source.responses.every((r) => r.status === 200)).toBe(true);
    await source.delete();
  });

  it('answers 401 to a forged or stale delivery, and drops a duplicate', async () => {
    const source = await world.pd.source(SOURCE, { auth: world.auth });
    await source.deploy();
    const { secret } = source.db.get('subscription') as { secret: string };
    const body = event('evt_dup_1');
    const forged = await deliver(
      source,
      body,
      signWebhook({ payload: body, secret: 'whsec_wrong' }),
    );
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ reason: 'NO_MATCHING_SIGNATURE' });
    const stale = await deliver(
      source,
      body,
      signWebhook({ payload: body, secret, timestamp: Math.floor(Date.now() / 1000) - 600 }),
    );
    expect(stale.status).toBe(401);
    expect(await stale.json()).toMatchObject({ reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    const unsigned = await deliver(source, body, {});
    expect(unsigned.status).toBe(401);
    expect(source.emitted).toHaveLength(0);
    const headers = signWebhook({ payload: body, secret });
    expect((await deliver(source, body, headers)).status).toBe(200);
    expect((await deliver(source, body, headers)).status).toBe(200);
    expect(source.emitted).toHaveLength(1);
    expect(source.dropped).toHaveLength(1);
    expect(source.emitted[0]?.meta.id).toBe('evt_dup_1');
    await source.delete();
  });
});

describe('new-render-completed without the subscription API (--no-webhook-api)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ webhookApi: false });
  });
  afterAll(() => world.close());

  it('logs the endpoint to paste into the dashboard and verifies with the Signing Secret prop', async () => {
    const auth = { canvelete: { api_key: world.sandbox.apiKey, base_url: world.sandbox.url } };
    const source = await world.pd.source(SOURCE, { auth });
    await source.deploy();
    expect(source.db.get('subscription')).toBeNull();
    const logged = source.logs.map((l) => l.message).join('\n');
    expect(logged).toContain(source.endpoint);
    expect(logged).toContain('Signing Secret');
    const body = event('evt_manual_1');
    // Fail closed: without a secret nothing is accepted.
    const refused = await deliver(
      source,
      body,
      signWebhook({ payload: body, secret: 'whsec_dash' }),
    );
    expect(refused.status).toBe(401);
    await source.update({ signingSecret: 'whsec_dash' });
    const accepted = await deliver(
      source,
      body,
      signWebhook({ payload: body, secret: 'whsec_dash' }),
    );
    expect(accepted.status).toBe(200);
    expect(source.emitted.map((e) => e.meta.id)).toEqual(['evt_manual_1']);
    // Without a subscription nothing filters on Canvelete's side: the source's own filter does.
    await source.update({ designId: OG_IMAGE_ID, events: ['render.completed'] });
    for (const [id, data] of [
      ['evt_other_design', { designId: STATIC_BANNER_ID }],
      ['evt_failed', { status: 'failed' }],
      ['evt_wanted', {}],
    ] as const) {
      const payload =
        id === 'evt_failed'
          ? event(id, data).replace('"render.completed"', '"render.failed"')
          : event(id, data);
      const answer = await deliver(source, payload, signWebhook({ payload, secret: 'whsec_dash' }));
      expect(answer.status).toBe(200);
    }
    expect(source.emitted.map((e) => e.meta.id)).toEqual(['evt_manual_1', 'evt_wanted']);
    await source.delete();
  });
});
