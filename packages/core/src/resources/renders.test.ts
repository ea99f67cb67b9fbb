import type { ScriptedServer, ScriptedStep } from '@canvelete/test-http';
import { describe, expect, it } from 'vitest';
import type { CanveleteOptions } from '../canvelete.js';
import { caught, clientOn, useScriptedServers } from '../test-support/fixture.js';

const API_KEY = `cvt_${'cd34'.repeat(16)}`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const serve = useScriptedServers();

const client = (server: ScriptedServer, options: Partial<CanveleteOptions> = {}) =>
  clientOn(server, { apiKey: API_KEY, ...options });

describe('renders.create / createAsync / wait', () => {
  it('starts async with the validated body, then polls through 429 and 503 until completed', async () => {
    const statuses: ScriptedStep[] = [
      { status: 200, body: { id: 'j1', status: 'queued' } },
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 503 },
      { status: 200, body: { id: 'j1', status: 'processing' } },
      {
        status: 200,
        body: {
          id: 'j1',
          status: 'completed',
          outputUrl: 'https://cdn.example/j1.png',
          format: 'png',
        },
      },
    ];
    let poll = 0;
    const server = await serve((request) => {
      if (request.url === '/api/v1/render/async')
        return { status: 202, body: { jobId: 'j1', status: 'pending', estimatedTime: 3 } };
      return statuses[Math.min(poll++, statuses.length - 1)] as ScriptedStep;
    });
    const { canvelete, clock } = client(server, { maxRetries: 0 });
    const render = await canvelete.renders.create({
      designId: 'd_1',
      format: 'jpeg',
      callbackUrl: 'https://h.example/cb',
      dynamicElements: { logo: { fill: '#f00' } },
    });
    expect(render).toEqual({
      id: 'j1',
      status: 'completed',
      url: 'https://cdn.example/j1.png',
      format: 'png',
    });
    expect(JSON.parse(server.requests[0]?.text ?? '')).toEqual({
      designId: 'd_1',
      format: 'jpg',
      webhook: 'https://h.example/cb',
      dynamicElements: { logo: { fill: '#f00' } },
      async: true,
    });
    expect(server.requests[0]?.headers['idempotency-key']).toBeTruthy();
    expect(
      server.requests.slice(1).every((request) => request.url === '/api/v1/render/status/j1'),
    ).toBe(true);
    // 2 s, then the 429's Retry-After (3 s), then growing ×1.5.
    expect(clock.sleeps).toEqual([2_000, 3_000, 4_500, 6_750]);
  });

  it('throws RENDER_FAILED with the server error text', async () => {
    const server = await serve((request) =>
      request.url.endsWith('/async')
        ? { status: 200, body: { jobId: 'j2', status: 'pending' } }
        : {
            status: 200,
            body: { data: { id: 'j2', status: 'failed', error: 'Font "Foo" not found' } },
          },
    );
    const error = await caught(client(server).canvelete.renders.create({ templateId: 't' }));
    expect(error).toMatchObject({
      code: 'RENDER_FAILED',
      details: { renderId: 'j2', serverError: 'Font "Foo" not found' },
    });
    expect(error.message).toContain('Font "Foo" not found');
  });

  it('gives up with TIMEOUT at the deadline without sleeping past it', async () => {
    const server = await serve([{ status: 200, body: { id: 'j3', status: 'processing' } }]);
    const { canvelete, clock } = client(server);
    const deadline = clock.now() + 10_000;
    const error = await caught(canvelete.renders.wait('j3', { deadline, pollIntervalMs: 4_000 }));
    expect(error).toMatchObject({ code: 'TIMEOUT', details: { reason: 'DEADLINE' } });
    expect(error.message).toContain('j3');
    expect(clock.now()).toBeLessThanOrEqual(deadline);
    expect(clock.sleeps).toEqual([4_000]);
  });

  it('does not start anything for invalid input', async () => {
    const server = await serve([{ status: 200, body: {} }]);
    const error = await caught(
      client(server).canvelete.renders.createAsync({ designId: 'd', width: 20_000 }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'width' } });
    expect(server.requests).toHaveLength(0);
  });
});

describe('renders.render (synchronous bytes)', () => {
  it('returns the bytes, the content type, the format and X-Render-Id', async () => {
    const server = await serve([
      { status: 200, headers: { 'content-type': 'image/png', 'x-render-id': 'r_42' }, body: PNG },
    ]);
    const file = await client(server).canvelete.renders.render({ designId: 'd_1', format: 'png' });
    expect(file).toEqual({
      bytes: PNG,
      contentType: 'image/png',
      format: 'png',
      renderId: 'r_42',
      fileName: 'r_42.png',
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/api/v1/render' });
  });

  it('follows a JSON answer with a URL (docs dialect) and downloads the file', async () => {
    const server = await serve((request) =>
      request.url === '/api/v1/render'
        ? {
            status: 200,
            body: {
              success: true,
              data: { renderId: 'r_5', imageUrl: '/files/r_5.png', format: 'png' },
            },
          }
        : { status: 200, headers: { 'content-type': 'image/png' }, body: PNG },
    );
    const file = await client(server).canvelete.renders.render({ designId: 'd_1' });
    expect(file).toMatchObject({ bytes: PNG, renderId: 'r_5', fileName: 'r_5.png' });
    expect(server.requests[1]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });
});

describe('renders.download', () => {
  it('sends no Authorization to another origin, and the key to its own', async () => {
    const cdn = await serve([{ status: 200, headers: { 'content-type': 'image/png' }, body: PNG }]);
    const api = await serve([{ status: 200, headers: { 'content-type': 'image/png' }, body: PNG }]);
    const { canvelete } = client(api);
    const file = await canvelete.renders.download({
      id: 'r_1',
      status: 'completed',
      url: `${cdn.url}/out/r_1.png`,
    });
    expect(file).toMatchObject({ bytes: PNG, fileName: 'r_1.png', format: 'png', renderId: 'r_1' });
    expect(cdn.requests[0]?.headers.authorization).toBeUndefined();
    await canvelete.renders.download(`${api.url}/own/file.png`);
    expect(api.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it('refuses a file over maxBytes and a render without a URL', async () => {
    const cdn = await serve([{ status: 200, headers: { 'content-type': 'image/png' }, body: PNG }]);
    const { canvelete } = client(cdn);
    expect(
      (await caught(canvelete.renders.download(`${cdn.url}/x.png`, { maxBytes: 4 }))).code,
    ).toBe('PAYLOAD_TOO_LARGE');
    expect(
      (await caught(canvelete.renders.download({ id: 'r', status: 'pending' }))).details.field,
    ).toBe('url');
  });
});

describe('renders.batch / retrieveBatch / waitForBatch', () => {
  it('posts the renders, then waits for completed', async () => {
    let polls = 0;
    const server = await serve((request) => {
      if (request.url === '/api/v1/render/batch')
        return {
          status: 200,
          body: {
            batchId: 'b1',
            jobs: [
              { jobId: 'j1', status: 'pending' },
              { jobId: 'j2', status: 'pending' },
            ],
            totalJobs: 2,
          },
        };
      polls++;
      return {
        status: 200,
        body: {
          jobs: [
            { id: 'j1', status: 'completed', outputUrl: 'u1' },
            { id: 'j2', status: polls > 1 ? 'failed' : 'processing' },
          ],
          completed: polls > 1,
        },
      };
    });
    const { canvelete, clock } = client(server);
    const batch = await canvelete.renders.batch({
      items: [{ designId: 'a' }, { templateId: 'b', format: 'pdf' }],
      callbackUrl: 'https://h.example',
    });
    expect(batch).toMatchObject({ id: 'b1', completed: false });
    expect(JSON.parse(server.requests[0]?.text ?? '')).toEqual({
      renders: [{ designId: 'a' }, { templateId: 'b', format: 'pdf' }],
      webhook: 'https://h.example',
    });
    const done = await canvelete.renders.waitForBatch('b1');
    expect(done.completed).toBe(true);
    expect(done.renders.map((render) => render.status)).toEqual(['completed', 'failed']);
    expect(server.requests[1]?.url).toBe('/api/v1/render/batch/b1/status');
    expect(clock.sleeps).toEqual([5_000]);
  });

  it('names the bad item', async () => {
    const server = await serve([{ status: 200, body: {} }]);
    const error = await caught(
      client(server).canvelete.renders.batch({
        items: [{ designId: 'a' }, { designId: 'b', scale: 9 }],
      }),
    );
    expect(error.details.field).toBe('items[1].scale');
    expect(
      (await caught(client(server).canvelete.renders.batch({ items: [] }))).details.field,
    ).toBe('items');
  });
});

describe('renders.list / iterate', () => {
  it('walks every page of the history and stops at totalPages', async () => {
    const server = await serve((request) => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
      return {
        status: 200,
        body: {
          data: [
            { id: `r${page}a`, status: 'completed', url: 'u' },
            { id: `r${page}b`, status: 'pending' },
          ],
          pagination: { page, limit: 2, total: 5, totalPages: 3 },
        },
      };
    });
    const ids: string[] = [];
    for await (const render of client(server).canvelete.renders.iterate({ limit: 2 }))
      ids.push(render.id);
    expect(ids).toEqual(['r1a', 'r1b', 'r2a', 'r2b', 'r3a', 'r3b']);
    expect(server.requests.map((request) => request.url)).toEqual([
      '/api/v1/render/history?limit=2&page=1',
      '/api/v1/render/history?limit=2&page=2',
      '/api/v1/render/history?limit=2&page=3',
    ]);
  });

  it('stops on an empty page', async () => {
    const server = await serve((request) =>
      request.url.includes('page=1')
        ? { status: 200, body: { renders: [{ id: 'a', status: 'pending' }], hasMore: true } }
        : { status: 200, body: { renders: [], hasMore: true } },
    );
    const ids: string[] = [];
    for await (const render of client(server).canvelete.renders.iterate()) ids.push(render.id);
    expect(ids).toEqual(['a']);
    expect(server.requests).toHaveLength(2);
  });
});
