// The transport shim through the conformance cases of ARCHITECTURE seam 1, inside Zapier's real
// runtime (z.request with its middleware), against scripted loopback servers.
import { Canvelete, type TransportRequest } from '@canvelete/core';
import { type ScriptedServer, startScriptedServer } from '@canvelete/testing/http';
import { afterEach, describe, expect, it } from 'vitest';
import zapier, { type ZObject } from 'zapier-platform-core';
import { zapierTransport } from '../src/transport';

type ProbeInput = { request: TransportRequest & { bodyBase64?: string } };

const probeApp = {
  version: '1.0.0',
  platformVersion: zapier.version,
  creates: {
    probe: {
      key: 'probe',
      noun: 'Probe',
      display: { label: 'Probe', description: 'Sends one transport request.' },
      operation: {
        perform: async (z: ZObject, bundle: { inputData: ProbeInput }) => {
          const { bodyBase64, ...request } = bundle.inputData.request;
          const response = await zapierTransport(z)({
            ...request,
            body: bodyBase64 ? new Uint8Array(Buffer.from(bodyBase64, 'base64')) : request.body,
          });
          return {
            id: 'probe',
            status: response.status,
            headers: response.headers,
            bodyBase64: Buffer.from(response.body).toString('base64'),
            bodyIsBytes: response.body instanceof Uint8Array,
          };
        },
        sample: { id: 'probe' },
      },
    },
    viaCore: {
      key: 'viaCore',
      noun: 'Usage',
      display: { label: 'Via core', description: 'Reads usage through the core.' },
      operation: {
        perform: async (z: ZObject, bundle: { inputData: { baseUrl: string } }) => {
          const client = new Canvelete({
            transport: zapierTransport(z),
            apiKey: 'cvt_test_key_1234',
            baseUrl: bundle.inputData.baseUrl,
            retry: { baseDelayMs: 1, maxDelayMs: 2_000 },
          });
          return { id: 'usage', ...(await client.usage.retrieve()) };
        },
        sample: { id: 'usage' },
      },
    },
  },
};

const handler = (
  zapier as unknown as {
    createAppHandler(
      app: object,
    ): (event: Record<string, unknown>) => Promise<{ results: unknown }>;
  }
).createAppHandler(probeApp);

async function send(request: Partial<TransportRequest> & { url: string; bodyBase64?: string }) {
  const full = { method: 'GET', headers: {}, auth: true, ...request };
  const { results } = await handler({
    command: 'execute',
    method: 'creates.probe.operation.perform',
    bundle: { inputData: { request: full } },
  });
  return results as {
    status: number;
    headers: Record<string, string>;
    bodyBase64: string;
    bodyIsBytes: boolean;
  };
}

const servers: ScriptedServer[] = [];
async function server(...args: Parameters<typeof startScriptedServer>) {
  const started = await startScriptedServer(...args);
  servers.push(started);
  return started;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe('zapierTransport', () => {
  it('returns a 429 with its Retry-After instead of throwing (Zapier would throw ThrottledError)', async () => {
    const api = await server([
      { status: 429, headers: { 'Retry-After': '7' }, body: { error: 'slow down' } },
    ]);
    const response = await send({ url: `${api.url}/x` });
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('7');
    expect(Buffer.from(response.bodyBase64, 'base64').toString()).toBe('{"error":"slow down"}');
  });

  it('returns a 503 as a response', async () => {
    const api = await server([{ status: 503, body: 'down' }]);
    expect((await send({ url: `${api.url}/x` })).status).toBe(503);
  });

  it('keeps binary bodies byte for byte', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const api = await server([
      { status: 200, headers: { 'content-type': 'image/png' }, body: bytes },
    ]);
    const response = await send({ url: `${api.url}/file.png`, responseType: 'bytes' });
    expect(response.bodyIsBytes).toBe(true);
    expect([...Buffer.from(response.bodyBase64, 'base64')]).toEqual([...bytes]);
  });

  it('decodes JSON answers as UTF-8 bytes', async () => {
    const api = await server([{ status: 200, body: { name: 'Crème brûlée ✓' } }]);
    const response = await send({ url: `${api.url}/j` });
    expect(JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString('utf8'))).toEqual({
      name: 'Crème brûlée ✓',
    });
  });

  it('sends the body and headers as given, curly braces included', async () => {
    const api = await server([{ status: 201, body: {} }]);
    const body = JSON.stringify({ text: '{{bundle.inputData.name}} and {{headline}}' });
    await send({
      url: `${api.url}/p`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
      body,
    });
    expect(api.requests[0]?.body.toString()).toBe(body);
    expect(api.requests[0]?.headers['idempotency-key']).toBe('k-1');
  });

  it('sends Uint8Array bodies as bytes, not as JSON', async () => {
    const api = await server([{ status: 200, body: {} }]);
    await send({ url: `${api.url}/b`, method: 'POST', bodyBase64: 'AAEC/w==' });
    expect([...(api.requests[0]?.body ?? [])]).toEqual([0, 1, 2, 255]);
  });

  it('throws on a dropped connection', async () => {
    const api = await server([{ drop: true }]);
    await expect(send({ url: `${api.url}/x` })).rejects.toThrow();
  });

  it('throws when the per-request timeout passes', async () => {
    const api = await server([{ status: 200, body: {}, delayMs: 3_000 }]);
    await expect(send({ url: `${api.url}/slow`, timeoutMs: 200 })).rejects.toThrow();
  });

  it('sends no credentials to a request marked auth: false', async () => {
    const cdn = await server([{ status: 200, body: 'file' }]);
    await send({
      url: `${cdn.url}/file`,
      auth: false,
      headers: { authorization: 'Bearer cvt_secret', 'x-api-key': 'k', accept: '*/*' },
      responseType: 'bytes',
    });
    expect(cdn.requests[0]?.headers['authorization']).toBeUndefined();
    expect(cdn.requests[0]?.headers['x-api-key']).toBeUndefined();
    expect(cdn.requests[0]?.headers['accept']).toBe('*/*');
  });

  it('lets the core retry a 429 after Retry-After and succeed, inside the Zapier runtime', async () => {
    const api = await server([
      { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'RATE_LIMITED' } } },
      { status: 200, body: { success: true, data: { creditsUsed: 3, creditsRemaining: 97 } } },
    ]);
    const { results } = await handler({
      command: 'execute',
      method: 'creates.viaCore.operation.perform',
      bundle: { inputData: { baseUrl: api.url } },
    });
    expect((results as { creditsRemaining: number }).creditsRemaining).toBe(97);
    expect(api.requests).toHaveLength(2);
    expect(api.requests[0]?.headers['authorization']).toBe('Bearer cvt_test_key_1234');
    expect(api.requests[0]?.headers['user-agent']).toMatch(/^canvelete-core\//);
  });
});
