import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, sandbox } from './test-support.js';

const PRODUCT = SEED_DESIGN_IDS.productCard;
const render = { designId: PRODUCT, format: 'png', width: 80 };

describe('idempotency', () => {
  it('replays the stored response without rendering or charging again', async () => {
    const box = await sandbox();
    const headers = { 'Idempotency-Key': 'order-1' };
    const first = await call(box, 'POST', '/api/v1/render', { body: render, headers });
    const second = await call(box, 'POST', '/api/v1/render', { body: render, headers });
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('x-render-id')).toBe(first.headers.get('x-render-id'));
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(box.stats()).toMatchObject({
      rendersPerformed: 1,
      creditsCharged: 1,
      idempotentReplays: 1,
    });
  });

  it('answers 409 CONFLICT for the same key with a different body', async () => {
    const box = await sandbox();
    const headers = { 'Idempotency-Key': 'order-2' };
    await call(box, 'POST', '/api/v1/render/async', { body: render, headers });
    const clash = await call(box, 'POST', '/api/v1/render/async', {
      body: { ...render, width: 81 },
      headers,
    });
    expect(clash.status).toBe(409);
    expect(clash.json.error.code).toBe('CONFLICT');
  });

  it('runs concurrent duplicates once', async () => {
    const box = await sandbox();
    const headers = { 'Idempotency-Key': 'order-3' };
    const results = await Promise.all(
      [1, 2, 3].map(() => call(box, 'POST', '/api/v1/render', { body: render, headers })),
    );
    expect(new Set(results.map((r) => r.headers.get('x-render-id'))).size).toBe(1);
    expect(box.stats().rendersPerformed).toBe(1);
  });

  it('keys are per API key', async () => {
    const other = `cvt_${'3'.repeat(64)}`;
    const box = await sandbox({ keys: [{ key: other }] });
    const headers = { 'Idempotency-Key': 'shared' };
    await call(box, 'POST', '/api/v1/render', { body: render, headers });
    const fromOther = await call(box, 'POST', '/api/v1/render', {
      body: render,
      headers,
      key: other,
    });
    expect(fromOther.headers.get('idempotent-replayed')).toBeNull();
    expect(box.stats().rendersPerformed).toBe(2);
  });
});

describe('rate limiting', () => {
  it('sends X-RateLimit-* and answers 429 with Retry-After once the bucket is empty', async () => {
    const box = await sandbox({ rateLimit: 2, burst: 2 });
    const a = await call(box, 'GET', '/api/v1/usage/stats');
    expect(a.headers.get('x-ratelimit-limit')).toBe('2');
    expect(a.headers.get('x-ratelimit-remaining')).toBe('1');
    expect(Number(a.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000 - 1);
    await call(box, 'GET', '/api/v1/usage/stats');
    const limited = await call(box, 'GET', '/api/v1/usage/stats');
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('RATE_LIMITED');
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(box.stats().rateLimited).toBe(1);
  });

  it('is off by default', async () => {
    const box = await sandbox();
    const res = await call(box, 'GET', '/api/v1/usage/stats');
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });
});

describe('credits', () => {
  it('charges one credit per render and answers 402 INSUFFICIENT_CREDITS when exhausted', async () => {
    const box = await sandbox({ credits: 1 });
    expect((await call(box, 'POST', '/api/v1/render', { body: render })).status).toBe(200);
    const broke = await call(box, 'POST', '/api/v1/render', { body: render });
    expect(broke.status).toBe(402);
    expect(broke.json.error.code).toBe('INSUFFICIENT_CREDITS');
    const asyncBroke = await call(box, 'POST', '/api/v1/render/async', { body: render });
    expect(asyncBroke.status).toBe(402);
    const stats = await call(box, 'GET', '/api/v1/usage/stats');
    expect(stats.json.data).toMatchObject({
      creditsUsed: 1,
      creditLimit: 1,
      creditsRemaining: 0,
      renders: 1,
    });
    expect(stats.json.data.apiCalls).toBeGreaterThanOrEqual(4);
    const credits = await call(box, 'GET', '/api/v1/account/credits');
    expect(credits.json).toMatchObject({
      success: true,
      credits: { remaining: 0, used: 1, total: 1 },
    });
  });

  it('does not charge a failed render', async () => {
    const box = await sandbox({ credits: 5 });
    const created = await call(box, 'POST', '/api/v1/render/async', {
      body: { ...render, reference: 'sandbox:fail' },
    });
    await box.idle();
    const status = await call(box, 'GET', `/api/v1/render/status/${created.json.jobId}`);
    expect(status.json.data.status).toBe('failed');
    expect(status.json.data.error).toContain('simulated');
    expect(box.stats().creditsCharged).toBe(0);
  });
});
