// Per-key token bucket: `perMinute` tokens per minute, up to `burst` stored. Off when perMinute is unset.
export interface RateDecision {
  allowed: boolean;
  headers: Record<string, string>;
  retryAfterSeconds?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    burst: number | undefined,
    private readonly now: () => number = Date.now,
  ) {
    this.capacity = burst ?? perMinute;
    this.perMs = perMinute / 60_000;
  }

  take(keyId: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(keyId) ?? { tokens: this.capacity, updatedAt: now };
    bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
    bucket.updatedAt = now;
    this.buckets.set(keyId, bucket);
    const allowed = bucket.tokens >= 1;
    if (allowed) bucket.tokens -= 1;
    const msUntilFull = (this.capacity - bucket.tokens) / this.perMs;
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(this.perMinute),
      'X-RateLimit-Remaining': String(Math.floor(bucket.tokens)),
      'X-RateLimit-Reset': String(Math.ceil((now + msUntilFull) / 1000)),
    };
    if (allowed) return { allowed, headers };
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    return { allowed, headers, retryAfterSeconds };
  }
}
