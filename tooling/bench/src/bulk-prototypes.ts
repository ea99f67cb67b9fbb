// Prototypes of the fixes proposed for the core's renderMany, measured beside it when
// BENCH_PROTOTYPES=1. They are NOT the core's behaviour; they show what the change would buy.
import { randomUUID } from 'node:crypto';
import { Canvelete, type RenderInput, toCanveleteError } from '@canvelete/core';
import { type BulkStrategy, type ItemOutcome, sleep } from './bulk-strategies.js';

/** Most attempts per item in the requeue prototype (bounded, whatever the server does). */
const MAX_ITEM_ATTEMPTS = 20;
const CONCURRENCY = 4;

/**
 * Pacing: while the last `X-RateLimit-Remaining` cannot cover the requests in flight, start one
 * request per refill interval (60 s / `X-RateLimit-Limit`) instead of stopping until
 * `X-RateLimit-Reset` (which a token bucket sets to "bucket full", rounded up to a second).
 */
function createPacer(client: Canvelete) {
  let inFlight = 0;
  let nextSlot = 0;
  return {
    /** Synchronous, so two workers never both take the last known token. */
    reserve(): number {
      inFlight++;
      const perMinute = client.rateLimit?.limit;
      const remaining = client.rateLimit?.remaining;
      if (
        !perMinute ||
        perMinute <= 0 ||
        remaining === undefined ||
        remaining - (inFlight - 1) >= 1
      ) {
        return 0;
      }
      const now = Date.now();
      const at = Math.max(now, nextSlot);
      nextSlot = at + 60_000 / perMinute;
      return at - now;
    },
    release(): void {
      inFlight--;
    },
  };
}

async function runPool(
  items: RenderInput[],
  deadline: number,
  renderItem: (index: number) => Promise<ItemOutcome>,
): Promise<ItemOutcome[]> {
  const outcomes: ItemOutcome[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      outcomes[index] =
        Date.now() >= deadline ? { ok: false, code: 'NOT_STARTED' } : await renderItem(index);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

/** Proposal 1 alone: renderMany's pool with pacing by the refill interval. */
export const viaPacedPrototype: BulkStrategy = async ({ url, apiKey, items, deadline }) => {
  const client = new Canvelete({ apiKey, baseUrl: url });
  const pacer = createPacer(client);
  return runPool(items, deadline, async (index) => {
    const delay = pacer.reserve();
    try {
      if (delay > 0) await sleep(delay);
      const file = await client.renders.render(items[index]!, { deadline });
      return { ok: true, renderId: file.renderId };
    } catch (error) {
      return { ok: false, code: toCanveleteError(error).code };
    } finally {
      pacer.release();
    }
  });
};

/**
 * Proposals 1 + 2: pacing, plus one Idempotency-Key per item for its whole life, and a retryable
 * failure (429, 5xx, network, timeout) sends the item round again after the server's pause instead
 * of being reported once the client's per-request retries ran out. A lost answer then replays.
 */
export const viaRequeuePrototype: BulkStrategy = async ({ url, apiKey, items, deadline }) => {
  const client = new Canvelete({ apiKey, baseUrl: url });
  const pacer = createPacer(client);
  const keys = items.map(() => `bench-item-${randomUUID()}`);
  return runPool(items, deadline, async (index) => {
    for (let attempt = 1; ; attempt++) {
      const delay = pacer.reserve();
      try {
        if (delay > 0) await sleep(delay);
        const file = await client.renders.render(items[index]!, {
          deadline,
          idempotencyKey: keys[index],
        });
        return { ok: true, renderId: file.renderId };
      } catch (error) {
        const failure = toCanveleteError(error);
        const pauseMs = Math.max(1_000, (failure.retryAfterSeconds ?? 0) * 1_000);
        const again =
          failure.retryable && attempt < MAX_ITEM_ATTEMPTS && Date.now() + pauseMs < deadline;
        if (!again) return { ok: false, code: failure.code };
        await sleep(pauseMs);
      } finally {
        pacer.release();
      }
    }
  });
};
