// The Zapier and Pipedream drivers against a real sandbox: each subscribes through its runtime,
// observes the output for its render's reference, and unsubscribes on stop. (The n8n driver loads
// the CommonJS engine bundle from dist, so it is exercised by the benchmark run itself.)
import { Canvelete } from '@canvelete/core';
import { type Sandbox, startSandbox } from '@canvelete/sandbox';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TriggerDriver } from './trigger-latency.js';
import { createPipedreamDriver } from './trigger-pipedream-driver.js';
import { createZapierDriver } from './trigger-zapier-driver.js';

/** A seed design of the sandbox (seed 7). */
const OG_IMAGE_ID = 'cm4sbx0graph1mage00000003';

describe.each([
  ['pipedream', createPipedreamDriver],
  ['zapier', createZapierDriver],
] as const)('the %s trigger driver', (_platform, createDriver) => {
  let sandbox: Sandbox;
  let client: Canvelete;
  beforeEach(async () => {
    sandbox = await startSandbox({ port: 0, seed: 7 });
    client = new Canvelete({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  });
  afterEach(() => sandbox.close());

  it('observes the output for its reference only, then unsubscribes', async () => {
    const driver: TriggerDriver = createDriver();
    await driver.start({ sandboxUrl: sandbox.url, apiKey: sandbox.apiKey, designId: OG_IMAGE_ID });
    try {
      expect(await client.webhooks.list()).toHaveLength(1);
      const observed = driver.observe('bench-test-b', 5_000);
      const startedAt = Date.now();
      await client.renders.createAsync({ designId: OG_IMAGE_ID, reference: 'bench-test-a' });
      await client.renders.createAsync({ designId: OG_IMAGE_ID, reference: 'bench-test-b' });
      const { outputAt, completedAt } = await observed;
      // The event time stamped by the sandbox comes after the render started, the output after it.
      expect(completedAt).toBeGreaterThanOrEqual(startedAt - 1);
      expect(outputAt).toBeGreaterThanOrEqual(completedAt);
    } finally {
      await driver.stop();
    }
    expect(await client.webhooks.list()).toEqual([]);
  });
});
