// Background webhook delivery: POST, per-attempt timeout, retries on a (compressed) schedule, a log.
// Nothing here may block or crash the server: every failure ends up as a recorded attempt.
import { performance } from 'node:perf_hooks';
import { buildWebhookBody, newEventId, signWebhookBody } from './delivery.js';
import type {
  DeliveryAttempt,
  DeliveryRecord,
  DispatchInput,
  WebhookDispatcher,
  WebhookDispatcherOptions,
} from './types.js';

/** The documented schedule is 1 min, 5 min, 30 min, 2 h, 6 h; the sandbox compresses it to seconds. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = [1000, 5000, 30000];
export const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_MAX_RECORDS = 1000;
const CLOSED_REASON = 'cancelled: dispatcher closed';

interface PendingWait {
  timer: NodeJS.Timeout;
  resolve: (elapsed: boolean) => void;
}

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const dialect = options.dialect ?? 'sdk';
  const schedule = [...(options.retryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS)];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  const maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;

  const records: DeliveryRecord[] = [];
  const running = new Set<Promise<void>>();
  const waits = new Set<PendingWait>();
  const inFlight = new Set<AbortController>();
  let closed = false;

  function remember(record: DeliveryRecord): void {
    records.push(record);
    while (records.length > maxRecords) {
      const oldestFinished = records.findIndex((r) => r.state !== 'pending');
      if (oldestFinished < 0) break;
      records.splice(oldestFinished, 1);
    }
  }

  /** Resolves true after `ms`, or false at once when close() cancels the wait. */
  function wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const entry: PendingWait = {
        timer: setTimeout(() => {
          waits.delete(entry);
          resolve(true);
        }, ms),
        resolve,
      };
      entry.timer.unref();
      waits.add(entry);
    });
  }

  async function attemptOnce(record: DeliveryRecord, secret: string, body: string) {
    const at = new Date(now()).toISOString();
    // Re-signed per attempt with a fresh t: the signature covers t, and a retry hours later must
    // still pass a receiver's 300 s tolerance. Body and event id stay identical, so dedupe works.
    const headers = signWebhookBody({
      dialect,
      secret,
      type: record.type,
      eventId: record.eventId,
      body,
      timestampSeconds: Math.floor(now() / 1000),
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error('timeout')), timeoutMs);
    timer.unref();
    inFlight.add(controller);
    const started = performance.now();
    const attempt: DeliveryAttempt = { at, durationMs: 0 };
    try {
      const response = await fetch(record.url, {
        method: 'POST',
        headers,
        body,
        signal: controller.signal,
        // A webhook receiver answers itself; following a redirect would re-POST somewhere unvetted.
        redirect: 'manual',
      });
      attempt.status = response.status;
      // The receiver's answer is not needed; discard it so the connection is released.
      await response.body?.cancel().catch(() => undefined);
    } catch (error) {
      attempt.error = describeFailure(error, controller.signal, timeoutMs, secret);
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
      attempt.durationMs = Math.round(performance.now() - started);
      record.attempts.push(attempt);
    }
    return attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;
  }

  async function deliver(record: DeliveryRecord, secret: string, body: string): Promise<void> {
    for (let retry = 0; ; retry++) {
      if (await attemptOnce(record, secret, body)) {
        record.state = 'delivered';
        return;
      }
      const delay = schedule[retry];
      if (delay === undefined) {
        record.state = 'failed';
        return;
      }
      if (closed || !(await wait(delay))) {
        record.state = 'failed';
        record.reason = CLOSED_REASON;
        return;
      }
    }
  }

  function dispatch(input: DispatchInput): DeliveryRecord {
    const record: DeliveryRecord = {
      eventId: input.eventId ?? newEventId(),
      type: input.type,
      url: input.url,
      attempts: [],
      state: 'pending',
    };
    remember(record);
    const refusal = closed ? CLOSED_REASON : checkUrl(input.url);
    let body: string | undefined;
    if (!refusal) {
      try {
        body = buildWebhookBody({
          dialect,
          type: input.type,
          data: input.data,
          eventId: record.eventId,
          timestampSeconds: Math.floor(now() / 1000),
          createdAt: new Date(now()).toISOString(),
        });
      } catch {
        // e.g. a BigInt or a cycle in data: the server's bug, but never the server's crash.
      }
    }
    if (body === undefined) {
      record.state = 'failed';
      record.reason = refusal ?? 'data is not JSON-serialisable';
      return snapshot(record);
    }
    const run: Promise<void> = deliver(record, input.secret, body)
      .catch((error: unknown) => {
        // deliver() catches per attempt; this only guards against a bug turning into an unhandled rejection.
        record.state = 'failed';
        record.reason = `internal error: ${describeFailure(error, undefined, timeoutMs, input.secret)}`;
      })
      .finally(() => running.delete(run));
    running.add(run);
    return snapshot(record);
  }

  async function idle(): Promise<void> {
    // Loop: a delivery dispatched while we wait must be waited for too.
    while (running.size > 0) await Promise.all([...running]);
  }

  async function close(): Promise<void> {
    if (!closed) {
      closed = true;
      for (const pending of waits) {
        clearTimeout(pending.timer);
        pending.resolve(false);
      }
      waits.clear();
      for (const controller of inFlight) controller.abort(new Error('closed'));
    }
    await idle();
  }

  return { dispatch, deliveries: () => records.map(snapshot), idle, close };
}

/** Copies, so that callers can neither mutate the log nor see it change under them. */
function snapshot(record: DeliveryRecord): DeliveryRecord {
  return { ...record, attempts: record.attempts.map((attempt) => ({ ...attempt })) };
}

function checkUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'invalid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'URL must be http(s)';
  return undefined;
}

function describeFailure(
  error: unknown,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  secret: string,
): string {
  let message: string;
  if (signal?.aborted) {
    const reason = signal.reason instanceof Error ? signal.reason.message : '';
    message = reason === 'timeout' ? `timeout after ${timeoutMs} ms` : 'aborted: dispatcher closed';
  } else if (error instanceof Error) {
    // undici reports "fetch failed" and keeps the useful part (ECONNREFUSED …) in `cause`.
    const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
    const detail = [cause?.code, cause?.message].filter((part) => typeof part === 'string');
    message = detail.length > 0 ? `${error.message}: ${detail.join(' ')}` : error.message;
  } else {
    message = String(error);
  }
  // Belt and braces: the signing secret never reaches the log.
  return secret ? message.split(secret).join('[redacted]') : message;
}
