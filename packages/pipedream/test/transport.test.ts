import { Canvelete, type TransportRequest } from '@canvelete/core';
import { type ScriptedServer, startScriptedServer } from '@canvelete/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { pipedreamTransport } from '../components/canvelete/common/transport.mjs';

/** ARCHITECTURE seam 1: the shim on Pipedream's real `axios($, …)`. */
const servers: ScriptedServer[] = [];
async function server(...args: Parameters<typeof startScriptedServer>) {
  const started = await startScriptedServer(...args);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const exports: Record<string, unknown> = {};
const $ = { export: (name: string, value: unknown) => (exports[name] = value) };
const transport = pipedreamTransport($);

function request(url: string, extra: Partial<TransportRequest> = {}): TransportRequest {
  return {
    method: 'GET',
    url,
    headers: { authorization: 'Bearer cvt_secret' },
    auth: true,
    ...extra,
  };
}

describe('pipedreamTransport', () => {
  it('returns an error status as a response, never a throw (503)', async () => {
    const s = await server([{ status: 503, body: { error: 'down' } }]);
    const response = await transport(request(`${s.url}/x`));
    expect(response.status).toBe(503);
    expect(new TextDecoder().decode(response.body)).toBe('{"error":"down"}');
    expect(exports.debug).toBeUndefined();
  });

  it('keeps 429 and its Retry-After for the core, which waits and retries', async () => {
    const limited = {
      status: 429,
      headers: { 'retry-after': '0' },
      body: { error: { code: 'RATE_LIMITED' } },
    };
    const direct = await server([limited]);
    const first = await transport(request(`${direct.url}/x`));
    expect(first.status).toBe(429);
    expect(first.headers['retry-after']).toBe('0');
    const s = await server([
      limited,
      {
        status: 200,
        body: { success: true, data: { creditsUsed: 1, creditsRemaining: 9, creditLimit: 10 } },
      },
    ]);
    const client = new Canvelete({ apiKey: 'cvt_secret', baseUrl: s.url, transport });
    expect((await client.usage.retrieve()).creditsRemaining).toBe(9);
    expect(s.requests).toHaveLength(2);
  });

  it('returns binary bodies byte for byte', async () => {
    const bytes = Uint8Array.from([0, 255, 137, 80, 78, 71, 13, 10, 26, 10]);
    const s = await server([
      { status: 200, headers: { 'content-type': 'image/png' }, body: bytes },
    ]);
    const response = await transport(request(`${s.url}/file.png`, { responseType: 'bytes' }));
    expect([...response.body]).toEqual([...bytes]);
    expect(response.headers['content-type']).toBe('image/png');
  });

  it('throws a clean error on a dropped connection, without the request config or key', async () => {
    const s = await server([{ drop: true }]);
    const error = (await transport(request(`${s.url}/x`)).catch((e) => e)) as Error;
    expect(error).toBeInstanceOf(Error);
    expect(Object.keys(error)).not.toContain('config');
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain('cvt_secret');
  });

  it('sends no credentials when auth is false (a second origin)', async () => {
    const s = await server([{ status: 200, body: 'ok' }]);
    await transport(
      request(`${s.url}/cdn/file.png`, {
        auth: false,
        headers: {
          authorization: 'Bearer cvt_secret',
          cookie: 'a=b',
          'x-api-key': 'k',
          accept: '*/*',
        },
      }),
    );
    const headers = s.requests[0]?.headers ?? {};
    expect(headers.authorization).toBeUndefined();
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-api-key']).toBeUndefined();
    expect(headers.accept).toBe('*/*');
  });

  it('downloads a file from a second origin through the core without the API key', async () => {
    const api = await server([{ status: 200, body: {} }]);
    const cdn = await server([
      { status: 200, headers: { 'content-type': 'image/png' }, body: 'PNGDATA' },
    ]);
    const client = new Canvelete({ apiKey: 'cvt_secret', baseUrl: api.url, transport });
    const file = await client.renders.download(`${cdn.url}/renders/r1.png`);
    expect(new TextDecoder().decode(file.bytes)).toBe('PNGDATA');
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    expect(api.requests).toHaveLength(0);
  });

  it('honours the per-request timeout (TimeoutError) and the caller’s signal (AbortError)', async () => {
    const s = await server([{ status: 200, body: 'late', delayMs: 2_000 }]);
    const timedOut = (await transport(request(`${s.url}/slow`, { timeoutMs: 100 })).catch(
      (e) => e,
    )) as Error;
    expect(timedOut.name).toBe('TimeoutError');
    const controller = new AbortController();
    const pending = transport(request(`${s.url}/slow`, { signal: controller.signal }));
    controller.abort();
    expect(((await pending.catch((e) => e)) as Error).name).toBe('AbortError');
  });

  it('sends query parameters and JSON bodies unchanged (no platform re-parsing of "+" or "&")', async () => {
    const s = await server([{ status: 200, body: {} }]);
    const url = new URL(`${s.url}/designs`);
    url.searchParams.set('search', 'a+b & c=d');
    url.searchParams.set('page', '2');
    await transport(
      request(url.toString(), {
        method: 'POST',
        body: '{"a":1}',
        headers: { 'content-type': 'application/json' },
      }),
    );
    const seen = new URL(s.requests[0]?.url ?? '', 'http://x');
    expect(seen.searchParams.get('search')).toBe('a+b & c=d');
    expect(seen.searchParams.get('page')).toBe('2');
    expect(s.requests[0]?.body.toString()).toBe('{"a":1}');
  });
});
