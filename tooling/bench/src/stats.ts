// Small, pure statistics used by every benchmark (tested in stats.test.ts, no clock involved).

/** The value below which `p` percent of the samples fall (nearest-rank); NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile ${p} is not in 0–100`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/** `value / baseline`, or NaN when the baseline is zero or missing (never Infinity in a report). */
export function ratio(value: number, baseline: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return Number.NaN;
  return value / baseline;
}

/** Rounds for display and JSON: figures, not noise. */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Whether `value` lies within `center ± tolerance` (inclusive). */
export function withinBand(value: number, center: number, tolerance: number): boolean {
  return Number.isFinite(value) && Math.abs(value - center) <= tolerance + 1e-12;
}

/** Seconds the ideal token-bucket schedule needs for n requests: the burst is free, the rest paced. */
export function idealBucketSeconds(n: number, perMinute: number, burst: number): number {
  if (perMinute <= 0) throw new RangeError('perMinute must be positive');
  return Math.max(0, n - burst) / (perMinute / 60);
}

/** Counts how often each key occurs. */
export function tally(keys: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}
