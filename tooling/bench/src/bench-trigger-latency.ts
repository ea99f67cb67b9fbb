// Benchmark 6: trigger latency, render completed → trigger output, p50 and p95 over 50 events, for a
// bare loopback receiver (the baseline) and each adapter's runtime; a platform with no driver in
// ADAPTER_DRIVERS gets a "pending" row.
import { Canvelete } from '@canvelete/core';
import { type BenchResult, type Row, timed } from './report.js';
import { startBenchSandbox } from './sandbox-fixture.js';
import { ratio, round } from './stats.js';
import { createBaselineDriver } from './trigger-baseline-driver.js';
import {
  type LatencySummary,
  measureTriggerLatency,
  type TriggerDriver,
} from './trigger-latency.js';
import { createN8nDriver } from './trigger-n8n-driver.js';
import { createPipedreamDriver } from './trigger-pipedream-driver.js';
import { createZapierDriver } from './trigger-zapier-driver.js';

export const TRIGGER = { events: 50, timeoutMs: 10_000, seed: 6 } as const;

const PLATFORMS = ['zapier', 'n8n', 'pipedream'] as const;
const RUNTIME: Record<(typeof PLATFORMS)[number], string> = {
  zapier: 'Zapier handler (createAppHandler)',
  n8n: 'n8n engine (WebhookContext → webhook())',
  pipedream: 'Pipedream harness (@canvelete/testing)',
};

/** One driver per adapter runtime; a platform without one gets a "pending" row. */
export const ADAPTER_DRIVERS: TriggerDriver[] = [
  createZapierDriver(),
  createN8nDriver(),
  createPipedreamDriver(),
];

async function measure(driver: TriggerDriver): Promise<LatencySummary> {
  const fixture = await startBenchSandbox({ seed: TRIGGER.seed });
  try {
    await driver.start({
      sandboxUrl: fixture.url,
      apiKey: fixture.apiKey,
      designId: fixture.designId,
    });
    try {
      const client = new Canvelete({ apiKey: fixture.apiKey, baseUrl: fixture.url });
      return await measureTriggerLatency(
        driver,
        async (reference) => {
          await client.renders.createAsync({
            designId: fixture.designId,
            format: 'png',
            reference,
          });
        },
        TRIGGER.events,
        TRIGGER.timeoutMs,
      );
    } finally {
      await driver.stop();
    }
  } finally {
    await fixture.close();
  }
}

function row(name: string, summary: LatencySummary, baseline?: LatencySummary): Row {
  return {
    name,
    cells: {
      events: summary.events,
      'p50 ms': round(summary.p50Ms, 1),
      'p95 ms': round(summary.p95Ms, 1),
      timeouts: summary.timeouts,
      '× baseline p50': baseline ? round(ratio(summary.p50Ms, baseline.p50Ms), 2) : 1,
      status: 'measured',
    },
  };
}

export async function benchTriggerLatency(): Promise<BenchResult> {
  return timed(async () => {
    const baseline = await measure(createBaselineDriver());
    const rows: Row[] = [row('baseline: bare loopback receiver + verifyWebhook', baseline)];
    for (const platform of PLATFORMS) {
      const driver = ADAPTER_DRIVERS.find((d) => d.platform === platform);
      if (driver)
        rows.push(row(`${platform}: ${RUNTIME[platform]}`, await measure(driver), baseline));
      else {
        rows.push({
          name: `${platform}: ${RUNTIME[platform]}`,
          cells: { status: 'pending adapters (no driver yet)' },
        });
      }
    }
    return {
      id: 'trigger-latency',
      title: `6. Trigger latency (render completed → trigger output, ${TRIGGER.events} events)`,
      baseline: 'a bare loopback receiver subscribed through the core, verifying each delivery',
      parameters: TRIGGER,
      rows,
      targets: [],
      notes: [
        'Latency = when the output appeared (bench clock) − the event time the sandbox stamped at completion (same machine clock, ms).',
        'Zapier: the built app in createAppHandler (as `zapier invoke` runs it, z.cache over a fake RPC); a loopback hook URL hands each delivery to perform as bundle.rawRequest.',
        "n8n: the Canvelete Trigger subscribed by webhookMethods.create; a loopback stands in for n8n's webhook URL and forwards each delivery to webhook() through n8n-core's WebhookContext.",
        'Pipedream: the new-render-completed source deployed in the @canvelete/testing harness, delivered to its own loopback endpoint; output = the recorded $emit.',
      ],
    };
  });
}
