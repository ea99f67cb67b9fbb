import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** 25-char cuid-style id starting with `c` (reference 8.10). */
export function cuid(): string {
  const bytes = randomBytes(24);
  let out = 'c';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return out;
}

/** Prefixed id for render-side objects: `job_…`, `batch_…`, `wh_…`. */
export function prefixedId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('hex')}`;
}

export function sha256Hex(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex');
}

/** 64 hex chars derived from a seed and a label, or random when no seed is given. */
export function secretHex(label: string, seed?: number | string): string {
  if (seed === undefined) return randomBytes(32).toString('hex');
  return sha256Hex(`canvelete-sandbox:${label}:${seed}`);
}

export function nowIso(): string {
  return new Date().toISOString();
}
