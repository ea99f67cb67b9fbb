import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import type { Sandbox } from './start.js';
import { call, sandbox } from './test-support.js';

const PRODUCT = SEED_DESIGN_IDS.productCard;

/** What a client observes for one request: a status, or "dropped" for a lost connection. */
async function outcome(box: Sandbox, method: string, path: string, body?: unknown, key?: string) {
  try {
    const headers: Record<string, string> = key ? { 'Idempotency-Key': key } : {};
    const res = await call(box, method, path, { body, headers });
    return `${res.status}${res.headers.get('x-sandbox-chaos') ? `:${res.headers.get('x-sandbox-chaos')}` : ''}`;
  } catch {
    return 'dropped';
  }
}

async function runScript(box: Sandbox): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < 12; i++) {
    results.push(await outcome(box, 'GET', `/api/automation/designs?page=${(i % 3) + 1}`));
    results.push(await outcome(box, 'GET', '/api/v1/usage/stats'));
  }
  return results;
}

describe('chaos', () => {
  it('gives the same fault sequence for the same seed and requests', async () => {
    const options = { chaos: 0.5, seed: 1234, chaosSlowMs: 5 };
    const first = await runScript(await sandbox(options));
    const second = await runScript(await sandbox(options));
    expect(first).toEqual(second);
    expect(first.some((o) => o !== '200')).toBe(true);
    expect(first.some((o) => o === '200')).toBe(true);
    const other = await runScript(await sandbox({ ...options, seed: 99 }));
    expect(other).not.toEqual(first);
  });

  it('decides per request, not per arrival order, under concurrency', async () => {
    const options = { chaos: 0.5, seed: 77, chaosSlowMs: 5 };
    const paths = Array.from({ length: 16 }, (_, i) => `/api/automation/designs?limit=${i + 1}`);
    const run = async (order: string[]) => {
      const box = await sandbox(options);
      const results = await Promise.all(order.map((path) => outcome(box, 'GET', path)));
      return Object.fromEntries(order.map((path, i) => [path, results[i]]));
    };
    const forward = await run(paths);
    const backward = await run([...paths].reverse());
    expect(backward).toEqual(forward);
  });

  it('answers injected 429s with an integer Retry-After of at least 1', async () => {
    const box = await sandbox({ chaos: 1, seed: 3, chaosSlowMs: 1 });
    let seen = 0;
    for (let i = 0; i < 40 && seen === 0; i++) {
      try {
        const res = await call(box, 'GET', `/api/automation/designs?limit=${i + 1}`);
        if (res.status === 429) {
          seen++;
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          expect(res.json.error.code).toBe('RATE_LIMITED');
        }
      } catch {
        // dropped connection
      }
    }
    expect(seen).toBe(1);
  });

  it('never touches /__sandbox, /renders or /assets', async () => {
    const box = await sandbox({ chaos: 1, seed: 5 });
    for (let i = 0; i < 10; i++) {
      expect((await call(box, 'GET', '/__sandbox/stats')).status).toBe(200);
      expect((await call(box, 'GET', '/assets/logo.png', { key: null })).status).toBe(200);
    }
  });

  it('a lost response still renders once; the idempotent replay returns it without charging', async () => {
    // Find a seed whose first decision for this request is "lost" (render done, answer dropped).
    const body = { designId: PRODUCT, format: 'png', width: 120 };
    let box: Sandbox | undefined;
    for (let seed = 0; seed < 200 && !box; seed++) {
      const candidate = await sandbox({ chaos: 1, seed, chaosSlowMs: 1 });
      const first = await outcome(candidate, 'POST', '/api/v1/render', body, 'idem-lost');
      if (first === 'dropped' && candidate.stats().rendersPerformed === 1) box = candidate;
      else await candidate.close();
    }
    expect(box).toBeDefined();
    const sandboxBox = box!;
    expect(sandboxBox.stats().creditsCharged).toBe(1);
    // Retry with the same key until chaos lets one through: it must be a replay, never a new render.
    let replayed: Awaited<ReturnType<typeof call>> | undefined;
    for (let attempt = 0; attempt < 30 && !replayed; attempt++) {
      try {
        const res = await call(sandboxBox, 'POST', '/api/v1/render', {
          body,
          headers: { 'Idempotency-Key': 'idem-lost' },
        });
        if (res.status === 200) replayed = res;
      } catch {
        // dropped again
      }
    }
    expect(replayed?.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed?.headers.get('content-type')).toBe('image/png');
    expect(sandboxBox.stats().rendersPerformed).toBe(1);
    expect(sandboxBox.stats().creditsCharged).toBe(1);
  });
});
