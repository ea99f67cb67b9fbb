// Benchmark 6: trigger latency, render completed → trigger output, p50 and p95 over 50 events. The
// baseline (a bare loopback receiver) runs now; adapter drivers are "pending adapters" until added.
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

export const TRIGGER = { events: 50, timeoutMs: 10_000, seed: 6 } as const;

const PLATFORMS = ['zapier', 'n8n', 'pipedream'] as const;
const RUNTIME: Record<(typeof PLATFORMS)[number], string> = {
  zapier: 'Zapier handler (createAppHandler)',
  n8n: 'n8n engine (WorkflowExecute)',
  pipedream: 'Pipedream harness (@canvelete/testing)',
};

/** Adapter drivers that exist. None yet: the adapters' runtimes were not stable when this was written. */
export const ADAPTER_DRIVERS: TriggerDriver[] = [];

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
        'Adapters: implement TriggerDriver (src/trigger-latency.ts) in the platform runtime and add it to ADAPTER_DRIVERS.',
      ],
    };
  });
}
