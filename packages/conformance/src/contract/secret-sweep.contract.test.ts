// The secret-leak sweep over the working paths: with recognisable credentials, nothing a platform
// shows or stores while rendering and triggering contains the API key or a signing secret, and
// neither does any operation's error path (render's is also swept row by row in
// error-table.contract.test.ts).
import { Canvelete } from '@canvelete/core';
import {
  type ConnectorDriver,
  DriverFailure,
  type DriverRenderResult,
} from '@canvelete/testing/drivers';
import { describe, expect, it } from 'vitest';
import { CANARY_KEY, CANARY_SECRET, CANARY_UNKNOWN_KEY, leaksIn, textOf } from './canaries.ts';
import { forged } from './delivery-cases.ts';
import { ERROR_TABLE, type Fault, RENDER_REQUEST } from './error-table.ts';
import { PLATFORMS } from './platforms.ts';
import { openFault } from './provoke.ts';
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

/** Faults that reach every operation: a key the sandbox does not know, servers echoing the key. */
const FAULTS: Array<[string, Fault]> = [
  ['an unknown key', { via: 'sandbox', apiKey: CANARY_UNKNOWN_KEY }],
  ...(['UNAUTHORIZED', 'FORBIDDEN', 'INVALID_ELEMENT', 'CONFLICT'] as const).map(
    (code): [string, Fault] => {
      const row = ERROR_TABLE.find((r) => r.code === code);
      if (!row) throw new Error(`no error-table row for ${code}`);
      const fault =
        code === 'UNAUTHORIZED'
          ? ({
              via: 'answer',
              status: 401,
              body: { error: { code: 'INVALID_API_KEY', message: 'Bad key.' } },
            } as Fault)
          : row.fault;
      return [`a server answering ${code} and echoing the key`, fault];
    },
  ),
];

type Operation = (driver: ConnectorDriver) => Promise<unknown>;
const OPERATIONS: Array<[string, Operation]> = [
  ['fields', (driver) => driver.fields({ designId: SEED.productCard })],
  ['render', (driver) => driver.render(RENDER_REQUEST)],
  [
    'renderMany',
    (driver) => driver.renderMany([RENDER_REQUEST, { ...RENDER_REQUEST, scale: 0.2 }]),
  ],
  ['instantTrigger', (driver) => driver.instantTrigger()],
];

/** What an operation left for the user: its error, or (Render Many) the failed items it returned. */
async function outcomeOf(
  operation: Promise<unknown>,
): Promise<{ failed: boolean; shown: unknown }> {
  try {
    const value = await operation;
    const items = Array.isArray(value) ? (value as DriverRenderResult[]) : [];
    return {
      failed: items.length > 0 && items.every((item) => item.output.status === 'failed'),
      shown: value,
    };
  } catch (error) {
    if (error instanceof DriverFailure) return { failed: true, shown: error.view };
    throw error;
  }
}

describe.each(FAULTS)('every operation against %s', (_name, fault) => {
  it.each(PLATFORMS)('on $platform fails and shows no secret', async (entry) => {
    const site = await openFault(fault);
    const driver = await entry.connect({
      credentials: { apiKey: site.apiKey, baseUrl: site.baseUrl, webhookSecret: CANARY_SECRET },
    });
    try {
      const shown: unknown[] = [];
      for (const [name, operation] of OPERATIONS) {
        const outcome = await outcomeOf(operation(driver));
        expect(outcome.failed, `${name} failed`).toBe(true);
        shown.push(outcome.shown);
      }
      const text = [...shown.map(textOf), driver.transcript()].join('\n');
      expect(leaksIn(text)).toEqual([]);
    } finally {
      await driver.close();
      await site.close();
    }
  });
});
