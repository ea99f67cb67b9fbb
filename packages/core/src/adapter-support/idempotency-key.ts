import { createHash } from 'node:crypto';

/**
 * A stable Idempotency-Key from what identifies one unit of platform work (e.g. Zapier's run id,
 * n8n's execution + node + item index, Pipedream's execution id), so a platform replay of the same
 * unit never renders or bills twice. Blank parts are refused: a key built from nothing would make
 * different work collide.
 */
export function idempotencyKeyFor(scope: string, ...parts: Array<string | number>): string {
  if (
    parts.length === 0 ||
    parts.some((part) => part === '' || part === undefined || part === null)
  ) {
    throw new Error('idempotencyKeyFor needs at least one non-blank part');
  }
  const digest = createHash('sha256')
    .update(JSON.stringify([scope, ...parts]))
    .digest('hex');
  return `${scope}-${digest.slice(0, 40)}`;
}
