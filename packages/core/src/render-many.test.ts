import type { RecordedRequest, ScriptedServer, ScriptedStep } from '@canvelete/test-http';
import { describe, expect, it } from 'vitest';
import type { CanveleteOptions } from './canvelete.js';
import { createFetchTransport, type Transport } from './http/transport.js';
import type { RenderManyProgress } from './render-many.js';
import { clientOn, useScriptedServers } from './test-support/fixture.js';
import { virtualClock } from './test-support/virtual-clock.js';

const serve = useScriptedServers();

const designOf = (request: RecordedRequest) => String(JSON.parse(request.text).designId);
const png = (request: RecordedRequest, extra: Record<string, string> = {}): ScriptedStep => ({
  status: 200,
  headers: { 'content-type': 'image/png', 'x-render-id': `r_${designOf(request)}`, ...extra },
  body: new Uint8Array([1, 2, 3]),
});

/** The real fetch transport, recording how many requests were in flight as each one started. */
function countingTransport() {
  const inner = createFetchTransport();
  let inFlight = 0;
  const starts: { designId: string; inFlight: number }[] = [];
  const transport: Transport = async (request) => {
    inFlight++;
    starts.push({ designId: String(JSON.parse(String(request.body)).designId), inFlight });
    try {
      return await inner(request);
    } finally {
      inFlight--;
    }
  };
  return { transport, starts };
}

const client = (
  server: ScriptedServer,
  clock = virtualClock(),
  options: Partial<CanveleteOptions> = {},
) => clientOn(server, { clock, ...options }).canvelete;

describe('renderMany', () => {
  it('returns one result per item in input order, whatever order they finish in', async () => {
    const server = await serve((request) => {
      const delays: Record<string, number> = { a: 120, b: 10, c: 60, d: 5, e: 30 };
      return { ...png(request), delayMs: delays[designOf(request)] };
    });
    const counted = countingTransport();
    const progress: RenderManyProgress[] = [];
    const results = await client(server, virtualClock(), {
      transport: counted.transport,
    }).renderMany(
      ['a', 'b', 'c', 'd', 'e'].map((designId) => ({ designId })),
      { concurrency: 2, onProgress: (update) => progress.push(update) },
    );
    expect(results.map((result) => result.index)).toEqual([0, 1, 2, 3, 4]);
    expect(
      results.map((result) =>
        result.ok && 'renderId' in result.value ? result.value.renderId : undefined,
      ),
    ).toEqual(['r_a', 'r_b', 'r_c', 'r_d', 'r_e']);
    expect(progress.map((update) => update.completed)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)).toMatchObject({ total: 5, succeeded: 5, failed: 0 });
    expect(Math.max(...counted.starts.map((start) => start.inFlight))).toBeLessThanOrEqual(2);
  });

  it('sends the caller-derived Idempotency-Key for each item', async () => {
    const server = await serve((request) => png(request));
    await client(server).renderMany(
      ['a', 'b'].map((designId) => ({ designId })),
      { idempotencyKey: (index, item) => `run-7-${index}-${item.designId}` },
    );
    const keys = server.requests.map((request) => request.headers['idempotency-key']).sort();
    expect(keys).toEqual(['run-7-0-a', 'run-7-1-b']);
  });

  it('never lets a bad item fail the others', async () => {
    const server = await serve((request) =>
      designOf(request) === 'broken'
        ? { status: 400, body: { error: { code: 'INVALID_ELEMENT', message: 'No layer "x"' } } }
        : png(request),
    );
    const results = await client(server).renderMany(
      [
        { designId: 'ok1' },
        { designId: 'ok2', quality: 0 },
        { designId: 'broken' },
        { designId: 'ok3' },
      ],
      { concurrency: 3 },
    );
    expect(results.map((result) => result.ok)).toEqual([true, false, false, true]);
    expect(results[1]).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_ERROR', details: { field: 'quality' } },
    });
    expect(results[2]).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ELEMENT', status: 400 },
    });
    expect(server.requests.map(designOf).sort()).toEqual(['broken', 'ok1', 'ok3']);
  });

  it('starts nothing new near the deadline and reports the rest as TIMEOUT', async () => {
    const clock = virtualClock();
    const server = await serve((request) => {
      clock.advance(2_000); // each render "takes" two seconds of virtual time
      return png(request);
    });
    const deadline = clock.now() + 5_000;
    const results = await client(server, clock).renderMany(
      ['a', 'b', 'c', 'd'].map((designId) => ({ designId })),
      { concurrency: 1, deadline },
    );
    expect(results.map((result) => result.ok)).toEqual([true, true, false, false]);
    expect(results[2]).toMatchObject({
      ok: false,
      error: { code: 'TIMEOUT', details: { reason: 'DEADLINE', started: false } },
    });
    expect(server.requests).toHaveLength(2);
  });

  it('waits for the rate-limit reset instead of firing into 429s', async () => {
    const clock = virtualClock();
    const resetAt = clock.now() + 10_000;
    let throttled = 0;
    const server = await serve((request) => {
      if (clock.now() < resetAt && server.requests.length > 1) {
        throttled++;
        return { status: 429, headers: { 'retry-after': '10' } };
      }
      const remaining = clock.now() < resetAt ? '0' : '50';
      return png(request, {
        'x-ratelimit-limit': '1',
        'x-ratelimit-remaining': remaining,
        'x-ratelimit-reset': String(resetAt / 1000),
      });
    });
    const results = await client(server, clock).renderMany(
      [{ designId: 'a' }, { designId: 'b' }, { designId: 'c' }],
      { concurrency: 1 },
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(throttled).toBe(0);
    expect(clock.sleeps).toEqual([10_000]);
  });

  it('paces starts one per refill interval when the allowance is spent, instead of waiting for the bucket to be full', async () => {
    const clock = virtualClock();
    const startedAt: number[] = [];
    const server = await serve((request) => {
      startedAt.push(clock.now());
      // A token bucket of 60 a minute that is empty: "full again" is a minute away.
      return png(request, {
        'x-ratelimit-limit': '60',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil((clock.now() + 60_000) / 1000)),
      });
    });
    const results = await client(server, clock).renderMany(
      ['a', 'b', 'c', 'd'].map((designId) => ({ designId })),
      { concurrency: 1 },
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const gaps = startedAt.slice(1).map((at, index) => at - (startedAt[index] as number));
    expect(gaps).toEqual([1_000, 1_000, 1_000]);
  });

  it('sends an item round again with the same Idempotency-Key once its retries are used up', async () => {
    const clock = virtualClock();
    const server = await serve((request) =>
      // Four 503s use up one call (1 try + 3 retries); the item goes round again and succeeds.
      server.requests.length <= 4 ? { status: 503 } : png(request),
    );
    const results = await client(server, clock).renderMany([{ designId: 'a' }]);
    expect(results[0]).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(5);
    const keys = new Set(server.requests.map((request) => request.headers['idempotency-key']));
    expect(keys.size).toBe(1);
  });

  it('does not send a non-retryable failure round again', async () => {
    const server = await serve([
      { status: 400, body: { error: { code: 'VALIDATION_ERROR', message: 'no' } } },
    ]);
    const results = await client(server).renderMany([{ designId: 'a' }]);
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(server.requests).toHaveLength(1);
  });

  it('halves concurrency once after a 429 and still finishes every item through the retry path', async () => {
    const clock = virtualClock();
    const server = await serve((request) =>
      server.requests.length === 1
        ? { status: 429, headers: { 'retry-after': '1' } }
        : { ...png(request), delayMs: 15 },
    );
    const counted = countingTransport();
    const results = await client(server, clock, { transport: counted.transport }).renderMany(
      Array.from({ length: 10 }, (_, index) => ({ designId: `d${index}` })),
      { concurrency: 4 },
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(server.requests).toHaveLength(11);
    expect(clock.sleeps).toEqual([1_000]);
    // The first four started together.
    expect(counted.starts.slice(0, 4).map((start) => start.inFlight)).toEqual([1, 2, 3, 4]);
    // After the retry of d0 (start 5), the first new item starts with at most 4 / 2 in flight, and
    // concurrency grows back one step at a time, so nothing later reaches 4 again.
    expect(counted.starts[4]?.designId).toBe('d0');
    expect(counted.starts[5]?.inFlight).toBeLessThanOrEqual(2);
    expect(Math.max(...counted.starts.slice(5).map((start) => start.inFlight))).toBeLessThanOrEqual(
      3,
    );
  });

  it('reports every item as cancelled when the signal is already aborted', async () => {
    const server = await serve((request) => png(request));
    const results = await client(server).renderMany([{ designId: 'a' }, { designId: 'b' }], {
      signal: AbortSignal.abort(),
    });
    expect(results).toMatchObject([
      { index: 0, ok: false, error: { code: 'TIMEOUT', details: { reason: 'ABORTED' } } },
      { index: 1, ok: false, error: { code: 'TIMEOUT', details: { reason: 'ABORTED' } } },
    ]);
    expect(server.requests).toHaveLength(0);
  });

  it('uses createAsync + wait in record mode', async () => {
    const server = await serve((request) =>
      request.url.endsWith('/async')
        ? { status: 200, body: { jobId: `j_${designOf(request)}`, status: 'pending' } }
        : {
            status: 200,
            body: {
              id: request.url.split('/').pop(),
              status: 'completed',
              url: 'https://cdn/x.png',
            },
          },
    );
    const results = await client(server).renderMany([{ designId: 'a' }, { designId: 'b' }], {
      mode: 'record',
    });
    expect(results).toMatchObject([
      { ok: true, value: { id: 'j_a', status: 'completed' } },
      { ok: true, value: { id: 'j_b', status: 'completed' } },
    ]);
  });
});
