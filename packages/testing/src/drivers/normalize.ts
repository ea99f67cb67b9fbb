import type { NormalizedRenderOutput } from './types.ts';

const TEXT_KEYS = ['format', 'designId', 'templateId', 'reference', 'url'] as const;
const NUMBER_KEYS = ['width', 'height'] as const;

/**
 * The keys every adapter promises, picked from a render as a step output holds it. Adapters write
 * unknown values as `null` or leave them out; the normalised shape leaves them out either way, so
 * outputs of different platforms compare key for key.
 */
export function normalizeRenderOutput(record: Record<string, unknown>): NormalizedRenderOutput {
  const output: NormalizedRenderOutput = {
    id: String(record['id'] ?? ''),
    status: String(record['status'] ?? ''),
  };
  const loose = output as unknown as Record<string, unknown>;
  for (const key of TEXT_KEYS) {
    const value = record[key];
    if (typeof value === 'string' && value !== '') loose[key] = value;
  }
  for (const key of NUMBER_KEYS) {
    const value = record[key];
    if (typeof value === 'number') loose[key] = value;
  }
  return output;
}
