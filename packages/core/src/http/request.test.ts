import type { ScriptedServer } from '@canvelete/test-http';
import { describe, expect, it } from 'vitest';
import { Canvelete, type CanveleteOptions } from '../canvelete.js';
import { caught, clientOn, useScriptedServers } from '../test-support/fixture.js';
import { VERSION } from '../version.js';

const API_KEY = `cvt_${'ab12'.repeat(16)}`;
const DESIGN = { id: 'd_1', name: 'Post', width: 1080, height: 1080, status: 'PUBLISHED' };
const serve = useScriptedServers();

const client = (server: ScriptedServer, options: Partial<CanveleteOptions> = {}) =>
  clientOn(server, { apiKey: API_KEY, baseUrl: `${server.url}/`, random: () => 0.5, ...options });

describe('request: URL, auth, user agent', () => {
  it('sends Bearer auth, JSON accept, the user agent with suffix, and the query', async () => {
    const server = await serve([
      {
        status: 200,
        body: { data: [DESIGN], pagination: { page: 2, limit: 5, total: 6, totalPages: 2 } },
      },
    ]);
    const { canvelete } = client(server, { userAgent: 'canvelete-zapier/1.2.3' });
    await canvelete.designs.list({ page: 2, limit: 5, isTemplate: false, search: undefined });
    const request = server.requests[0];
    expect(request?.url).toBe('/api/automation/designs?page=2&limit=5&isTemplate=false');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers['user-agent']).toBe(`canvelete-core/${VERSION} canvelete-zapier/1.2.3`);
  });

  it('sends no Authorization when no API key is configured (the transport authenticates)', async () => {
    const server = await serve([{ status: 200, body: { data: DESIGN } }]);
    const { canvelete } = client(server, { apiKey: undefined });
    await canvelete.designs.retrieve('d_1');
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('records the rate-limit state of the last response', async () => {
    const server = await serve([
      {
        status: 200,
        headers: {
          'x-ratelimit-limit': '60',
          'x-ratelimit-remaining': '59',
          'x-ratelimit-reset': '1767272400',
        },
        body: { data: DESIGN },
      },
    ]);
    const { canvelete } = client(server);
    expect(canvelete.rateLimit).toBeUndefined();
    await canvelete.designs.retrieve('d_1');
    expect(canvelete.rateLimit).toEqual({ limit: 60, remaining: 59, resetAt: 1767272400_000 });
  });
});

describe('request: retries', () => {
  it('retries a 429 after the Retry-After seconds, then succeeds', async () => {
    const server = await serve([
      {
        status: 429,
        headers: { 'retry-after': '2' },
        body: { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } },
      },
      { status: 200, body: { data: DESIGN } },
    ]);
    const { canvelete, clock } = client(server);
    await expect(canvelete.designs.retrieve('d_1')).resolves.toMatchObject({ id: 'd_1' });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([2_000]);
  });

  it('retries a 503 with an HTTP-date Retry-After', async () => {
    const server = await serve([
      {
        status: 503,
        headers: { 'retry-after': new Date(Date.UTC(2026, 0, 1) + 5_000).toUTCString() },
      },
      { status: 200, body: { data: DESIGN } },
    ]);
    const { canvelete, clock } = client(server);
    await canvelete.designs.retrieve('d_1');
    expect(clock.sleeps).toEqual([5_000]);
  });

  it('waits for X-RateLimit-Reset when no request is left in the window', async () => {
    const reset = Date.UTC(2026, 0, 1) / 1000 + 9;
    const server = await serve([
      {
        status: 429,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      },
      { status: 200, body: { data: DESIGN } },
    ]);
    const { canvelete, clock } = client(server);
    await canvelete.designs.retrieve('d_1');
    expect(clock.sleeps).toEqual([9_000]);
  });

  it('backs off exponentially with jitter on 5xx, then gives up with the last error', async () => {
    const server = await serve([
      { status: 500, headers: { 'x-request-id': 'req_9' }, body: { error: 'boom' } },
    ]);
    const { canvelete, clock } = client(server, { maxRetries: 3 });
    const error = await caught(canvelete.designs.retrieve('d_1'));
    expect(server.requests).toHaveLength(4);
    expect(clock.sleeps).toEqual([375, 750, 1_500]);
    expect(error).toMatchObject({
      code: 'SERVER_ERROR',
      status: 500,
      requestId: 'req_9',
      retryable: true,
    });
  });

  it('retries a dropped connection and a slow answer (per-attempt timeout) on GET', async () => {
    const server = await serve([
      { drop: true },
      { status: 200, body: 'late', delayMs: 3_000 },
      { status: 200, body: { data: DESIGN } },
    ]);
    const { canvelete } = client(server, { timeoutMs: 100 });
    await expect(canvelete.designs.retrieve('d_1')).resolves.toMatchObject({ id: 'd_1' });
    expect(server.requests).toHaveLength(3);
  });

  it('ends a dropped connection as NETWORK_ERROR and a slow one as TIMEOUT once retries run out', async () => {
    const dropped = await serve([{ drop: true }]);
    expect(
      (await caught(client(dropped, { maxRetries: 1 }).canvelete.designs.retrieve('d'))).code,
    ).toBe('NETWORK_ERROR');
    const slow = await serve([{ status: 200, body: 'late', delayMs: 3_000 }]);
    const error = await caught(
      client(slow, { maxRetries: 0, timeoutMs: 50 }).canvelete.designs.retrieve('d'),
    );
    expect(error).toMatchObject({ code: 'TIMEOUT', details: { reason: 'REQUEST_TIMEOUT' } });
  });

  it('sends the same Idempotency-Key on every attempt of a POST, and the caller key wins', async () => {
    const server = await serve([
      { status: 502 },
      { status: 503 },
      { status: 201, body: { data: DESIGN } },
    ]);
    const { canvelete } = client(server);
    await canvelete.designs.create({ name: 'Post' });
    const keys = server.requests.map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^cvt-core-[0-9a-f-]{36}$/);

    const second = await serve([{ status: 503 }, { status: 201, body: { data: DESIGN } }]);
    await client(second).canvelete.designs.create(
      { name: 'Post' },
      { idempotencyKey: 'zap-run-7-item-2' },
    );
    expect(second.requests.map((request) => request.headers['idempotency-key'])).toEqual([
      'zap-run-7-item-2',
      'zap-run-7-item-2',
    ]);
  });

  it('does not sleep past the deadline: TIMEOUT at once instead', async () => {
    const server = await serve([{ status: 429, headers: { 'retry-after': '20' } }]);
    const { canvelete, clock } = client(server);
    const error = await caught(
      canvelete.designs.retrieve('d_1', { deadline: clock.now() + 10_000 }),
    );
    expect(error).toMatchObject({
      code: 'TIMEOUT',
      details: { reason: 'DEADLINE', lastCode: 'RATE_LIMITED' },
    });
    expect(clock.sleeps).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('hands a wait longer than maxDelayMs back to the caller as RATE_LIMITED with retryAfterSeconds', async () => {
    const server = await serve([{ status: 429, headers: { 'retry-after': '120' } }]);
    const error = await caught(client(server).canvelete.designs.retrieve('d_1'));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 120, status: 429 });
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry 4xx answers', async () => {
    const server = await serve([{ status: 404, body: { error: 'Design not found' } }]);
    const error = await caught(client(server).canvelete.designs.retrieve('nope'));
    expect(error.code).toBe('NOT_FOUND');
    expect(server.requests).toHaveLength(1);
  });
});

describe('request: errors', () => {
  it('reads the documented object error shape', async () => {
    const server = await serve([
      {
        status: 400,
        headers: { 'x-request-id': 'req_1' },
        body: {
          success: false,
          error: {
            code: 'INVALID_ELEMENT',
            message: 'No element "title"',
            details: { element: 'title' },
          },
        },
      },
    ]);
    const error = await caught(client(server).canvelete.designs.retrieve('d_1'));
    expect(error).toMatchObject({
      code: 'INVALID_ELEMENT',
      status: 400,
      requestId: 'req_1',
      details: { serverCode: 'INVALID_ELEMENT', element: 'title' },
    });
    expect(error.message).toContain('No element "title"');
    expect(error.message).toContain('req_1');
  });

  it('reads the flat string error shapes, including 422 as validation', async () => {
    const flat = await serve([{ status: 422, body: { error: 'width must be at most 10000' } }]);
    const error = await caught(client(flat).canvelete.designs.retrieve('d_1'));
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', status: 422 });
    expect(error.message).toContain('width must be at most 10000');
    const messageOnly = await serve([
      { status: 403, body: { message: 'API key lacks the designs:read scope' } },
    ]);
    expect((await caught(client(messageOnly).canvelete.designs.retrieve('d_1'))).code).toBe(
      'INSUFFICIENT_SCOPE',
    );
  });

  it('redacts the API key a server echoes back, in the message and the details', async () => {
    const server = await serve([
      {
        status: 401,
        body: {
          error: {
            code: 'INVALID_API_KEY',
            message: `Key ${API_KEY} is revoked`,
            details: { key: API_KEY },
          },
        },
      },
    ]);
    const error = await caught(client(server).canvelete.designs.retrieve('d_1'));
    expect(error.code).toBe('UNAUTHORIZED');
    expect(JSON.stringify(error.toJSON())).not.toContain(API_KEY);
    expect(error.message).toContain('[redacted]');
    expect(String(error.stack)).not.toContain(API_KEY);
  });

  it('redacts secrets the platform holds for us, and anything shaped like a key or signing secret', async () => {
    const platformKey = 'cvt_platform_held_key_0123456789';
    const signingSecret = 'my-signing-secret-value';
    const server = await serve([
      {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_ERROR',
            message: `bad ${platformKey} ${signingSecret} whsec_abcdef123456 cvl_legacy_key_99`,
          },
        },
      },
    ]);
    const canvelete = new Canvelete({
      baseUrl: server.url,
      redact: [signingSecret],
      maxRetries: 0,
    });
    const error = await caught(canvelete.designs.retrieve('d_1'));
    const shown = JSON.stringify(error.toJSON()) + String(error.stack);
    for (const secret of [platformKey, signingSecret, 'whsec_abcdef123456', 'cvl_legacy_key_99']) {
      expect(shown).not.toContain(secret);
    }
    expect(error.message).toContain('[redacted]');
  });

  it('turns a 2xx body that is not JSON into INVALID_RESPONSE, and a wrong shape too', async () => {
    const html = await serve([
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>login</html>' },
    ]);
    expect((await caught(client(html).canvelete.designs.retrieve('d_1'))).code).toBe(
      'INVALID_RESPONSE',
    );
    const wrong = await serve([{ status: 200, body: { data: { name: 'no id' } } }]);
    const error = await caught(client(wrong).canvelete.designs.retrieve('d_1'));
    expect(error).toMatchObject({
      code: 'INVALID_RESPONSE',
      details: { what: 'design', path: 'id' },
    });
  });

  it('ends with TIMEOUT (ABORTED) when the caller aborts', async () => {
    const server = await serve([{ status: 200, body: 'late', delayMs: 3_000 }]);
    const controller = new AbortController();
    const pending = client(server).canvelete.designs.retrieve('d_1', { signal: controller.signal });
    controller.abort();
    expect(await caught(pending)).toMatchObject({
      code: 'TIMEOUT',
      retryable: false,
      details: { reason: 'ABORTED' },
    });
  });
});
