import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, receiver, sandbox } from './test-support.js';

const PRODUCT = SEED_DESIGN_IDS.productCard;
const TEMPLATE = SEED_DESIGN_IDS.ticketTemplate;
const hmac = (secret: string, message: string) =>
  createHmac('sha256', secret).update(message).digest('hex');

async function waitStatus(box: Awaited<ReturnType<typeof sandbox>>, id: string) {
  for (;;) {
    const res = await call(box, 'GET', `/api/v1/render/status/${id}`);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    if (['completed', 'failed'].includes(res.json.data.status)) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function waitBatch(box: Awaited<ReturnType<typeof sandbox>>, id: string) {
  for (;;) {
    const res = await call(box, 'GET', `/api/v1/render/batch/${id}/status`);
    if (res.status !== 200) throw new Error(`status ${res.status}`);
    if (res.json.data.completed) return res;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sdk dialect', () => {
  it('wraps in {success, data}, copies render fields to the top level, emits every alias', async () => {
    const box = await sandbox({ dialect: 'sdk' });
    const created = await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: PRODUCT, width: 100 },
    });
    expect(created.json).toMatchObject({ success: true, status: 'pending', estimatedTime: 1 });
    expect(created.json.id).toBe(created.json.jobId);
    const done = await waitStatus(box, created.json.jobId);
    const url = done.json.data.outputUrl;
    expect(url).toMatch(/\/renders\/job_[0-9a-f]+\.png$/);
    expect(done.json).toMatchObject({ outputUrl: url, url, downloadUrl: url, imageUrl: url });
    expect(done.json.data).toMatchObject({
      url,
      downloadUrl: url,
      imageUrl: url,
      jobId: done.json.id,
    });

    const template = await call(box, 'GET', `/api/automation/templates/${TEMPLATE}`);
    const t = template.json.data;
    expect(t.thumbnailUrl).toBe(t.thumbnail);
    expect(t.dynamicFields).toEqual(t.variables.map((v: { name: string }) => v.name));
    expect(t.variables[0]).toHaveProperty('type');
    const list = await call(box, 'GET', '/api/automation/templates');
    expect(typeof list.json.data[0].variables[0]).toBe('string');

    const batch = await call(box, 'POST', '/api/v1/render/batch', {
      body: {
        renders: [
          { designId: PRODUCT, width: 80 },
          { designId: PRODUCT, width: 90 },
        ],
      },
    });
    expect(batch.status).toBe(202);
    expect(batch.json).toMatchObject({ totalJobs: 2, totalRenders: 2, success: true });
    expect(batch.json.jobs[0].jobId).toBe(batch.json.renders[0].renderId);
    const finished = await waitBatch(box, batch.json.batchId);
    expect(finished.json.completed).toBe(true);
    expect(finished.json.jobs.every((j: { status: string }) => j.status === 'completed')).toBe(
      true,
    );
  });

  it('answers errors in the documented object form plus a top-level message; 422 / 400', async () => {
    const box = await sandbox({ dialect: 'sdk' });
    const semantic = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, quality: 0 },
    });
    expect(semantic.status).toBe(422);
    expect(semantic.json).toMatchObject({
      success: false,
      error: { code: 'VALIDATION_ERROR', details: { field: 'quality' } },
    });
    expect(semantic.json.message).toBe(semantic.json.error.message);
    const broken = await call(box, 'POST', '/api/v1/render', { body: '{"designId":' });
    expect(broken.status).toBe(400);
  });
});

describe('docs dialect', () => {
  it('speaks docs names only', async () => {
    const box = await sandbox({ dialect: 'docs' });
    const rendered = await call(box, 'POST', `/v1/render/design/${PRODUCT}`, {
      body: { format: 'webp', width: 100 },
    });
    expect(rendered.status).toBe(200);
    const data = rendered.json.data;
    expect(data.downloadUrl).toBe(data.imageUrl);
    expect(data).toMatchObject({ format: 'webp', width: 100, cached: false });
    expect(data).not.toHaveProperty('outputUrl');
    expect(data).not.toHaveProperty('url');
    expect(rendered.json).not.toHaveProperty('imageUrl');
    const file = await fetch(data.downloadUrl);
    expect(file.headers.get('content-type')).toBe('image/webp');

    const accepted = await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: PRODUCT },
    });
    expect(accepted.json.data.status).toBe('queued');
    expect(accepted.json.data.renderId).toMatch(/^job_/);
    expect(accepted.json).not.toHaveProperty('jobId');

    const template = await call(box, 'GET', `/v1/templates/${TEMPLATE}`);
    expect(template.json.data.thumbnail).toMatch(/\/thumbnails\//);
    expect(template.json.data).not.toHaveProperty('thumbnailUrl');
    expect(template.json.data).not.toHaveProperty('dynamicFields');
    expect(Array.isArray(template.json.data.variables)).toBe(true);

    const designs = await call(box, 'GET', '/v1/designs');
    expect(designs.json.data[0]).not.toHaveProperty('canvasData');

    const batch = await call(box, 'POST', '/v1/render/batch', {
      body: { renders: [{ designId: PRODUCT, width: 50 }] },
    });
    expect(batch.json.data).toMatchObject({ totalRenders: 1, status: 'processing' });
    expect(batch.json.data.renders[0].renderId).toMatch(/^job_/);
    expect(batch.json.data).not.toHaveProperty('jobs');
  });

  it('answers validation with 400 and the object error form', async () => {
    const box = await sandbox({ dialect: 'docs' });
    const res = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, scale: 9 },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      success: false,
      error: {
        code: 'VALIDATION_ERROR',
        message: expect.stringContaining('scale'),
        details: { field: 'scale' },
      },
    });
  });

  it('signs webhooks sha256=<hex> over the body with the docs envelope', async () => {
    const box = await sandbox({ dialect: 'docs' });
    const hook = await receiver();
    await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: PRODUCT, width: 60, webhookUrl: hook.url, reference: 'docs-ref' },
    });
    const [delivery] = await hook.waitFor(1);
    const signature = String(delivery!.headers['x-canvelete-signature']);
    expect(signature).toBe(`sha256=${hmac(box.webhookSecret, delivery!.body)}`);
    expect(delivery!.json).toMatchObject({
      eventType: 'render.completed',
      data: { reference: 'docs-ref' },
    });
    expect(delivery!.json.eventId).toMatch(/^evt_/);
    expect(delivery!.json.data.downloadUrl).toMatch(/\/renders\//);
  });
});

describe('py dialect', () => {
  it('uses id/url names and the flat string error form', async () => {
    const box = await sandbox({ dialect: 'py' });
    const accepted = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, width: 64, async: true },
    });
    expect(accepted.status).toBe(202);
    expect(accepted.json.data.id).toMatch(/^job_/);
    expect(accepted.json).not.toHaveProperty('id');
    let status = accepted.json.data.status;
    let record: Record<string, unknown> = {};
    while (status !== 'completed') {
      const res = await call(box, 'GET', `/api/v1/render/${accepted.json.data.id}`);
      record = res.json.data;
      status = record.status as string;
      if (status === 'failed') throw new Error('render failed');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(record.url).toMatch(/\/renders\/.+\.png$/);
    expect(record).not.toHaveProperty('outputUrl');
    expect(record).not.toHaveProperty('downloadUrl');

    const template = await call(box, 'GET', `/api/automation/templates/${TEMPLATE}`);
    expect(template.json.data.dynamicFields.length).toBeGreaterThan(0);
    expect(template.json.data).not.toHaveProperty('variables');
    expect(template.json.data).not.toHaveProperty('thumbnail');

    const error = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, format: 'gif' },
    });
    expect(error.status).toBe(422);
    expect(typeof error.json.error).toBe('string');
    expect(error.json.error).toContain('format');
    const unauthorized = await call(box, 'GET', '/api/automation/designs', { key: 'cvt_nope' });
    expect(unauthorized.status).toBe(401);
    expect(typeof unauthorized.json.error).toBe('string');
  });

  it('signs webhooks as bare hex over "<t>.<body>" with X-Canvelete-Timestamp', async () => {
    const box = await sandbox({ dialect: 'py' });
    const hook = await receiver();
    await call(box, 'POST', '/api/v1/render/async', {
      body: { designId: PRODUCT, width: 60, callbackUrl: hook.url },
    });
    const [delivery] = await hook.waitFor(1);
    const t = String(delivery!.headers['x-canvelete-timestamp']);
    expect(String(delivery!.headers['x-canvelete-signature'])).toBe(
      hmac(box.webhookSecret, `${t}.${delivery!.body}`),
    );
    expect(delivery!.json.type).toBe('render.completed');
    expect(delivery!.json.data.url).toMatch(/\/renders\//);
  });
});
