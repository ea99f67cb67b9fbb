// Benchmark 2: the same bulk with the sandbox's chaos at 0.2 (5xx, 429, slow answers, dropped
// connections, and answers lost after the render was done). Every item must succeed exactly once.
import { BULK, bulkRow } from './bench-bulk.js';
import { measureBulk } from './bulk-measure.js';
import { viaRequeuePrototype } from './bulk-prototypes.js';
import { viaDocsPattern, viaRenderMany } from './bulk-strategies.js';
import { type BenchResult, timed } from './report.js';
import { idealBucketSeconds, round } from './stats.js';

export const FAULTS = { ...BULK, chaos: 0.2, boundMs: 120_000 } as const;

export async function benchFaults(): Promise<BenchResult> {
  return timed(async () => {
    const { n, ratePerMinute, burst, seed, chaos, boundMs } = FAULTS;
    const idealMs = idealBucketSeconds(n, ratePerMinute, burst) * 1000;
    const sandbox = { ratePerMinute, burst, seed, chaos };
    // Side by side at the same time (separate sandboxes and keys): the figures that matter here are
    // counts, and running both at once keeps the whole suite inside its time budget.
    const prototypes = process.env['BENCH_PROTOTYPES'] === '1';
    const [renderMany, docs, prototype] = await Promise.all([
      measureBulk(viaRenderMany, sandbox, n, boundMs),
      measureBulk(viaDocsPattern(), sandbox, n, boundMs),
      // Opt-in: the requeue + per-item key proposed for renderMany (not the core's behaviour).
      prototypes ? measureBulk(viaRequeuePrototype, sandbox, n, boundMs) : undefined,
    ]);
    const withChaosCells = (row: ReturnType<typeof bulkRow>, m: typeof renderMany) => ({
      ...row,
      cells: { ...row.cells, replays: m.idempotentReplays, faults: m.chaosInjected },
    });
    const exactlyOnce =
      renderMany.succeeded === n &&
      renderMany.rendersPerformed === n &&
      renderMany.creditsCharged === n &&
      renderMany.duplicates === 0;
    return {
      id: 'faults',
      title: `2. Faults: the same bulk with chaos ${chaos} (N=${n}, ${ratePerMinute}/min, burst ${burst})`,
      baseline: `ideal ${round(idealMs / 1000, 2)} s for the bucket (faults not included)`,
      parameters: { ...FAULTS, idealSeconds: idealMs / 1000 },
      rows: [
        withChaosCells(bulkRow('renderMany (core defaults)', renderMany, idealMs), renderMany),
        withChaosCells(bulkRow('docs pattern (no Idempotency-Key)', docs, idealMs), docs),
        ...(prototype
          ? [
              withChaosCells(
                bulkRow(
                  'prototype: pace + requeue, 1 key per item (not the core)',
                  prototype,
                  idealMs,
                ),
                prototype,
              ),
            ]
          : []),
      ],
      targets: [
        {
          name: 'renderMany exactly once',
          goal: `ok = renders performed = credits charged = ${n}, no duplicate`,
          actual: `ok ${renderMany.succeeded}, renders ${renderMany.rendersPerformed}, credits ${renderMany.creditsCharged}, duplicates ${renderMany.duplicates}`,
          met: exactlyOnce,
        },
      ],
      notes: [
        'faults = requests the sandbox faulted on purpose; replays = answers served again for a repeated Idempotency-Key (what turns a lost answer into no double render).',
        "All strategies run at the same time, each against its own sandbox process, so their wall times include each other's CPU load: compare counts, not seconds.",
        'Chaos decisions are seeded per request fingerprint; generated Idempotency-Keys differ per run, so the exact faults differ between runs.',
      ],
    };
  });
}
