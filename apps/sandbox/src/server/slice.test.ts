import { createHmac } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, receiver, sandbox, waitForRender } from './test-support.js';

const PRODUCT = SEED_DESIGN_IDS.productCard;

describe('vertical slice', () => {
  it('starts with a cvt_ key and lists seeded designs', async () => {
    const box = await sandbox();
    expect(box.apiKey).toMatch(/^cvt_[0-9a-f]{64}$/);
    const res = await call(box, 'GET', '/api/automation/designs');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    expect(res.json.success).toBe(true);
    expect(res.json.data.map((d: { id: string }) => d.id)).toContain(PRODUCT);
  });

  it('renders synchronously to PNG bytes with X-Render-Id', async () => {
    const box = await sandbox();
    const res = await call(box, 'POST', '/api/v1/render', {
      body: { designId: PRODUCT, format: 'png', width: 200 },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-render-id')).toMatch(/^job_/);
    expect(Number(res.headers.get('x-render-time'))).toBeGreaterThanOrEqual(0);
    expect([...res.bytes.slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
    expect(box.stats().creditsCharged).toBe(1);
  });

  it('runs an async render and delivers a signed render.completed to the callback', async () => {
    const box = await sandbox();
    const hook = await receiver();
    const created = await call(box, 'POST', '/api/v1/render/async', {
      body: {
        designId: PRODUCT,
        format: 'jpg',
        width: 160,
        reference: 'order-42',
        webhook: hook.url,
        dynamicData: { product_name: 'Lamp' },
      },
    });
    expect(created.status).toBe(202);
    expect(created.json.jobId).toBe(created.json.data.jobId);
    expect(created.json.status).toBe('pending');
    const done = await waitForRender(box, created.json.jobId);
    expect(done.json.data.status).toBe('completed');
    expect(done.json.data.reference).toBe('order-42');
    const file = await fetch(done.json.data.outputUrl);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('x-request-id')).toMatch(/^req_/);

    const [delivery] = await hook.waitFor(1);
    const signature = String(delivery!.headers['x-canvelete-signature']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature)!;
    const expected = createHmac('sha256', box.webhookSecret)
      .update(`${t}.${delivery!.body}`)
      .digest('hex');
    expect(v1).toBe(expected);
    expect(delivery!.json.type).toBe('render.completed');
    expect(delivery!.json.data.reference).toBe('order-42');
    expect(delivery!.json.data.outputUrl).toBe(done.json.data.outputUrl);
  });

  it('honours dynamicElements on the async path (decoded pixels differ)', async () => {
    const box = await sandbox();
    const pixels = async (extra: Record<string, unknown>) => {
      const created = await call(box, 'POST', '/api/v1/render/async', {
        body: { designId: PRODUCT, format: 'png', width: 100, ...extra },
      });
      const done = await waitForRender(box, created.json.jobId);
      const bytes = new Uint8Array(await (await fetch(done.json.data.outputUrl)).arrayBuffer());
      return sharp(bytes).raw().toBuffer();
    };
    const plain = await pixels({});
    const again = await pixels({});
    const recoloured = await pixels({ dynamicElements: { panel: { fill: '#ff0000' } } });
    expect(again.equals(plain)).toBe(true);
    expect(recoloured.equals(plain)).toBe(false);
  });
});
