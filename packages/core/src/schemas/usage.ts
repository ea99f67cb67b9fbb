import * as v from 'valibot';
import { compact, OptionalNumber, parseOrThrow, unwrapEnvelope } from './common.js';

export interface Usage {
  creditsUsed: number;
  creditsRemaining: number;
  creditLimit: number;
  renders?: number;
  apiCalls?: number;
  apiCallLimit?: number;
  storageUsed?: number;
}

/** `/api/v1/usage/stats` (and the help centre's `{credits: {remaining, used, total}}` form). */
export const UsageSchema = v.pipe(
  v.looseObject({
    creditsUsed: OptionalNumber,
    creditLimit: OptionalNumber,
    creditsRemaining: OptionalNumber,
    renders: OptionalNumber,
    apiCalls: OptionalNumber,
    apiCallLimit: OptionalNumber,
    storageUsed: OptionalNumber,
    credits: v.nullish(
      v.looseObject({ remaining: OptionalNumber, used: OptionalNumber, total: OptionalNumber }),
    ),
  }),
  v.check(
    (wire) =>
      wire.creditsUsed != null ||
      wire.creditsRemaining != null ||
      wire.credits?.remaining != null ||
      wire.credits?.used != null,
    'usage needs creditsUsed or creditsRemaining',
  ),
  v.transform((wire): Usage => {
    const used = wire.creditsUsed ?? wire.credits?.used ?? undefined;
    const limit = wire.creditLimit ?? wire.credits?.total ?? undefined;
    const remaining = wire.creditsRemaining ?? wire.credits?.remaining ?? undefined;
    const creditLimit = limit ?? (used ?? 0) + (remaining ?? 0);
    return compact({
      creditsUsed: used ?? Math.max(0, creditLimit - (remaining ?? 0)),
      creditsRemaining: remaining ?? Math.max(0, creditLimit - (used ?? 0)),
      creditLimit,
      renders: wire.renders ?? undefined,
      apiCalls: wire.apiCalls ?? undefined,
      apiCallLimit: wire.apiCallLimit ?? undefined,
      storageUsed: wire.storageUsed ?? undefined,
    });
  }),
);

export function normalizeUsage(body: unknown): Usage {
  return parseOrThrow(UsageSchema, unwrapEnvelope(body), 'usage');
}
