// The instant trigger on every platform, fed the same real and doctored deliveries.
import { randomUUID } from 'node:crypto';
import { Canvelete } from '@canvelete/core';
import type { DriverDeliveryOutcome, DriverTrigger } from '@canvelete/testing/drivers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forged, resigned, STALE_SECONDS } from './delivery-cases.ts';
import { PLATFORMS } from './platforms.ts';
import { SEED, useContractWorld } from './world.ts';

const world = useContractWorld();

/** What a delivery did, reduced to what must match across platforms. */
const verdict = (outcome: DriverDeliveryOutcome) => ({
  accepted: outcome.accepted,
  runs: outcome.events.length,
});

describe.each(PLATFORMS.map((p) => p.platform))('instant trigger on %s', (platform) => {
  const reference = `contract-${platform}-${randomUUID()}`;
  let trigger: DriverTrigger;
  let client: Canvelete;
  let renderId: string;
  let genuine: Awaited<ReturnType<DriverTrigger['nextDelivery']>>;

  beforeAll(async () => {
    client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
    trigger = await world.driver(platform).instantTrigger({ reference });
    const render = await client.renders.create(
      { designId: SEED.staticBanner, format: 'png', scale: 0.2, reference },
      { pollIntervalMs: 50 },
    );
    renderId = render.id;
    genuine = await trigger.nextDelivery(20_000);
  }, 60_000);
  afterAll(() => trigger?.close());

  it('subscribes itself through the subscription API, with a secret of its own', async () => {
    expect(trigger.mode).toBe('subscribed');
    expect(trigger.signingSecret).toMatch(/^whsec_/);
    const subscriptions = await client.webhooks.list();
    expect(subscriptions.map((s) => s.url)).toContain(trigger.url);
  });

  it('starts one run for the genuine delivery, carrying the render', async () => {
    const outcome = await trigger.deliver(genuine);
    expect(verdict(outcome)).toEqual({ accepted: true, runs: 1 });
    expect(outcome.events[0]).toMatchObject({ renderId, reference, eventType: 'render.completed' });
    expect(outcome.events[0]?.eventId).toBe(JSON.parse(genuine.body).id);
  });

  it('drops the same delivery when it comes again', async () => {
    const delivery = resigned(genuine, trigger.signingSecret ?? '', {
      eventId: `evt_twice_${randomUUID()}`,
    });
    expect(verdict(await trigger.deliver(delivery))).toEqual({ accepted: true, runs: 1 });
    expect(verdict(await trigger.deliver(delivery))).toEqual({ accepted: true, runs: 0 });
  });

  it.each(['v1', 'sha256', 'hex'] as const)(
    'accepts a new event signed in the %s form',
    async (scheme) => {
      const delivery = resigned(genuine, trigger.signingSecret ?? '', {
        eventId: `evt_${scheme}_${randomUUID()}`,
        scheme,
      });
      expect(verdict(await trigger.deliver(delivery))).toEqual({ accepted: true, runs: 1 });
    },
  );

  it('refuses a body changed after signing', async () => {
    expect(verdict(await trigger.deliver(forged(genuine)))).toEqual({ accepted: false, runs: 0 });
  });

  it('refuses a delivery signed with another secret', async () => {
    const delivery = resigned(genuine, 'whsec_not_the_right_secret_0000', {
      eventId: `evt_wrong_${randomUUID()}`,
    });
    expect(verdict(await trigger.deliver(delivery))).toEqual({ accepted: false, runs: 0 });
  });

  it(`refuses a stale delivery (signed ${STALE_SECONDS / 60} minutes ago)`, async () => {
    const delivery = resigned(genuine, trigger.signingSecret ?? '', {
      eventId: `evt_stale_${randomUUID()}`,
      timestamp: Math.floor(Date.now() / 1000) - STALE_SECONDS,
    });
    expect(verdict(await trigger.deliver(delivery))).toEqual({ accepted: false, runs: 0 });
  });

  it('starts no run for a genuine event about another reference', async () => {
    const event = JSON.parse(genuine.body) as { data: Record<string, unknown> };
    const other = resigned(
      {
        ...genuine,
        body: JSON.stringify({ ...event, data: { ...event.data, reference: 'other' } }),
      },
      trigger.signingSecret ?? '',
      { eventId: `evt_other_${randomUUID()}` },
    );
    expect((await trigger.deliver(other)).events).toEqual([]);
  });

  it('unsubscribes when deactivated', async () => {
    const own = await world.driver(platform).instantTrigger({ reference: `${reference}-own` });
    expect((await client.webhooks.list()).map((s) => s.url)).toContain(own.url);
    await own.close();
    expect((await client.webhooks.list()).map((s) => s.url)).not.toContain(own.url);
  });
});
