import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_DESIGN_IDS } from '../seed/index.js';
import { call, sandbox } from './test-support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('keeps designs, render records, files, usage and subscriptions across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-data-'));
    dirs.push(dataDir);
    const first = await sandbox({ dataDir, seed: 1 });
    const design = await call(first, 'POST', '/api/automation/designs', {
      body: { name: 'Kept', width: 300, height: 200 },
    });
    const rendered = await call(
      first,
      'POST',
      `/api/v1/render/design/${SEED_DESIGN_IDS.productCard}`,
      {
        body: { width: 90 },
      },
    );
    const sub = await call(first, 'POST', '/api/v1/webhooks', {
      body: { url: 'http://127.0.0.1:9/hook', events: ['render.completed'] },
    });
    const originalBytes = new Uint8Array(
      await (await fetch(rendered.json.data.outputUrl)).arrayBuffer(),
    );
    await first.close();

    const second = await sandbox({ dataDir, seed: 1 });
    const kept = await call(second, 'GET', `/api/automation/designs/${design.json.data.id}`);
    expect(kept.json.data).toMatchObject({ name: 'Kept', width: 300, height: 200 });
    const status = await call(second, 'GET', `/api/v1/render/status/${rendered.json.data.id}`);
    expect(status.json.data.status).toBe('completed');
    const file = await fetch(status.json.data.outputUrl);
    expect(file.status).toBe(200);
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(originalBytes);
    const usage = await call(second, 'GET', '/api/v1/usage/stats');
    expect(usage.json.data.creditsUsed).toBe(1);
    const subs = await call(second, 'GET', '/api/v1/webhooks');
    expect(subs.json.data.map((s: { id: string }) => s.id)).toEqual([sub.json.data.id]);
  });

  it('keeps nothing without a data dir', async () => {
    const first = await sandbox();
    const design = await call(first, 'POST', '/api/automation/designs', { body: { name: 'Gone' } });
    await first.close();
    const second = await sandbox();
    expect(
      (await call(second, 'GET', `/api/automation/designs/${design.json.data.id}`)).status,
    ).toBe(404);
  });
});
