import { describe, expect, it } from 'vitest';
import { useScriptedServers } from '../test-support/fixture.js';
import { createFetchTransport } from './transport.js';

const serve = useScriptedServers();

const transport = createFetchTransport();

describe('createFetchTransport', () => {
  it('returns status, lower-cased headers and the body as bytes', async () => {
    const server = await serve([
      {
        status: 200,
        headers: { 'X-Render-Id': 'r_1', 'Content-Type': 'image/png' },
        body: new Uint8Array([137, 80, 0, 255]),
      },
    ]);
    const response = await transport({
      method: 'GET',
      url: `${server.url}/file`,
      headers: {},
      auth: true,
    });
    expect(response.status).toBe(200);
    expect(response.headers['x-render-id']).toBe('r_1');
    expect(response.headers['content-type']).toBe('image/png');
    expect([...response.body]).toEqual([137, 80, 0, 255]);
  });

  it('never throws on an HTTP error status', async () => {
    const server = await serve([{ status: 503, body: { error: 'down' } }]);
    const response = await transport({
      method: 'POST',
      url: server.url,
      headers: {},
      body: '{}',
      auth: true,
    });
    expect(response.status).toBe(503);
    expect(JSON.parse(new TextDecoder().decode(response.body))).toEqual({ error: 'down' });
  });

  it('sends method, headers and body', async () => {
    const server = await serve([{ status: 204 }]);
    await transport({
      method: 'PATCH',
      url: `${server.url}/x?y=1`,
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: '{"a":1}',
      auth: true,
    });
    expect(server.requests[0]).toMatchObject({ method: 'PATCH', url: '/x?y=1', text: '{"a":1}' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer k');
  });

  it('sends no credentials when auth is false, even if a header slipped in', async () => {
    const server = await serve([{ status: 200, body: 'ok' }]);
    await transport({
      method: 'GET',
      url: server.url,
      headers: { Authorization: 'Bearer cvt_secret', Cookie: 'a=b', 'user-agent': 'x' },
      auth: false,
    });
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(server.requests[0]?.headers.cookie).toBeUndefined();
    expect(server.requests[0]?.headers['user-agent']).toBe('x');
  });

  it('throws on a dropped connection', async () => {
    const server = await serve([{ drop: true }]);
    await expect(
      transport({ method: 'GET', url: server.url, headers: {}, auth: true }),
    ).rejects.toThrow();
  });

  it('throws a TimeoutError when the answer is slower than timeoutMs', async () => {
    const server = await serve([{ status: 200, body: 'late', delayMs: 3_000 }]);
    await expect(
      transport({ method: 'GET', url: server.url, headers: {}, auth: true, timeoutMs: 50 }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('honours the caller signal', async () => {
    const server = await serve([{ status: 200, body: 'late', delayMs: 3_000 }]);
    const controller = new AbortController();
    const pending = transport({
      method: 'GET',
      url: server.url,
      headers: {},
      auth: true,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
