// The ways of sending N renders that benchmarks 1 and 2 compare. Each returns one outcome per item.
import { Canvelete, type RenderInput, toCanveleteError } from '@canvelete/core';

export interface ItemOutcome {
  ok: boolean;
  /** Error code (the core's, or `HTTP_<status>` / `NETWORK_ERROR` for raw fetch). */
  code?: string;
  renderId?: string;
}

export interface BulkTarget {
  url: string;
  apiKey: string;
  items: RenderInput[];
  /** Epoch ms after which nothing new starts: every run is bounded in time. */
  deadline: number;
}

export type BulkStrategy = (target: BulkTarget) => Promise<ItemOutcome[]>;

/** The core's bulk path with its defaults (concurrency 4, rate-limit aware). */
export const viaRenderMany: BulkStrategy = async ({ url, apiKey, items, deadline }) => {
  const client = new Canvelete({ apiKey, baseUrl: url });
  const results = await client.renderMany(items, { deadline });
  return results.map((r) =>
    r.ok
      ? { ok: true, renderId: 'bytes' in r.value ? r.value.renderId : r.value.id }
      : { ok: false, code: r.error.code },
  );
};

/** What a developer writes first: every render at once through the core (which still retries). */
export const viaPromiseAll: BulkStrategy = async ({ url, apiKey, items, deadline }) => {
  const client = new Canvelete({ apiKey, baseUrl: url });
  return Promise.all(
    items.map(async (item): Promise<ItemOutcome> => {
      try {
        const file = await client.renders.render(item, { deadline });
        return { ok: true, renderId: file.renderId };
      } catch (error) {
        return { ok: false, code: toCanveleteError(error).code };
      }
    }),
  );
};

export interface DocsRetryOptions {
  /** Attempts in all (Canvelete's TS SDK `withRetry` default: 3). */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

class HttpStatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The pattern in Canvelete's docs and SDK: sequential calls, each wrapped in a retry with
 * 1 s × 2^n backoff on 429 and 5xx. Plain fetch, no Idempotency-Key (the SDK sends none).
 */
export function viaDocsPattern(options: DocsRetryOptions = {}): BulkStrategy {
  const maxAttempts = options.maxAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 60_000;
  return async ({ url, apiKey, items, deadline }) => {
    const renderOnce = async (item: RenderInput): Promise<string | undefined> => {
      const response = await fetch(`${url}/api/v1/render`, {
        method: 'POST',
        headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(item),
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
      if (!response.ok) throw new HttpStatusError(response.status);
      return response.headers.get('x-render-id') ?? undefined;
    };
    const outcomes: ItemOutcome[] = [];
    for (const item of items) {
      if (Date.now() >= deadline) {
        outcomes.push({ ok: false, code: 'NOT_STARTED' });
        continue;
      }
      for (let attempt = 0; ; attempt++) {
        try {
          outcomes.push({ ok: true, renderId: await renderOnce(item) });
          break;
        } catch (error) {
          const status = error instanceof HttpStatusError ? error.status : undefined;
          const retryable = status !== undefined && (status === 429 || status >= 500);
          if (!retryable || attempt + 1 >= maxAttempts) {
            outcomes.push({ ok: false, code: status ? `HTTP_${status}` : 'NETWORK_ERROR' });
            break;
          }
          await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** attempt));
        }
      }
    }
    return outcomes;
  };
}
