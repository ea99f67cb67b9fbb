// Every JSON route in every dialect: the success envelope, the top-level copies (sdk render routes
// only), and the dialect's error shape on a 404 for every route that takes an id.
import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import type { Dialect } from '../webhooks/types.js';
import type { Sandbox } from './start.js';
import { call, sandbox } from './test-support.js';

const PRODUCT = SEED_DESIGN_IDS.productCard;
const TEMPLATE = SEED_DESIGN_IDS.ticketTemplate;

interface Step {
  method: string;
  path: (ids: Ids) => string;
  body?: unknown;
  status: number;
  /** Render routes copy `data` to the top level in the sdk dialect. */
  topLevel?: boolean;
  bare?: boolean;
}
interface Ids {
  design: string;
  job: string;
  batch: string;
  hook: string;
}

const STEPS: Step[] = [
  { method: 'GET', path: () => '/api/automation/designs', status: 200 },
  { method: 'GET', path: () => '/v1/designs', status: 200 },
  { method: 'GET', path: () => '/api/designs', status: 200 },
  { method: 'GET', path: () => `/api/automation/designs/${PRODUCT}`, status: 200 },
  { method: 'GET', path: () => `/v1/designs/${PRODUCT}`, status: 200 },
  { method: 'POST', path: () => '/v1/designs', body: { name: 'm' }, status: 201 },
  {
    method: 'PATCH',
    path: (i) => `/api/automation/designs/${i.design}`,
    body: { name: 'n' },
    status: 200,
  },
  { method: 'GET', path: () => '/api/automation/templates', status: 200 },
  { method: 'GET', path: () => '/v1/templates', status: 200 },
  { method: 'GET', path: () => '/api/templates', status: 200 },
  { method: 'GET', path: () => `/api/automation/templates/${TEMPLATE}`, status: 200 },
  { method: 'GET', path: () => `/v1/templates/${TEMPLATE}`, status: 200 },
  {
    method: 'POST',
    path: () => `/api/v1/render/design/${PRODUCT}`,
    body: { width: 40 },
    status: 200,
  },
  { method: 'POST', path: () => `/v1/render/design/${PRODUCT}`, body: { width: 40 }, status: 200 },
  { method: 'GET', path: (i) => `/api/v1/render/status/${i.job}`, status: 200, topLevel: true },
  { method: 'GET', path: (i) => `/api/v1/render/${i.job}`, status: 200, topLevel: true },
  {
    method: 'GET',
    path: (i) => `/api/v1/render/batch/${i.batch}/status`,
    status: 200,
    topLevel: true,
  },
  { method: 'GET', path: (i) => `/v1/render/batch/${i.batch}/status`, status: 200, topLevel: true },
  { method: 'GET', path: () => '/api/v1/render/history', status: 200 },
  { method: 'GET', path: () => '/api/automation/render', status: 200 },
  { method: 'GET', path: () => `/api/v1/render/design/${PRODUCT}/history`, status: 200 },
  { method: 'GET', path: () => '/api/v1/webhooks', status: 200 },
  { method: 'GET', path: () => '/api/v1/usage/stats', status: 200 },
  { method: 'DELETE', path: (i) => `/api/v1/webhooks/${i.hook}`, status: 200, bare: true },
  { method: 'DELETE', path: (i) => `/api/automation/designs/${i.design}`, status: 200, bare: true },
];

const ID_ROUTES: Array<[string, string]> = [
  ['GET', '/api/automation/designs/cmissing'],
  ['PATCH', '/api/automation/designs/cmissing'],
  ['DELETE', '/api/automation/designs/cmissing'],
  ['GET', '/api/automation/templates/cmissing'],
  ['POST', '/api/v1/render/design/cmissing'],
  ['GET', '/api/v1/render/status/job_missing'],
  ['GET', '/api/v1/render/batch/batch_missing/status'],
  ['DELETE', '/api/v1/webhooks/wh_missing'],
];

function expectErrorShape(dialect: Dialect, json: Record<string, unknown>, code: string) {
  expect(json.success).toBe(false);
  if (dialect === 'py') {
    expect(typeof json.error).toBe('string');
    expect(json.code).toBe(code);
    return;
  }
  expect(json.error).toMatchObject({ code, message: expect.any(String) });
  if (dialect === 'sdk') expect(json.message).toBe((json.error as { message: string }).message);
  else expect(json).not.toHaveProperty('message');
}

async function setUp(box: Sandbox): Promise<Ids> {
  const design = await call(box, 'POST', '/api/automation/designs', { body: { name: 'matrix' } });
  const job = await call(box, 'POST', '/api/v1/render/async', {
    body: { designId: PRODUCT, width: 40 },
  });
  const batch = await call(box, 'POST', '/api/v1/render/batch', {
    body: { renders: [{ designId: PRODUCT, width: 40 }] },
  });
  const hook = await call(box, 'POST', '/api/v1/webhooks', {
    body: { url: 'http://127.0.0.1:9/hook', events: ['render.completed'] },
  });
  const id = (json: { data: Record<string, string> }) =>
    (json.data.id ?? json.data.renderId ?? json.data.batchId)!;
  return {
    design: id(design.json),
    job: id(job.json),
    batch: batch.json.data.batchId,
    hook: id(hook.json),
  };
}

describe.each(['sdk', 'docs', 'py'] as const)('%s dialect: every route', (dialect) => {
  it('answers with the success envelope', async () => {
    const box = await sandbox({ dialect });
    const ids = await setUp(box);
    for (const step of STEPS) {
      const res = await call(box, step.method, step.path(ids), { body: step.body });
      const where = `${step.method} ${step.path(ids)}`;
      expect(res.status, where).toBe(step.status);
      expect(res.headers.get('x-request-id'), where).toMatch(/^req_/);
      expect(res.json.success, where).toBe(true);
      if (step.bare) continue;
      expect(res.json, where).toHaveProperty('data');
      const copied = Object.keys(res.json).some(
        (k) => !['success', 'data', 'pagination'].includes(k),
      );
      // MCP-family routes (/api/designs…) also answer with the bare design in every dialect.
      if (!step.path(ids).startsWith('/api/designs')) {
        expect(copied, where).toBe(dialect === 'sdk' && step.topLevel === true);
      }
    }
    const credits = await call(box, 'GET', '/api/v1/account/credits');
    expect(credits.json).toMatchObject({ success: true, credits: { total: 5000 } });
  });

  it('answers every id route with a 404 in the dialect error shape', async () => {
    const box = await sandbox({ dialect });
    for (const [method, path] of ID_ROUTES) {
      const res = await call(box, method, path, {
        body: method === 'GET' || method === 'DELETE' ? undefined : {},
      });
      expect(res.status, `${method} ${path}`).toBe(404);
      expectErrorShape(dialect, res.json, 'NOT_FOUND');
      expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    }
    const unauthorized = await call(box, 'GET', '/api/v1/usage/stats', { key: null });
    expectErrorShape(dialect, unauthorized.json, 'UNAUTHORIZED');
    const semantic = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, width: -1 },
    });
    expect(semantic.status).toBe(dialect === 'docs' ? 400 : 422);
    expectErrorShape(dialect, semantic.json, 'VALIDATION_ERROR');
  });
});
