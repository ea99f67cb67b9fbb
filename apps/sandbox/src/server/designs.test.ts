import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, sandbox } from './test-support.js';

describe('designs', () => {
  it('creates a DRAFT design with defaults and canvasData given as a JSON string', async () => {
    const box = await sandbox();
    const canvasData = JSON.stringify({
      elements: [{ type: 'text', name: 'title', text: '{{title}}' }],
    });
    const res = await call(box, 'POST', '/api/automation/designs', {
      body: { name: 'Poster', canvasData, visibility: 'UNLISTED' },
    });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({
      name: 'Poster',
      width: 1920,
      height: 1080,
      status: 'DRAFT',
      visibility: 'UNLISTED',
      isTemplate: false,
    });
    expect(res.json.data.id).toMatch(/^c[a-z0-9]{24}$/);
    expect(res.json.data.canvasData.elements[0].name).toBe('title');
    expect(res.json.data.editUrl).toContain(res.json.data.id);
    const fetched = await call(box, 'GET', `/api/automation/designs/${res.json.data.id}`);
    expect(fetched.json.data.name).toBe('Poster');
  });

  it.each([
    [{}, 'name', 422],
    [{ name: 'x', visibility: 'SECRET' }, 'visibility', 422],
    [{ name: 'x', width: 0 }, 'width', 422],
    [{ name: 'x', canvasData: '{nope' }, 'canvasData', 422],
    [{ name: 'x', canvasData: 42 }, 'canvasData', 400],
    [
      { name: 'x', canvasData: { elements: [{ type: 'text' }, null] } },
      'canvasData.elements[1]',
      422,
    ],
    [{ name: 'x', canvasData: '{"elements":{}}' }, 'canvasData.elements', 422],
  ])('refuses %j naming %s', async (body, field, status) => {
    const box = await sandbox();
    const res = await call(box, 'POST', '/api/automation/designs', { body });
    expect(res.status).toBe(status);
    expect(res.json.error.details.field).toBe(field);
  });

  it('accepts every visibility value', async () => {
    const box = await sandbox();
    for (const visibility of ['PRIVATE', 'PUBLIC', 'TEAM', 'UNLISTED']) {
      const res = await call(box, 'POST', '/v1/designs', {
        body: { name: visibility, visibility },
      });
      expect(res.json.data.visibility).toBe(visibility);
    }
  });

  it('updates with PATCH and archives on DELETE (hidden from lists unless asked)', async () => {
    const box = await sandbox();
    const { json } = await call(box, 'POST', '/api/automation/designs', { body: { name: 'Temp' } });
    const id = json.data.id;
    const patched = await call(box, 'PATCH', `/api/automation/designs/${id}`, {
      body: { name: 'Renamed', status: 'PUBLISHED', width: 500 },
    });
    expect(patched.json.data).toMatchObject({
      name: 'Renamed',
      status: 'PUBLISHED',
      width: 500,
      height: 1080,
    });
    const deleted = await call(box, 'DELETE', `/api/automation/designs/${id}`);
    expect(deleted.json).toEqual({ success: true });
    const listed = await call(box, 'GET', '/api/automation/designs?limit=100');
    expect(listed.json.data.map((d: { id: string }) => d.id)).not.toContain(id);
    const archived = await call(box, 'GET', '/api/automation/designs?status=ARCHIVED');
    expect(archived.json.data.map((d: { id: string }) => d.id)).toEqual([id]);
    const stillThere = await call(box, 'GET', `/api/automation/designs/${id}`);
    expect(stillThere.json.data.status).toBe('ARCHIVED');
    expect((await call(box, 'DELETE', '/api/automation/designs/cmissing')).status).toBe(404);
  });

  it('filters by search, status and isTemplate', async () => {
    const box = await sandbox();
    const templates = await call(box, 'GET', '/api/automation/designs?isTemplate=true');
    expect(templates.json.data.length).toBeGreaterThan(0);
    expect(templates.json.data.every((d: { isTemplate: boolean }) => d.isTemplate)).toBe(true);
    const search = await call(box, 'GET', '/api/automation/designs?search=PRODUCT');
    expect(search.json.data.map((d: { id: string }) => d.id)).toEqual([
      SEED_DESIGN_IDS.productCard,
    ]);
    expect((await call(box, 'GET', '/api/automation/designs?isTemplate=maybe')).status).toBe(400);
    expect((await call(box, 'GET', '/api/automation/designs?status=GONE')).status).toBe(422);
  });

  it('serves the MCP family with the bare design beside data', async () => {
    const box = await sandbox();
    const res = await call(box, 'GET', `/api/designs/${SEED_DESIGN_IDS.productCard}`);
    expect(res.json.canvasData).toBeDefined();
    expect(res.json.data.id).toBe(SEED_DESIGN_IDS.productCard);
  });

  it('lists and gets templates with variables; a non-template id is 404', async () => {
    const box = await sandbox();
    const list = await call(box, 'GET', '/api/automation/templates');
    expect(list.json.data.every((t: { isTemplate: boolean }) => t.isTemplate)).toBe(true);
    const ticket = await call(
      box,
      'GET',
      `/api/automation/templates/${SEED_DESIGN_IDS.ticketTemplate}`,
    );
    expect(ticket.json.data.variables.length).toBeGreaterThan(0);
    const thumb = await fetch(ticket.json.data.thumbnailUrl);
    expect(thumb.headers.get('content-type')).toBe('image/png');
    const notTemplate = await call(
      box,
      'GET',
      `/api/automation/templates/${SEED_DESIGN_IDS.productCard}`,
    );
    expect(notTemplate.status).toBe(404);
  });

  it('answers unknown routes with 404 NOT_FOUND', async () => {
    const box = await sandbox();
    const res = await call(box, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('NOT_FOUND');
  });
});

describe('render history and the JSON render route', () => {
  it('lists renders newest first, also per design', async () => {
    const box = await sandbox();
    const first = await call(box, 'POST', `/api/v1/render/design/${SEED_DESIGN_IDS.productCard}`, {
      body: { format: 'svg', width: 100 },
    });
    expect(first.json.data.outputUrl).toMatch(/\.svg$/);
    const svg = await fetch(first.json.data.outputUrl);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    await call(box, 'POST', '/api/v1/render', {
      body: { designId: SEED_DESIGN_IDS.ogImage, format: 'pdf', width: 100 },
    });
    const history = await call(box, 'GET', '/api/v1/render/history');
    expect(history.json.pagination.total).toBe(2);
    expect(history.json.data[0].format).toBe('pdf');
    const perDesign = await call(
      box,
      'GET',
      `/api/v1/render/design/${SEED_DESIGN_IDS.productCard}/history`,
    );
    expect(perDesign.json.data.map((r: { id: string }) => r.id)).toEqual([first.json.data.id]);
  });
});
