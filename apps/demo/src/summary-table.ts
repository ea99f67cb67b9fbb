import type { ScenarioResult } from './types.js';

/** A plain-text scenario × platform table for the terminal and for issue notes. */
export function summaryTable(results: ScenarioResult[]): string {
  const header = ['scenario', 'platform', 'result', 'time', 'files / note'];
  const rows = results.map((r) => [
    r.scenario,
    r.platform,
    r.skipped ? 'skipped' : r.ok ? 'ok' : 'FAILED',
    `${(r.ms / 1000).toFixed(1)} s`,
    r.ok
      ? [r.artifacts.map((a) => a.file).join(' '), r.note].filter(Boolean).join(' — ')
      : (r.error ?? ''),
  ]);
  const widths = header.map((_, i) =>
    Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)),
  );
  const line = (row: string[]) =>
    `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
