// The Pipedream driver's fallbacks: no webhook API, no callbacks, a bad key.
import { type Sandbox, SEED_DESIGN_IDS as SEED } from '@canvelete/sandbox';
import { createPipedreamDriver } from '@canvelete/testing/drivers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rasterInfo } from '../../core/decode.ts';
import { failureOf } from '../failure-of.ts';
import { COMPONENTS_DIR, options, signed, start } from './pipedream-setup.ts';

describe('Pipedream driver fallbacks', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await start({ webhookApi: false });
  });
  afterAll(() => sandbox?.close());

  it('without the webhook API: logs its endpoint and verifies with the pasted Signing Secret', async () => {
    const driver = await createPipedreamDriver(options(sandbox));
    try {
      const trigger = await driver.instantTrigger();
      expect(trigger.mode).toBe('manual');
      expect(trigger.notice).toContain(trigger.url);
      expect(trigger.notice).toMatch(/dashboard/);
      expect(trigger.signingSecret).toBe(sandbox.webhookSecret);
      const event = {
        id: 'evt_pd_manual',
        type: 'render.completed',
        createdAt: new Date().toISOString(),
        data: { renderId: 'rnd_pd_manual', designId: SEED.ogImage, status: 'completed' },
      };
      const outcome = await trigger.deliver(signed(event, sandbox.webhookSecret));
      expect(outcome).toMatchObject({ accepted: true, status: 200 });
      expect(outcome.events.map((e) => e.renderId)).toEqual(['rnd_pd_manual']);
      const refused = await trigger.deliver(signed(event, 'whsec_someone_else'));
      expect(refused).toMatchObject({ accepted: false, status: 401 });
      await trigger.close();
      expect(driver.transcript()).toContain(trigger.url);
    } finally {
      await driver.close();
    }
  });

  it('without callbacks: polls within the workflow timeout and has no instant trigger', async () => {
    const driver = await createPipedreamDriver(options(sandbox, { callbacks: false }));
    try {
      const result = await driver.render({ designId: SEED.ogImage, data: { title: 'Polled' } });
      expect(result.waited).toBe('poll');
      expect(result.output.status).toBe('completed');
      expect(await rasterInfo(result.file?.bytes ?? new Uint8Array())).toMatchObject({
        width: 1200,
        height: 630,
      });
      const view = await failureOf(driver.instantTrigger());
      expect(view.kind).toBe('Unavailable');
      expect(view.message).toMatch(/polling/);
    } finally {
      await driver.close();
    }
  });

  it('a bad API key fails in the prop form as a ConfigurationError about the account', async () => {
    const driver = await createPipedreamDriver({
      componentsDir: COMPONENTS_DIR,
      credentials: { apiKey: 'cvt_not_a_real_key_0000000000000000', baseUrl: sandbox.url },
    });
    try {
      const view = await failureOf(driver.render({ designId: SEED.ogImage }));
      expect(view).toMatchObject({
        kind: 'ConfigurationError',
        code: 'UNAUTHORIZED',
        httpStatus: 401,
      });
      expect(view.message).toMatch(/^Canvelete account: /);
      expect(driver.transcript()).not.toContain('cvt_not_a_real_key');
    } finally {
      await driver.close();
    }
  });
});
