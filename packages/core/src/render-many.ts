import { randomUUID } from 'node:crypto';
import { ADVICE, CanveleteError, toCanveleteError } from './errors/index.js';
import type { HttpClient } from './http/request.js';
import type { RenderedFile } from './resources/render-files.js';
import type { RendersResource } from './resources/renders.js';
import type { Render } from './schemas/render.js';
import type { RenderInput } from './validation/render-input.js';

export type RenderManyResult =
  | { index: number; ok: true; value: RenderedFile | Render }
  | { index: number; ok: false; error: CanveleteError };

export interface RenderManyProgress {
  completed: number;
  total: number;
  succeeded: number;
  failed: number;
  result: RenderManyResult;
}

export interface RenderManyOptions {
  /** Most renders in flight at once (default 4); lowered automatically while rate-limited. */
  concurrency?: number;
  onProgress?: (progress: RenderManyProgress) => void;
  /** Epoch ms; near it nothing new starts and the rest are reported as TIMEOUT. */
  deadline?: number;
  signal?: AbortSignal;
  /** `file` (default): synchronous render to bytes; `record`: async render, waited for. */
  mode?: 'file' | 'record';
  /**
   * The Idempotency-Key for one item, e.g. derived from the platform's run and the item index, so
   * a platform retry of the whole step replays finished items instead of rendering them again.
   */
  idempotencyKey?: (index: number, item: RenderInput) => string | undefined;
}

/** Nothing new starts when less than this is left before the deadline (or the average item time). */
const MIN_START_MARGIN_MS = 1_000;
/** Successes in a row, unthrottled, before concurrency grows again by one. */
const GROW_AFTER_SUCCESSES = 4;
/** Most times one item is sent round (each round has the client's own retries), whatever happens. */
const MAX_ITEM_ROUNDS = 6;
/** Shortest pause before an item goes round again after a retryable failure. */
const MIN_ROUND_PAUSE_MS = 1_000;

function notStarted(reason: 'DEADLINE' | 'ABORTED'): CanveleteError {
  return new CanveleteError({
    code: 'TIMEOUT',
    message:
      reason === 'DEADLINE'
        ? `${ADVICE.TIMEOUT} (not started: too little time was left before the deadline)`
        : 'Not started: the batch was cancelled by the caller.',
    retryable: reason === 'DEADLINE',
    details: { reason, started: false },
  });
}

/**
 * Renders many inputs with bounded, rate-limit-aware concurrency. One result per input, in input
 * order; a failing item never fails the others. Each item goes through the client's own retry path.
 */
export async function renderMany(
  http: HttpClient,
  renders: RendersResource,
  items: RenderInput[],
  options: RenderManyOptions = {},
): Promise<RenderManyResult[]> {
  const { now, sleep } = http.config;
  const maxConcurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  const results: RenderManyResult[] = new Array(items.length);
  let limit = maxConcurrency;
  let active = 0;
  let next = 0;
  let successStreak = 0;
  let throttleHandled = http.throttle.throttledCount;
  let succeeded = 0;
  let failed = 0;
  let totalDurationMs = 0;
  let finishedCount = 0;
  const waiters: Array<() => void> = [];

  const record = (result: RenderManyResult) => {
    results[result.index] = result;
    if (result.ok) succeeded++;
    else failed++;
    options.onProgress?.({
      completed: succeeded + failed,
      total: items.length,
      succeeded,
      failed,
      result,
    });
  };

  const startMargin = () =>
    Math.max(MIN_START_MARGIN_MS, finishedCount > 0 ? totalDurationMs / finishedCount : 0);

  /** Why this item must not start now, if it must not. */
  const stopReason = (): 'DEADLINE' | 'ABORTED' | undefined => {
    if (options.signal?.aborted) return 'ABORTED';
    if (options.deadline !== undefined && now() + startMargin() >= options.deadline) {
      return 'DEADLINE';
    }
    return undefined;
  };

  /**
   * When the next request may start. While the last known `X-RateLimit-Remaining` cannot cover the
   * requests already in flight, starts are paced one per refill interval (60 s / limit) instead of
   * all stopping until `X-RateLimit-Reset` and then bursting into 429s; a `Retry-After` the server
   * sent always wins. Synchronous, so two workers never both take the last known token.
   */
  let nextPacedStart = 0;
  const reserveStart = (): number => {
    const at = Math.max(now(), http.throttle.pausedUntil);
    const perMinute = http.rateLimit?.limit;
    const remaining = http.rateLimit?.remaining;
    const othersInFlight = active - 1;
    if (
      !perMinute ||
      perMinute <= 0 ||
      remaining === undefined ||
      remaining - othersInFlight >= 1
    ) {
      return at;
    }
    // The next token of a bucket refilling `perMinute` tokens a minute, but never later than the
    // window reset (a fixed-window limit gives the whole allowance back then).
    const interval = 60_000 / perMinute;
    let slot = Math.max(at, nextPacedStart > at ? nextPacedStart : at + interval);
    const resetAt = http.rateLimit?.resetAt;
    if (resetAt !== undefined && resetAt > at) slot = Math.min(slot, resetAt);
    nextPacedStart = slot + interval;
    return slot;
  };

  /** Waits for this request's turn, unless that runs past the deadline. */
  const waitForTurn = async (): Promise<'DEADLINE' | 'ABORTED' | undefined> => {
    let startAt = reserveStart();
    for (;;) {
      const wait = startAt - now();
      if (wait <= 0) return undefined;
      if (options.deadline !== undefined && startAt + startMargin() >= options.deadline) {
        return 'DEADLINE';
      }
      try {
        await sleep(wait, options.signal);
      } catch {
        return 'ABORTED';
      }
      // A 429 seen while we slept moves the start later.
      startAt = Math.max(startAt, http.throttle.pausedUntil);
    }
  };

  const acquire = async () => {
    while (active >= limit) await new Promise<void>((resolve) => waiters.push(resolve));
    active++;
  };
  const release = () => {
    active--;
    // Wake every waiter; each re-checks the (possibly changed) limit and queues again if needed.
    for (const wake of waiters.splice(0)) wake();
  };

  /** Whether a failed round may go round again: retryable, and time left for the pause. */
  const roundPause = (error: CanveleteError, round: number): number | undefined => {
    if (!error.retryable || round >= MAX_ITEM_ROUNDS || options.signal?.aborted) return undefined;
    const pause = Math.max(
      MIN_ROUND_PAUSE_MS,
      (error.retryAfterSeconds ?? 0) * 1_000,
      http.throttle.pausedUntil - now(),
    );
    if (options.deadline !== undefined && now() + pause + startMargin() >= options.deadline) {
      return undefined;
    }
    return pause;
  };

  const adapt = () => {
    if (http.throttle.throttledCount > throttleHandled) {
      // The server pushed back: halve the concurrency once per 429 seen, then grow again slowly.
      throttleHandled = http.throttle.throttledCount;
      limit = Math.max(1, Math.floor(limit / 2));
      successStreak = 0;
    } else if (++successStreak >= GROW_AFTER_SUCCESSES && limit < maxConcurrency) {
      limit++;
      successStreak = 0;
    }
  };

  /**
   * One item, until it succeeds or fails for good. It keeps one Idempotency-Key for its whole life,
   * so sending it round again after a retryable failure (the client's own retries used up, or an
   * answer lost after the render was done) replays the finished render instead of rendering and
   * charging twice.
   */
  const runItem = async (index: number): Promise<void> => {
    const item = items[index] as RenderInput;
    const idempotencyKey = options.idempotencyKey?.(index, item) ?? `cvt-many-${randomUUID()}`;
    const startedAt = now();
    try {
      for (let round = 1; ; round++) {
        try {
          const callOptions = {
            deadline: options.deadline,
            signal: options.signal,
            idempotencyKey,
          };
          const value =
            options.mode === 'record'
              ? await renders.create(item, callOptions)
              : await renders.render(item, callOptions);
          record({ index, ok: true, value });
          adapt();
          return;
        } catch (caught) {
          const error = toCanveleteError(caught);
          adapt();
          const pause = roundPause(error, round);
          if (pause === undefined) {
            record({ index, ok: false, error });
            return;
          }
          try {
            await sleep(pause, options.signal);
          } catch {
            record({ index, ok: false, error });
            return;
          }
          const turn = await waitForTurn();
          if (turn) {
            record({ index, ok: false, error });
            return;
          }
        }
      }
    } finally {
      totalDurationMs += now() - startedAt;
      finishedCount++;
    }
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      await acquire();
      try {
        const reason = stopReason() ?? (await waitForTurn()) ?? stopReason();
        if (reason) {
          record({ index, ok: false, error: notStarted(reason) });
          continue;
        }
        await runItem(index);
      } finally {
        release();
      }
    }
  };

  await Promise.all(Array.from({ length: Math.min(maxConcurrency, items.length) }, worker));
  return results;
}
