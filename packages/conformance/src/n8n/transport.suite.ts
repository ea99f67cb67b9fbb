import { idempotencyKeyFor } from '@canvelete/core';
import { startScriptedServer } from '@canvelete/testing/http';
import { N8nHarness } from '@canvelete/testing/n8n';
import { describe, expect, it } from 'vitest';
import { N8N_PACKAGE_DIR } from './setup.ts';

// The n8n transport shim (ARCHITECTURE seam 1) in the real engine: the core's requests go through
// n8n's httpRequestWithAuthentication (credential `authenticate`) or, for `auth: false`, plain
// httpRequest, and the shim never throws on an HTTP status.
const API_KEY = 'cvt_transport_test_key_0123456789';

async function harnessFor(baseUrl: string) {
  return N8nHarness.create({
    packageDir: N8N_PACKAGE_DIR,
    credentials: { canveleteApi: { apiKey: API_KEY, baseUrl, webhookSecret: '' } },
  });
}

const usageNode = {
  name: 'Usage',
  type: 'canvelete',
  parameters: { resource: 'account', operation: 'getUsage' },
};
const usageBody = { success: true, data: { creditsUsed: 1, creditsRemaining: 9, creditLimit: 10 } };

describe('n8n transport shim (engine)', () => {
  it('waits out 429 + Retry-After and 503, then succeeds, authenticating every attempt', async () => {
    const server = await startScriptedServer([
      {
        status: 429,
        headers: { 'retry-after': '1' },
        body: { error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } },
      },
      { status: 503, body: 'upstream unavailable' },
      { status: 200, body: usageBody },
    ]);
    try {
      const run = await (await harnessFor(server.url)).run({ nodes: [usageNode] }, [{}]);
      expect(run.status).toBe('success');
      expect(run.output('Usage')[0]?.json).toMatchObject({ creditsRemaining: 9 });
      expect(server.requests).toHaveLength(3);
      for (const request of server.requests) {
        expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
        expect(request.url).toBe('/api/v1/usage/stats');
        expect(String(request.headers['user-agent'])).toContain('n8n-nodes-canvelete/');
      }
    } finally {
      await server.close();
    }
  });

  it('maps an answered error to NodeApiError without leaking the key', async () => {
    const server = await startScriptedServer([
      { status: 401, body: { error: { code: 'INVALID_API_KEY', message: `bad key ${API_KEY}` } } },
    ]);
    try {
      const run = await (await harnessFor(server.url)).run({ nodes: [usageNode] }, [{}]);
      expect(run.status).toBe('error');
      expect(run.error?.name).toBe('NodeApiError');
      expect(run.error?.description).toContain('Open the Canvelete credential');
      expect(JSON.stringify(run.error)).not.toContain(API_KEY);
      expect(run.error?.message).not.toContain(API_KEY);
    } finally {
      await server.close();
    }
  });

  it('turns a dropped connection into NETWORK_ERROR after retrying', async () => {
    const server = await startScriptedServer([{ drop: true }]);
    try {
      const run = await (await harnessFor(server.url)).run({ nodes: [usageNode] }, [{}]);
      expect(run.status).toBe('error');
      expect(run.error?.name).toBe('NodeOperationError');
      expect(run.error?.description).toContain('NETWORK_ERROR');
      expect(server.requests.length).toBeGreaterThan(1);
      expect(JSON.stringify(run.error)).not.toContain(API_KEY);
    } finally {
      await server.close();
    }
  });

  it('downloads a binary file from a second origin without the Authorization header', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 3, 254, 255]);
    const cdn = await startScriptedServer([
      { status: 200, headers: { 'content-type': 'image/png' }, body: png },
    ]);
    const api = await startScriptedServer([
      {
        status: 200,
        body: {
          success: true,
          data: {
            id: 'rnd_cdn',
            status: 'completed',
            format: 'png',
            url: `${cdn.url}/files/rnd_cdn.png`,
          },
        },
      },
    ]);
    try {
      const run = await (await harnessFor(api.url)).run(
        {
          nodes: [
            {
              name: 'Get',
              type: 'canvelete',
              parameters: {
                resource: 'render',
                operation: 'get',
                renderId: 'rnd_cdn',
                output: 'binary',
              },
            },
          ],
        },
        [{}],
      );
      expect(run.status).toBe('success');
      const file = run.output('Get')[0]?.binary?.data;
      expect(Buffer.from(String(file?.data), 'base64').equals(png)).toBe(true);
      expect(file?.mimeType).toBe('image/png');
      expect(file?.fileName).toBe('canvelete-rnd_cdn.png');
      expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(cdn.requests).toHaveLength(1);
      expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await api.close();
      await cdn.close();
    }
  });

  it('sends an Idempotency-Key derived from the execution, node, run and item', async () => {
    const api = await startScriptedServer((request) => {
      const body = JSON.parse(request.body.toString('utf8') || '{}');
      return {
        status: 202,
        body: {
          success: true,
          data: { id: `rnd_${body.reference}`, status: 'completed', format: 'png' },
        },
      };
    });
    try {
      const run = await (await harnessFor(api.url)).run(
        {
          nodes: [
            {
              name: 'Render',
              type: 'canvelete',
              parameters: {
                resource: 'render',
                operation: 'render',
                dataInput: 'json',
                design: { __rl: true, mode: 'id', value: 'd_1' },
                output: 'json',
                options: { reference: '={{ $json.ref }}' },
              },
            },
          ],
        },
        [{ ref: 'a' }, { ref: 'b' }],
      );
      expect(run.status).toBe('success');
      const nodeId = run.workflow.getNode('Render')?.id as string;
      const keys = api.requests
        .filter((request) => request.method === 'POST')
        .map((request) => request.headers['idempotency-key']);
      expect(keys).toEqual([
        idempotencyKeyFor('n8n', run.executionId, nodeId, 0, 0),
        idempotencyKeyFor('n8n', run.executionId, nodeId, 0, 1),
      ]);
    } finally {
      await api.close();
    }
  });
});
