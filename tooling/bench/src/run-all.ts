// `pnpm bench`: runs every benchmark (or those named on the command line), each in a fresh Node
// process so no benchmark inherits another's timers, sockets or heap; each prints its table and
// writes results/<id>.json; this process then writes results/summary.json with every target.
// Exit code 0 even when a target is missed (targets are reported, not asserted); 1 when a
// benchmark could not run.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { benchBulk } from './bench-bulk.js';
import { benchFaults } from './bench-faults.js';
import { benchOverhead } from './bench-overhead.js';
import { benchTriggerLatency } from './bench-trigger-latency.js';
import { benchWebhooks } from './bench-webhooks.js';
import { benchWeight } from './bench-weight.js';
import { type BenchResult, formatResult, RESULTS_DIR, writeResult } from './report.js';

interface Benchmark {
  id: string;
  run: () => Promise<BenchResult>;
}

const BENCHMARKS: Benchmark[] = [
  { id: 'bulk', run: benchBulk },
  { id: 'faults', run: benchFaults },
  { id: 'overhead', run: benchOverhead },
  { id: 'webhooks', run: benchWebhooks },
  { id: 'weight', run: benchWeight },
  { id: 'trigger-latency', run: benchTriggerLatency },
];

/** Hard bound per benchmark process. */
const CHILD_TIMEOUT_MS = 6 * 60_000;

async function runHere(benchmark: Benchmark): Promise<void> {
  const result = await benchmark.run();
  console.log(formatResult(result));
  await writeResult(result);
}

async function runInChild(id: string): Promise<boolean> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--in-process', id], {
    stdio: 'inherit',
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return code === 0;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const inProcess = args[0] === '--in-process';
  const wanted = inProcess ? args.slice(1) : args;
  const selected = wanted.length ? BENCHMARKS.filter((b) => wanted.includes(b.id)) : BENCHMARKS;
  if (selected.length === 0) {
    console.error(`No benchmark named ${wanted.join(', ')}; known: ${BENCHMARKS.map((b) => b.id)}`);
    process.exitCode = 2;
    return;
  }
  if (inProcess) {
    for (const benchmark of selected) await runHere(benchmark);
    return;
  }

  const startedAt = new Date().toISOString();
  const start = performance.now();
  const results: BenchResult[] = [];
  for (const benchmark of selected) {
    if (!(await runInChild(benchmark.id))) {
      process.exitCode = 1;
      console.error(`\n== ${benchmark.id} FAILED TO RUN (see above)`);
      continue;
    }
    const path = `${RESULTS_DIR.replace(/\/$/, '')}/${benchmark.id}.json`;
    results.push(JSON.parse(await readFile(path, 'utf8')) as BenchResult);
  }
  const summary = results.flatMap((r) => r.targets.map((t) => ({ benchmark: r.id, ...t })));
  const durationMs = performance.now() - start;
  await writeResult({
    id: 'summary',
    title: 'All targets',
    baseline: 'see each benchmark',
    parameters: { benchmarks: selected.map((b) => b.id), node: process.version },
    rows: summary.map((t) => ({
      name: `${t.benchmark}: ${t.name}`,
      cells: { goal: t.goal, actual: t.actual, met: t.met },
    })),
    targets: [],
    notes: [],
    startedAt,
    durationMs,
  });
  const missed = summary.filter((t) => t.met === false).length;
  console.log(
    `\nAll benchmarks done in ${(durationMs / 1000).toFixed(1)} s: ${summary.length - missed} targets met, ${missed} missed (results/summary.json).`,
  );
}

await main();
