import { ADVICE, CanveleteError } from '../errors/index.js';
import type { HttpClient } from '../http/request.js';

export interface WaitOptions {
  /** Epoch ms; default: five minutes from now. */
  deadline?: number;
  /** First pause between polls (default 2 s for renders, 5 s for batches); grows ×1.5 to 10 s. */
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

export const DEFAULT_WAIT_MS = 300_000;
const MAX_POLL_INTERVAL_MS = 10_000;

/**
 * Polls until `settled` returns a value, with growing pauses that honour `Retry-After`. Transient
 * failures (429, 5xx, network) do not end the wait; the deadline does, with TIMEOUT, and no pause
 * ever runs past it.
 */
export async function pollUntil<T, R>(
  http: HttpClient,
  fetchState: (deadline: number) => Promise<T>,
  settled: (state: T) => R | undefined,
  options: WaitOptions & { defaultIntervalMs: number; describe: (last?: T) => string },
): Promise<R> {
  const { now, sleep } = http.config;
  const deadline = options.deadline ?? now() + DEFAULT_WAIT_MS;
  let interval = options.pollIntervalMs ?? options.defaultIntervalMs;
  let last: T | undefined;
  for (;;) {
    let delay = interval;
    try {
      const state = await fetchState(deadline);
      last = state;
      const result = settled(state);
      if (result !== undefined) return result;
    } catch (error) {
      if (!CanveleteError.isInstance(error)) throw error;
      if (error.details.reason === 'DEADLINE') throw waitTimeout(options.describe(last), error);
      if (!error.retryable || error.details.reason === 'ABORTED') throw error;
      if (error.retryAfterSeconds !== undefined) {
        delay = Math.max(delay, error.retryAfterSeconds * 1000);
      }
    }
    if (now() + delay >= deadline) throw waitTimeout(options.describe(last));
    try {
      await sleep(delay, options.signal);
    } catch (cause) {
      throw new CanveleteError({
        code: 'TIMEOUT',
        message: `Stopped waiting: cancelled by the caller (${options.describe(last)}).`,
        retryable: false,
        details: { reason: 'ABORTED' },
        cause,
      });
    }
    interval = Math.min(Math.round(interval * 1.5), Math.max(MAX_POLL_INTERVAL_MS, interval));
  }
}

function waitTimeout(what: string, cause?: unknown): CanveleteError {
  return new CanveleteError({
    code: 'TIMEOUT',
    message: `${ADVICE.TIMEOUT} (${what} was not finished by the deadline)`,
    details: { reason: 'DEADLINE' },
    cause,
  });
}
