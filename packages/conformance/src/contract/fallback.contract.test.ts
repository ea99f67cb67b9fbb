// Against a Canvelete without the subscription API (`--no-webhook-api`, today's Canvelete), each
// instant trigger falls back the way ARCHITECTURE says: Zapier refuses and points at its polling
// trigger; n8n and Pipedream keep their URL for the dashboard and verify with the account's secret.
import { randomUUID } from 'node:crypto';
import { Canvelete } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import { forged } from './delivery-cases.ts';
import { type PerPlatform, PLATFORMS } from './platforms.ts';
import { failureOf, SEED, useContractWorld } from './world.ts';

const world = useContractWorld({ webhookApi: false });

const FALLBACK: PerPlatform<'use the polling trigger' | 'paste the URL into the dashboard'> = {
  zapier: 'use the polling trigger',
  n8n: 'paste the URL into the dashboard',
  pipedream: 'paste the URL into the dashboard',
};

describe.each(PLATFORMS.map((p) => p.platform))(
  'the instant trigger on %s without the webhook API',
  (platform) => {
    if (FALLBACK[platform] === 'use the polling trigger') {
      it('refuses to turn on and names the polling trigger to use instead', async () => {
        const view = await failureOf(world.driver(platform).instantTrigger());
        expect(view.message).toMatch(/polling/i);
      });
      return;
    }

    it('turns on with its URL for the dashboard and runs on deliveries signed with the account secret', async () => {
      const trigger = await world.driver(platform).instantTrigger();
      try {
        expect(trigger.mode).toBe('manual');
        expect(trigger.notice).toContain(trigger.url);
        // Canvelete's dashboard webhook stands in as a per-render callback to the same URL, signed
        // with the account's secret.
        const client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
        const reference = `manual-${randomUUID()}`;
        const render = await client.renders.create(
          { designId: SEED.staticBanner, scale: 0.2, reference, callbackUrl: trigger.url },
          { pollIntervalMs: 50 },
        );
        const delivery = await trigger.nextDelivery(20_000);
        const outcome = await trigger.deliver(delivery);
        expect(outcome).toMatchObject({ accepted: true });
        expect(outcome.events.map((e) => e.renderId)).toEqual([render.id]);
        expect((await trigger.deliver(forged(delivery))).accepted).toBe(false);
      } finally {
        await trigger.close();
      }
    });
  },
);
