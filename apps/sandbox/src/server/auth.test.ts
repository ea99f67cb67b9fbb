import { describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, sandbox } from './test-support.js';

const REVOKED = `cvt_${'1'.repeat(64)}`;
const READ_ONLY = `cvt_${'2'.repeat(64)}`;

describe('auth', () => {
  const keys = [
    { key: REVOKED, revoked: true },
    { key: READ_ONLY, scopes: ['designs:read'] },
  ];

  it.each([
    ['missing', null],
    ['unknown', `cvt_${'f'.repeat(64)}`],
    ['revoked', REVOKED],
  ])('answers 401 UNAUTHORIZED with legacyCode INVALID_API_KEY for a %s key', async (_, key) => {
    const box = await sandbox({ keys });
    const res = await call(box, 'GET', '/api/automation/designs', { key });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('UNAUTHORIZED');
    expect(res.json.error.details.legacyCode).toBe('INVALID_API_KEY');
    expect(res.headers.get('x-request-id')).toMatch(/^req_/);
    for (const secret of [box.apiKey, key ?? box.apiKey]) {
      expect(JSON.stringify(res.json)).not.toContain(secret.slice(4));
    }
  });

  it('answers 403 INSUFFICIENT_SCOPE naming the scope', async () => {
    const box = await sandbox({ keys });
    const allowed = await call(box, 'GET', '/api/automation/designs', { key: READ_ONLY });
    expect(allowed.status).toBe(200);
    const denied = await call(box, 'POST', '/api/v1/render', {
      key: READ_ONLY,
      body: { designId: SEED_DESIGN_IDS.productCard },
    });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('INSUFFICIENT_SCOPE');
    expect(denied.json.error.message).toContain('scope');
    expect(denied.json.error.message).toContain('render:write');
  });

  it('derives the key and secret from the seed', async () => {
    const a = await sandbox({ seed: 11 });
    const b = await sandbox({ seed: 11 });
    expect(a.apiKey).toBe(b.apiKey);
    expect(a.webhookSecret).toBe(b.webhookSecret);
    expect((await sandbox({ seed: 12 })).apiKey).not.toBe(a.apiKey);
  });

  it('serves files and assets without auth, with X-Request-Id', async () => {
    const box = await sandbox();
    const asset = await call(box, 'GET', '/assets/logo.png', { key: null });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('image/png');
    expect(asset.headers.get('x-request-id')).toMatch(/^req_/);
    const missing = await call(box, 'GET', '/renders/job_missing.png', { key: null });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toMatch(/^req_/);
    const traversal = await call(box, 'GET', '/assets/..%2F..%2Fpackage.json', { key: null });
    expect(traversal.status).toBe(404);
  });
});
