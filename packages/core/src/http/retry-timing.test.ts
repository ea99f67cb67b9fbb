import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  parseRateLimit,
  parseRetryAfter,
  serverRequestedDelay,
} from './retry-timing.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const policy = { maxRetries: 5, baseDelayMs: 500, maxDelayMs: 4_000 };

describe('backoffDelay', () => {
  it('doubles per retry, with the jitter spanning the upper half of each step', () => {
    expect([0, 1, 2].map((retry) => backoffDelay(retry, policy, () => 0))).toEqual([
      250, 500, 1000,
    ]);
    expect([0, 1, 2].map((retry) => backoffDelay(retry, policy, () => 1))).toEqual([
      500, 1000, 2000,
    ]);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(750);
  });

  it('never exceeds maxDelayMs however many retries', () => {
    for (let retry = 0; retry < 40; retry++) {
      expect(backoffDelay(retry, policy, () => 0.999)).toBeLessThanOrEqual(policy.maxDelayMs);
    }
    expect(backoffDelay(10, policy, () => 0)).toBe(2_000);
  });

  it('defaults to 500 ms base, 30 s cap and 3 retries', () => {
    expect(DEFAULT_RETRY_POLICY).toEqual({ maxRetries: 3, baseDelayMs: 500, maxDelayMs: 30_000 });
  });
});

describe('parseRetryAfter', () => {
  it('reads delta seconds, including fractions', () => {
    expect(parseRetryAfter('2', NOW)).toBe(2_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('1.5', NOW)).toBe(1_500);
  });

  it('reads an HTTP date relative to now, and a past date as zero', () => {
    expect(parseRetryAfter(new Date(NOW + 7_000).toUTCString(), NOW)).toBe(7_000);
    expect(parseRetryAfter(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0);
  });

  it('ignores absent, empty and unreadable values', () => {
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('', NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-3', NOW)).toBeUndefined();
  });
});

describe('parseRateLimit and serverRequestedDelay', () => {
  it('reads the X-RateLimit headers with the reset as Unix seconds', () => {
    const reset = NOW / 1000 + 30;
    expect(
      parseRateLimit(
        {
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        },
        NOW,
      ),
    ).toEqual({ limit: 60, remaining: 0, resetAt: NOW + 30_000 });
  });

  it('reads a small reset as seconds from now, and nothing when no header is present', () => {
    expect(parseRateLimit({ 'x-ratelimit-reset': '5' }, NOW)).toEqual({ resetAt: NOW + 5_000 });
    expect(parseRateLimit({ 'content-type': 'text/plain' }, NOW)).toBeUndefined();
  });

  it('prefers Retry-After, then the reset when no request is left, else nothing', () => {
    const reset = String(NOW / 1000 + 12);
    expect(
      serverRequestedDelay(
        { 'retry-after': '3', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        NOW,
      ),
    ).toBe(3_000);
    expect(
      serverRequestedDelay({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, NOW),
    ).toBe(12_000);
    expect(
      serverRequestedDelay({ 'x-ratelimit-remaining': '4', 'x-ratelimit-reset': reset }, NOW),
    ).toBeUndefined();
  });
});

describe('isRetryableStatus', () => {
  it('retries 408, 429 and 5xx except 501', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 422, 501].some(isRetryableStatus)).toBe(false);
  });
});
