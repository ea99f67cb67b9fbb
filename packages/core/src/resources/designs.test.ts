import type { ScriptedServer } from '@canvelete/test-http';
import { describe, expect, it } from 'vitest';
import { clientOn, useScriptedServers } from '../test-support/fixture.js';

const serve = useScriptedServers();

const client = (server: ScriptedServer) => clientOn(server).canvelete;

const design = (id: string) => ({
  id,
  name: `Design ${id}`,
  width: 1080,
  height: 1080,
  status: 'PUBLISHED',
});

describe('designs', () => {
  it('iterates every page until totalPages', async () => {
    const server = await serve((request) => {
      const page = Number(new URL(request.url, 'http://x').searchParams.get('page'));
      return {
        status: 200,
        body: {
          success: true,
          data: [design(`p${page}`)],
          pagination: { page, limit: 1, total: 3, totalPages: 3 },
        },
      };
    });
    const ids: string[] = [];
    for await (const item of client(server).designs.iterate({ limit: 1, status: 'PUBLISHED' }))
      ids.push(item.id);
    expect(ids).toEqual(['p1', 'p2', 'p3']);
    expect(server.requests[0]?.url).toBe('/api/automation/designs?limit=1&status=PUBLISHED&page=1');
  });

  it('stops when a server ignoring `page` repeats the same page', async () => {
    const server = await serve([{ status: 200, body: { data: [design('a')], hasMore: true } }]);
    const ids: string[] = [];
    for await (const item of client(server).designs.iterate()) ids.push(item.id);
    expect(ids).toEqual(['a']);
    expect(server.requests).toHaveLength(2);
  });

  it('creates with a pasted canvasData JSON string sent as an object, updates and deletes', async () => {
    const server = await serve((request) =>
      request.method === 'DELETE'
        ? { status: 204 }
        : { status: 200, body: { data: { ...design('d_9'), editUrl: 'https://app/d_9' } } },
    );
    const canvelete = client(server);
    const created = await canvelete.designs.create({
      name: 'New',
      width: 800,
      canvasData: '{"elements":[]}',
    });
    expect(created.editUrl).toBe('https://app/d_9');
    expect(JSON.parse(server.requests[0]?.text ?? '')).toEqual({
      name: 'New',
      width: 800,
      canvasData: { elements: [] },
    });
    await canvelete.designs.update('d_9', { status: 'ARCHIVED' });
    expect(server.requests[1]).toMatchObject({
      method: 'PATCH',
      url: '/api/automation/designs/d_9',
    });
    await expect(canvelete.designs.delete('d_9')).resolves.toBeUndefined();
    expect(server.requests[2]).toMatchObject({
      method: 'DELETE',
      url: '/api/automation/designs/d_9',
    });
  });
});

describe('designs.create input', () => {
  it.each([
    ['{"elements": [', 'is not valid JSON'],
    ['[1, 2]', 'must be a JSON object'],
  ])('refuses canvasData %j before any request, naming the field', async (canvasData, problem) => {
    const server = await serve([{ status: 200, body: { data: design('d_1') } }]);
    const error = await client(server)
      .designs.create({ name: 'Broken', canvasData })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { field: 'canvasData' } });
    expect((error as Error).message).toContain(problem);
    expect(server.requests).toHaveLength(0);
  });

  it('treats a blank canvasData string as not given', async () => {
    const server = await serve([{ status: 200, body: { data: design('d_1') } }]);
    await client(server).designs.create({ name: 'Blank', canvasData: '  ' });
    expect(JSON.parse(server.requests[0]?.text ?? '')).toEqual({ name: 'Blank' });
  });
});

describe('templates and usage', () => {
  it('lists templates and reads one through the designs route', async () => {
    const server = await serve((request) =>
      request.url.startsWith('/api/automation/templates')
        ? {
            status: 200,
            body: {
              data: [
                { id: 't1', name: 'T', width: 1, height: 1, thumbnail: 'x', variables: ['title'] },
              ],
              pagination: { page: 1, limit: 20, total: 1 },
            },
          }
        : {
            status: 200,
            body: {
              data: {
                id: 't1',
                name: 'T',
                width: 1,
                height: 1,
                isTemplate: true,
                dynamicFields: ['title'],
              },
            },
          },
    );
    const canvelete = client(server);
    const page = await canvelete.templates.list({ category: 'social' });
    expect(page).toMatchObject({
      page: 1,
      totalPages: 1,
      hasMore: false,
      items: [{ id: 't1', thumbnailUrl: 'x', variables: [{ name: 'title', type: 'text' }] }],
    });
    expect(server.requests[0]?.url).toBe('/api/automation/templates?category=social');
    expect((await canvelete.templates.retrieve('t1')).isTemplate).toBe(true);
    expect(server.requests[1]?.url).toBe('/api/automation/designs/t1');
  });

  it('reads usage from /api/v1/usage/stats', async () => {
    const server = await serve([
      {
        status: 200,
        body: {
          success: true,
          data: { creditsUsed: 3, creditLimit: 500, creditsRemaining: 497, apiCalls: 12 },
        },
      },
    ]);
    expect(await client(server).usage.retrieve()).toEqual({
      creditsUsed: 3,
      creditLimit: 500,
      creditsRemaining: 497,
      apiCalls: 12,
    });
    expect(server.requests[0]?.url).toBe('/api/v1/usage/stats');
  });
});
