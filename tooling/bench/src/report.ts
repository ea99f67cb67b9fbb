// Shared reporting: every benchmark returns a BenchResult; this prints it as a table and writes it as
// JSON under tooling/bench/results/. Targets are reported (met or not), never asserted.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { round } from './stats.js';

export type Cell = string | number | boolean | null;

export interface Row {
  /** What was measured, e.g. `renderMany (concurrency 4)`. */
  name: string;
  cells: Record<string, Cell>;
}

export interface Target {
  name: string;
  /** The goal in words, e.g. `≤ 1.10 × ideal`. */
  goal: string;
  actual: string;
  /** null when it could not be measured in this run (e.g. an adapter not built yet). */
  met: boolean | null;
}

export interface BenchResult {
  id: string;
  title: string;
  /** What the ratios are taken against, measured in the same run. */
  baseline: string;
  parameters: Record<string, unknown>;
  rows: Row[];
  targets: Target[];
  notes: string[];
  startedAt: string;
  durationMs: number;
}

/** Where results go: `tooling/bench/results/` (same depth from src/ and dist/). */
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));

function formatCell(cell: Cell | undefined): string {
  if (cell === undefined || cell === null) return '—';
  if (typeof cell === 'number') {
    if (Number.isNaN(cell)) return 'n/a';
    if (Number.isInteger(cell)) return String(cell);
    return String(round(cell, Math.abs(cell) >= 100 ? 1 : 2));
  }
  return String(cell);
}

/** Renders rows as an aligned text table; the columns are the union of every row's cells. */
export function formatTable(rows: readonly Row[]): string {
  const columns: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(row.cells)) if (!columns.includes(key)) columns.push(key);
  }
  const header = ['', ...columns];
  const lines = rows.map((row) => [row.name, ...columns.map((c) => formatCell(row.cells[c]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [render(header), rule, ...lines.map(render)].join('\n');
}

export function formatTargets(targets: readonly Target[]): string {
  return targets
    .map((t) => {
      const verdict = t.met === null ? 'NOT MEASURED' : t.met ? 'met' : 'MISSED';
      return `  target ${t.name}: ${t.goal} → ${t.actual} [${verdict}]`;
    })
    .join('\n');
}

export function formatResult(result: BenchResult): string {
  const parts = [
    `\n== ${result.title} (${(result.durationMs / 1000).toFixed(1)} s)`,
    `baseline: ${result.baseline}`,
    formatTable(result.rows),
  ];
  if (result.targets.length > 0) parts.push(formatTargets(result.targets));
  for (const note of result.notes) parts.push(`  note: ${note}`);
  return parts.join('\n');
}

export async function writeResult(result: BenchResult, dir = RESULTS_DIR): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = `${dir.replace(/\/$/, '')}/${result.id}.json`;
  await writeFile(path, `${JSON.stringify(result, jsonSafe, 2)}\n`);
  return path;
}

/** NaN and Infinity are not JSON: write them as null. */
function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** Measures a benchmark body and stamps the result with when it ran and how long it took. */
export async function timed(
  build: () => Promise<Omit<BenchResult, 'startedAt' | 'durationMs'>>,
): Promise<BenchResult> {
  const startedAt = new Date().toISOString();
  const start = performance.now();
  const result = await build();
  return { ...result, startedAt, durationMs: performance.now() - start };
}
