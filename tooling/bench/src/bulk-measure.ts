// Runs one bulk strategy against a fresh sandbox and gathers what benchmarks 1 and 2 report.
import { Canvelete } from '@canvelete/core';
import type { BulkStrategy } from './bulk-strategies.js';
import { type BenchSandboxOptions, bulkItems, startBenchSandbox } from './sandbox-fixture.js';
import { tally } from './stats.js';

export interface BulkMeasure {
  wallMs: number;
  succeeded: number;
  failed: number;
  failureCodes: Record<string, number>;
  /** 429 answers the sandbox sent (its own rate limit plus chaos). */
  received429: number;
  apiRequests: number;
  rendersPerformed: number;
  creditsCharged: number;
  idempotentReplays: number;
  chaosInjected: number;
  /** Renders beyond the first for the same item (from the sandbox's render history). */
  duplicates: number;
}

/** Counts render records per `reference` through the API, then the surplus over one each. */
async function countDuplicates(url: string, apiKey: string): Promise<number> {
  const client = new Canvelete({ apiKey, baseUrl: url, maxRetries: 8 });
  const perReference: string[] = [];
  let pages = 0;
  for await (const render of client.renders.iterate({ limit: 100 })) {
    if (render.reference?.startsWith('bench-')) perReference.push(render.reference);
    if (++pages > 10_000) break; // bound: never more records than this run could make
  }
  return Object.values(tally(perReference)).reduce((sum, count) => sum + (count - 1), 0);
}

export async function measureBulk(
  strategy: BulkStrategy,
  sandbox: BenchSandboxOptions,
  n: number,
  boundMs: number,
): Promise<BulkMeasure> {
  const fixture = await startBenchSandbox(sandbox);
  try {
    const items = bulkItems(fixture.designId, n);
    const start = performance.now();
    const outcomes = await strategy({
      url: fixture.url,
      apiKey: fixture.apiKey,
      items,
      deadline: Date.now() + boundMs,
    });
    const wallMs = performance.now() - start;
    const stats = await fixture.statsSinceReady();
    const failures = outcomes.filter((o) => !o.ok);
    return {
      wallMs,
      succeeded: outcomes.length - failures.length,
      failed: failures.length + Math.max(0, n - outcomes.length),
      failureCodes: tally(failures.map((f) => f.code ?? 'UNKNOWN')),
      received429: stats.rateLimited,
      apiRequests: stats.apiRequests,
      rendersPerformed: stats.rendersPerformed,
      creditsCharged: stats.creditsCharged,
      idempotentReplays: stats.idempotentReplays,
      chaosInjected: stats.chaosInjected,
      duplicates: await countDuplicates(fixture.url, fixture.setupKey),
    };
  } finally {
    await fixture.close();
  }
}

export function formatCodes(codes: Record<string, number>): string {
  const entries = Object.entries(codes);
  return entries.length === 0 ? '' : entries.map(([code, count]) => `${code}×${count}`).join(' ');
}
