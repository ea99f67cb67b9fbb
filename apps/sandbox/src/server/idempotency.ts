// Idempotency-Key on POSTs (reference 8.9), keyed per API key: the first successful response is stored
// and replayed for the same key + same request; the same key with a different request is a 409.
// A request still in flight makes a concurrent duplicate wait for it.
import { ApiError } from './errors.js';

export interface StoredResponse {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
}

interface Entry {
  fingerprint: string;
  createdAt: number;
  result: Promise<StoredResponse | undefined>;
}

const TTL_MS = 24 * 60 * 60 * 1000;

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Returns a stored response to replay, or a `settle` callback the caller must invoke with the new
   * response (or undefined when it should not be stored, e.g. an error the client may retry).
   */
  async begin(
    scope: string,
    key: string,
    fingerprint: string,
  ): Promise<
    { replay: StoredResponse } | { settle: (response: StoredResponse | undefined) => void }
  > {
    const id = `${scope}\u0000${key}`;
    const existing = this.entries.get(id);
    if (existing && this.now() - existing.createdAt < TTL_MS) {
      if (existing.fingerprint !== fingerprint) throw conflict();
      const stored = await existing.result;
      if (stored) return { replay: stored };
      // The first attempt was not stored (it failed); this request runs again, unless another
      // duplicate already took over.
      const current = this.entries.get(id);
      if (current && current !== existing) return this.begin(scope, key, fingerprint);
    }
    let settle!: (response: StoredResponse | undefined) => void;
    const result = new Promise<StoredResponse | undefined>((resolve) => {
      settle = resolve;
    });
    const entry: Entry = { fingerprint, createdAt: this.now(), result };
    this.entries.set(id, entry);
    return {
      settle: (response) => {
        if (!response && this.entries.get(id) === entry) this.entries.delete(id);
        settle(response);
      },
    };
  }
}

function conflict(): ApiError {
  return new ApiError(
    409,
    'CONFLICT',
    'This Idempotency-Key was already used with a different request; use a new key for a new request',
    { field: 'Idempotency-Key' },
  );
}
