import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, sandbox } from './test-support.js';

const PRODUCT = SEED_DESIGN_IDS.productCard; // 800 × 1000

describe('render validation (sdk: 422 semantic, 400 malformed)', () => {
  it.each([
    [{ format: 'gif' }, 'format', 422, 'VALIDATION_ERROR'],
    [{ quality: 101 }, 'quality', 422, 'VALIDATION_ERROR'],
    [{ quality: 0 }, 'quality', 422, 'VALIDATION_ERROR'],
    [{ width: 10_001 }, 'width', 422, 'VALIDATION_ERROR'],
    [{ height: 0 }, 'height', 422, 'VALIDATION_ERROR'],
    [{ scale: 0.05 }, 'scale', 422, 'VALIDATION_ERROR'],
    [{ scale: 5.5 }, 'scale', 422, 'VALIDATION_ERROR'],
    [{ width: 8000, scale: 2.5 }, 'scale', 422, 'VALIDATION_ERROR'], // 20,000 px wide
    [{ width: 10_000, height: 10_000, scale: 1.1 }, 'scale', 422, 'VALIDATION_ERROR'], // 121 MP
    [{ reference: 'x'.repeat(257) }, 'reference', 422, 'VALIDATION_ERROR'],
    [{ quality: 'high' }, 'quality', 400, 'VALIDATION_ERROR'],
    [{ dynamicElements: { nope: { text: 'x' } } }, 'dynamicElements.nope', 400, 'INVALID_ELEMENT'],
    [{ webhook: 'ftp://example.test' }, 'webhook', 422, 'VALIDATION_ERROR'],
  ])('%j → %s', async (extra, field, status, code) => {
    const box = await sandbox();
    const res = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, ...extra },
    });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.details.field).toBe(field);
    expect(res.json.error.message).toContain(field);
    expect(box.stats().rendersPerformed).toBe(0);
  });

  it('404s an unknown design and requires a design or template', async () => {
    const box = await sandbox();
    const unknown = await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: 'cnope' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatchObject({ code: 'NOT_FOUND', details: { field: 'designId' } });
    const none = await call(box, 'POST', '/api/v1/render', { body: { format: 'png' } });
    expect(none.status).toBe(422);
    expect(none.json.error.details.field).toBe('designId');
  });

  it('accepts dynamicElements keyed by element name or id, and max sizes at the edge', async () => {
    const box = await sandbox();
    const res = await call(box, 'POST', '/api/v1/render', {
      body: {
        designId: PRODUCT,
        width: 100,
        dynamicElements: { product_name: { text: 'Chair' }, 'card-price': { text: '$1' } },
      },
    });
    expect(res.status).toBe(200);
  });

  it('answers malformed JSON with 400 and an over-limit body with 413', async () => {
    const box = await sandbox({ maxBodyBytes: 1024 });
    const broken = await call(box, 'POST', '/api/v1/render', { body: '{"designId": ' });
    expect(broken.status).toBe(400);
    expect(broken.json.error.details.field).toBe('body');
    const array = await call(box, 'POST', '/api/v1/render', { body: '[1]' });
    expect(array.status).toBe(400);
    const huge = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, dynamicData: { x: 'y'.repeat(5000) } },
    });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(huge.headers.get('x-request-id')).toMatch(/^req_/);
  });

  it('names the batch item in batch errors', async () => {
    const box = await sandbox();
    const res = await call(box, 'POST', '/api/v1/render/batch', {
      body: { renders: [{ designId: PRODUCT }, { designId: PRODUCT, format: 'bmp' }] },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.details.field).toBe('renders[1].format');
    const empty = await call(box, 'POST', '/api/v1/render/batch', { body: { renders: [] } });
    expect(empty.json.error.details.field).toBe('renders');
    expect(box.stats().rendersPerformed).toBe(0);
  });
});

describe('pagination (reference 8.10)', () => {
  it.each(['0', '-1', '1.5', 'abc'])('page=%s → 400 naming page', async (page) => {
    const box = await sandbox();
    const res = await call(box, 'GET', `/api/automation/designs?page=${page}`);
    expect(res.status).toBe(400);
    expect(res.json.error.details.field).toBe('page');
  });

  it('clamps limit to 1–100 and answers past-the-end pages with an empty list', async () => {
    const box = await sandbox();
    const all = await call(box, 'GET', '/api/automation/designs?limit=1000');
    const total = all.json.pagination.total;
    expect(all.json.pagination.limit).toBe(100);
    expect(all.json.data).toHaveLength(total);
    const small = await call(box, 'GET', '/api/automation/designs?limit=0');
    expect(small.json.pagination).toEqual({ page: 1, limit: 1, total, totalPages: total });
    const past = await call(box, 'GET', `/api/automation/designs?page=${total + 5}&limit=1`);
    expect(past.json.data).toEqual([]);
    expect(past.json.pagination).toEqual({ page: total + 5, limit: 1, total, totalPages: total });
    const none = await call(box, 'GET', '/api/automation/designs?search=zzz-no-such');
    expect(none.json.pagination).toEqual({ page: 1, limit: 20, total: 0, totalPages: 0 });
  });

  it('pages through every design exactly once, newest update first', async () => {
    const box = await sandbox();
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const res = await call(box, 'GET', `/api/automation/designs?page=${page}&limit=2`);
      seen.push(...res.json.data.map((d: { id: string }) => d.id));
      if (page >= res.json.pagination.totalPages) break;
    }
    const all = await call(box, 'GET', '/api/automation/designs?limit=100');
    expect(seen).toEqual(all.json.data.map((d: { id: string }) => d.id));
    expect(new Set(seen).size).toBe(seen.length);
  });
});
