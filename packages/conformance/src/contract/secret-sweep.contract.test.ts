// The secret-leak sweep over the working paths: with recognisable credentials, nothing a platform
// shows or stores while rendering and triggering contains the API key or a signing secret. (The
// error paths are swept row by row in error-table.contract.test.ts.)
import { Canvelete } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import { CANARY_KEY, CANARY_SECRET, leaksIn, textOf } from './canaries.ts';
import { forged } from './delivery-cases.ts';
import { PLATFORMS } from './platforms.ts';
import { SEED, useContractWorld } from './world.ts';

const world = useContractWorld({ apiKey: CANARY_KEY, webhookSecret: CANARY_SECRET });

describe.each(PLATFORMS.map((p) => p.platform))('on %s', (platform) => {
  it('renders, renders many and triggers without showing a secret', async () => {
    const driver = world.driver(platform);
    const reference = `sweep-${platform}`;
    const shown: unknown[] = [];
    shown.push(await driver.fields({ designId: SEED.productCard }));
    const single = await driver.render({ designId: SEED.productCard, scale: 0.25, reference });
    shown.push(single.raw, single.output);
    for (const result of await driver.renderMany([
      { designId: SEED.ogImage, format: 'jpg', scale: 0.2 },
      { designId: SEED.staticBanner, format: 'png', scale: 0.2 },
    ]))
      shown.push(result.raw);

    const trigger = await driver.instantTrigger({ reference });
    const client = new Canvelete({ apiKey: CANARY_KEY, baseUrl: world.sandbox.url });
    await client.renders.create(
      { designId: SEED.staticBanner, scale: 0.2, reference },
      { pollIntervalMs: 50 },
    );
    const delivery = await trigger.nextDelivery(20_000);
    shown.push(await trigger.deliver(delivery), await trigger.deliver(forged(delivery)));
    shown.push(trigger.notice);
    const subscriptionSecret = trigger.signingSecret;
    await trigger.close();

    expect(subscriptionSecret, 'the trigger holds a secret to sweep for').toBeTruthy();
    const text = [...shown.map(textOf), driver.transcript()].join('\n');
    expect(text.length).toBeGreaterThan(100);
    expect(leaksIn(text, { 'subscription secret': subscriptionSecret })).toEqual([]);
  });
});
