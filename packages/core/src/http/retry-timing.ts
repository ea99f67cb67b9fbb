/** Rate-limit state read from the last response's `X-RateLimit-*` headers. */
export interface RateLimitState {
  limit?: number;
  remaining?: number;
  /** Epoch ms at which the window resets. */
  resetAt?: number;
}

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Statuses worth sending again. 501 is "not implemented": waiting will not change it. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501);
}

/**
 * Capped exponential backoff with "equal jitter": half the step is fixed, half random, so
 * concurrent clients spread out but never retry immediately. `retryIndex` is 0 for the first retry.
 */
export function backoffDelay(
  retryIndex: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.round(step / 2 + random() * (step / 2));
}

/** `Retry-After` as milliseconds to wait: delta seconds or an HTTP date. Undefined when absent. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date always names its month; this keeps "-3" from parsing as a year.
  if (!/[a-z]{3}/i.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * `X-RateLimit-*` headers. Canvelete documents `X-RateLimit-Reset` as Unix seconds; small values
 * are read as "seconds from now", as some gateways send.
 */
export function parseRateLimit(
  headers: Record<string, string>,
  now: number,
): RateLimitState | undefined {
  const limit = toNumber(headers['x-ratelimit-limit']);
  const remaining = toNumber(headers['x-ratelimit-remaining']);
  const reset = toNumber(headers['x-ratelimit-reset']);
  if (limit === undefined && remaining === undefined && reset === undefined) return undefined;
  const state: RateLimitState = {};
  if (limit !== undefined) state.limit = limit;
  if (remaining !== undefined) state.remaining = remaining;
  if (reset !== undefined) state.resetAt = reset > 1e9 ? reset * 1000 : now + reset * 1000;
  return state;
}

/**
 * How long the server asked us to wait before the next request, if it said so: `Retry-After`, or
 * the rate-limit reset when no request is left in the window.
 */
export function serverRequestedDelay(
  headers: Record<string, string>,
  now: number,
): number | undefined {
  const retryAfter = parseRetryAfter(headers['retry-after'], now);
  if (retryAfter !== undefined) return retryAfter;
  const rateLimit = parseRateLimit(headers, now);
  if (rateLimit?.remaining === 0 && rateLimit.resetAt !== undefined) {
    return Math.max(0, rateLimit.resetAt - now);
  }
  return undefined;
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
