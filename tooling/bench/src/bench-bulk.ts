// Benchmark 1: N synchronous renders at the sandbox's rate-limit ceiling, renderMany against the
// docs' retry pattern, a naive Promise.all, and an unthrottled floor. Ratios against the ideal.

import { type BulkMeasure, formatCodes, measureBulk } from './bulk-measure.js';
import { viaPacedPrototype } from './bulk-prototypes.js';
import { viaDocsPattern, viaPromiseAll, viaRenderMany } from './bulk-strategies.js';
import { type BenchResult, type Row, timed } from './report.js';
import { idealBucketSeconds, ratio, round } from './stats.js';

export const BULK = {
  n: 300,
  /** 1,080 per minute = 18 per second; with a burst of 30 the ideal is (300 - 30) / 18 = 15 s. */
  ratePerMinute: 1080,
  burst: 30,
  seed: 20261130,
  /** Bound per strategy: nothing new starts after this. */
  boundMs: 90_000,
} as const;

export function bulkRow(name: string, m: BulkMeasure, idealMs: number): Row {
  return {
    name,
    cells: {
      'wall s': round(m.wallMs / 1000, 2),
      '× ideal': round(ratio(m.wallMs, idealMs), 2),
      ok: m.succeeded,
      failed: m.failed,
      '429s': m.received429,
      requests: m.apiRequests,
      renders: m.rendersPerformed,
      credits: m.creditsCharged,
      duplicates: m.duplicates,
      // Rendered (and charged) for an item the caller was told had failed: a re-run makes a duplicate.
      'charged, reported failed': Math.max(0, m.rendersPerformed - m.duplicates - m.succeeded),
      'failure codes': formatCodes(m.failureCodes),
    },
  };
}

export async function benchBulk(): Promise<BenchResult> {
  return timed(async () => {
    const { n, ratePerMinute, burst, seed, boundMs } = BULK;
    const idealMs = idealBucketSeconds(n, ratePerMinute, burst) * 1000;
    const limited = { ratePerMinute, burst, seed };
    const renderMany = await measureBulk(viaRenderMany, limited, n, boundMs);
    const docs = await measureBulk(viaDocsPattern(), limited, n, boundMs);
    const naive = await measureBulk(viaPromiseAll, limited, n, boundMs);
    const floor = await measureBulk(viaRenderMany, { seed }, n, boundMs);
    // Opt-in (BENCH_PROTOTYPES=1): the pacing proposed for renderMany, measured in the same run.
    const prototype =
      process.env['BENCH_PROTOTYPES'] === '1'
        ? await measureBulk(viaPacedPrototype, limited, n, boundMs)
        : undefined;
    const renderManyRatio = ratio(renderMany.wallMs, idealMs);
    return {
      id: 'bulk',
      title: `1. Bulk at the rate-limit ceiling (N=${n}, ${ratePerMinute}/min, burst ${burst})`,
      baseline: `ideal (N - B) / (R / 60) = ${round(idealMs / 1000, 2)} s for the same bucket`,
      parameters: { ...BULK, idealSeconds: idealMs / 1000, design: '160×80 png, 2 elements' },
      rows: [
        bulkRow('renderMany (core, concurrency 4)', renderMany, idealMs),
        bulkRow('docs pattern (sequential, retry 1 s × 2^n, 3 attempts)', docs, idealMs),
        bulkRow('naive Promise.all(renders.render)', naive, idealMs),
        bulkRow('unthrottled floor (renderMany, no limit)', floor, idealMs),
        ...(prototype
          ? [bulkRow('prototype: pace at 60 s / limit (not the core)', prototype, idealMs)]
          : []),
      ],
      targets: [
        {
          name: 'renderMany time',
          goal: '≤ 1.10 × ideal',
          actual: `${round(renderManyRatio, 2)} × ideal`,
          met: renderManyRatio <= 1.1,
        },
        {
          name: 'renderMany failures',
          goal: '0',
          actual: String(renderMany.failed),
          met: renderMany.failed === 0,
        },
        {
          name: 'renderMany duplicates',
          goal: '0',
          actual: String(renderMany.duplicates),
          met: renderMany.duplicates === 0,
        },
      ],
      notes: [
        'Each strategy runs against its own fresh sandbox (full bucket); set-up and warm-up use a second key.',
        'duplicates = render records beyond one per item reference, read back from the render history.',
      ],
    };
  });
}
