// Reproducible fault injection. Each decision is a pure function of (seed, request fingerprint, attempt
// number for that fingerprint), so the same seed and the same requests give the same faults even when
// requests interleave differently under concurrency.
import { createHash } from 'node:crypto';

export type ChaosFault =
  | { kind: 'status'; status: 500 | 502 | 503 }
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'slow'; delayMs: number }
  | { kind: 'drop' }
  | { kind: 'lost' };

export interface ChaosDecision {
  fingerprint: string;
  attempt: number;
  fault: ChaosFault['kind'] | 'none';
}

const KINDS = ['500', '502', '503', 'rate-limit', 'slow', 'drop', 'lost'] as const;

export class Chaos {
  private readonly attempts = new Map<string, number>();
  readonly log: ChaosDecision[] = [];

  constructor(
    private readonly rate: number,
    private readonly seed: number,
    private readonly slowMs: number,
  ) {}

  get enabled(): boolean {
    return this.rate > 0;
  }

  decide(fingerprint: string): ChaosFault | undefined {
    const attempt = (this.attempts.get(fingerprint) ?? 0) + 1;
    this.attempts.set(fingerprint, attempt);
    const digest = createHash('sha256').update(`${this.seed}|${fingerprint}|${attempt}`).digest();
    const roll = digest.readUInt32BE(0) / 2 ** 32;
    const fault = roll < this.rate ? this.pick(digest.readUInt32BE(4)) : undefined;
    this.log.push({ fingerprint, attempt, fault: fault?.kind ?? 'none' });
    return fault;
  }

  private pick(n: number): ChaosFault {
    const kind = KINDS[n % KINDS.length]!;
    switch (kind) {
      case '500':
      case '502':
      case '503':
        return { kind: 'status', status: Number(kind) as 500 | 502 | 503 };
      case 'rate-limit':
        return { kind: 'rate-limit', retryAfterSeconds: 1 };
      case 'slow':
        return { kind: 'slow', delayMs: this.slowMs };
      default:
        return { kind };
    }
  }

  injectedCount(): number {
    return this.log.filter((d) => d.fault !== 'none').length;
  }
}

/** method + path + (idempotency key, or a hash of the body, or the query string). */
export function requestFingerprint(
  method: string,
  pathAndQuery: string,
  idempotencyKey: string | undefined,
  body: Uint8Array | undefined,
): string {
  const tail = idempotencyKey
    ? `idem:${idempotencyKey}`
    : body && body.length > 0
      ? `body:${createHash('sha256').update(body).digest('hex')}`
      : '';
  return `${method} ${pathAndQuery} ${tail}`;
}
