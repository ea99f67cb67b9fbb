import { Canvelete, signWebhook } from '@canvelete/core';
import type { IDataObject } from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from './seed-ids.ts';
import { type N8nSandboxSetup, startN8nSandbox } from './setup.ts';

const triggerSpec = (staticData: IDataObject, parameters: Record<string, unknown> = {}) => ({
  withoutStart: true,
  staticData,
  nodes: [
    {
      name: 'Trigger',
      type: 'canveleteTrigger',
      parameters: { events: ['render.completed'], ...parameters },
    },
  ],
});

function delivery(event: Record<string, unknown>, secret: string, timestamp?: number) {
  const rawBody = Buffer.from(JSON.stringify(event));
  return {
    body: event,
    rawBody,
    headers: {
      'content-type': 'application/json',
      ...signWebhook({ payload: rawBody, secret, timestamp }),
    },
  };
}

const renderEvent = (id: string, data: Record<string, unknown> = {}) => ({
  id,
  type: 'render.completed',
  createdAt: new Date().toISOString(),
  data: { renderId: 'rnd_1', designId: SEED_IDS.productCard, status: 'completed', ...data },
});

describe('Canvelete Trigger (engine, against the sandbox)', () => {
  let setup: N8nSandboxSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  it('subscribes on activation, checks, verifies deliveries, drops duplicates and unsubscribes', async () => {
    setup = await startN8nSandbox();
    const { harness } = setup;
    const staticData: IDataObject = {};
    const workflow = harness.workflow(triggerSpec(staticData));

    expect(await harness.webhookMethod(workflow, 'Trigger', 'checkExists')).toBe(false);
    expect(await harness.webhookMethod(workflow, 'Trigger', 'create')).toBe(true);
    expect(await harness.webhookMethod(workflow, 'Trigger', 'checkExists')).toBe(true);
    const state = staticData['node:Trigger'] as IDataObject;
    expect(state).toMatchObject({ mode: 'subscribed' });
    expect(String(state.webhookSecret)).toMatch(/^whsec_/);

    // A real delivery: render something and let the sandbox call the subscription's URL.
    const render = await harness.run(
      {
        nodes: [
          {
            name: 'Render',
            type: 'canvelete',
            parameters: {
              resource: 'render',
              operation: 'render',
              design: { __rl: true, mode: 'id', value: SEED_IDS.productCard },
              output: 'json',
              fields: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [] },
            },
          },
        ],
      },
      [{}],
    );
    expect(render.status).toBe('success');
    await setup.sandbox.idle();
    const delivered = setup.receiver.requests.find((request) =>
      request.url.startsWith('/webhook/'),
    );
    expect(delivered).toBeDefined();
    const request = {
      body: JSON.parse(delivered!.body.toString('utf8')),
      rawBody: delivered!.body,
      headers: delivered!.headers as Record<string, string>,
    };
    const accepted = await harness.callWebhook(workflow, 'Trigger', request);
    const items = accepted.response.workflowData?.[0] ?? [];
    expect(items).toHaveLength(1);
    expect(items[0]?.json).toMatchObject({ type: 'render.completed' });

    const duplicate = await harness.callWebhook(workflow, 'Trigger', request);
    expect(duplicate.response.workflowData).toBeUndefined();
    expect(duplicate.http.statusCode).toBe(200);

    const forged = await harness.callWebhook(
      workflow,
      'Trigger',
      delivery(renderEvent('evt_forged'), 'whsec_wrong'),
    );
    expect(forged.http.statusCode).toBe(401);
    expect(forged.response.workflowData).toBeUndefined();

    const stale = await harness.callWebhook(
      workflow,
      'Trigger',
      delivery(
        renderEvent('evt_stale'),
        String(state.webhookSecret),
        Math.floor(Date.now() / 1000) - 3600,
      ),
    );
    expect(stale.http.statusCode).toBe(401);

    // Changing the events makes the subscription outdated; create() replaces it, leaving one.
    const widened = harness.workflow(
      triggerSpec(staticData, { events: ['render.completed', 'render.failed'] }),
    );
    expect(await harness.webhookMethod(widened, 'Trigger', 'checkExists')).toBe(false);
    expect(await harness.webhookMethod(widened, 'Trigger', 'create')).toBe(true);
    const client = new Canvelete({ apiKey: setup.sandbox.apiKey, baseUrl: setup.sandbox.url });
    const subscriptions = await client.webhooks.list();
    expect(subscriptions.map((entry) => entry.events.sort())).toEqual([
      ['render.completed', 'render.failed'],
    ]);
    expect(await harness.webhookMethod(widened, 'Trigger', 'checkExists')).toBe(true);

    expect(await harness.webhookMethod(workflow, 'Trigger', 'delete')).toBe(true);
    expect(staticData['node:Trigger']).not.toHaveProperty('webhookId');
    expect(await client.webhooks.list()).toEqual([]);
    expect(await harness.webhookMethod(workflow, 'Trigger', 'checkExists')).toBe(false);
  });

  it('filters on event type, design and reference', async () => {
    setup = await startN8nSandbox();
    const secret = setup.sandbox.webhookSecret;
    const workflow = setup.harness.workflow(
      triggerSpec(
        {},
        {
          events: ['render.completed', 'render.failed'],
          design: { __rl: true, mode: 'id', value: SEED_IDS.productCard },
          reference: 'order-7',
        },
      ),
    );
    const call = (event: Record<string, unknown>) =>
      setup!.harness.callWebhook(workflow, 'Trigger', delivery(event, secret));

    const match = await call(renderEvent('evt_a', { reference: 'order-7' }));
    expect(match.response.workflowData?.[0]).toHaveLength(1);
    const otherReference = await call(renderEvent('evt_b', { reference: 'order-8' }));
    expect(otherReference.response.workflowData).toBeUndefined();
    const otherDesign = await call(
      renderEvent('evt_c', { reference: 'order-7', designId: SEED_IDS.certificate }),
    );
    expect(otherDesign.response.workflowData).toBeUndefined();
    const otherType = await call({
      ...renderEvent('evt_d', { reference: 'order-7' }),
      type: 'design.created',
    });
    expect(otherType.response.workflowData).toBeUndefined();
  });

  it('activates without the subscription API when the credential has a signing secret (NOT_SUPPORTED)', async () => {
    setup = await startN8nSandbox({ webhookApi: false });
    const staticData: IDataObject = {};
    const workflow = setup.harness.workflow(triggerSpec(staticData));
    expect(await setup.harness.webhookMethod(workflow, 'Trigger', 'checkExists')).toBe(false);
    expect(await setup.harness.webhookMethod(workflow, 'Trigger', 'create')).toBe(true);
    expect(staticData['node:Trigger']).toMatchObject({ mode: 'manual' });
    expect(await setup.harness.webhookMethod(workflow, 'Trigger', 'checkExists')).toBe(true);

    const accepted = await setup.harness.callWebhook(
      workflow,
      'Trigger',
      delivery(renderEvent('evt_manual'), setup.sandbox.webhookSecret),
    );
    expect(accepted.response.workflowData?.[0]).toHaveLength(1);
    expect(await setup.harness.webhookMethod(workflow, 'Trigger', 'delete')).toBe(true);
  });

  it('refuses to activate without the subscription API and without a signing secret, saying where to paste the URL', async () => {
    setup = await startN8nSandbox({ webhookApi: false, withSecret: false });
    const workflow = setup.harness.workflow(triggerSpec({}));
    const error = await setup.harness.webhookMethod(workflow, 'Trigger', 'create').then(
      () => undefined,
      (caught: unknown) => caught as { message: string; description?: string },
    );
    expect(error?.message).toContain('signing secret');
    expect(error?.description).toContain('Settings → Webhooks');
    expect(error?.description).toContain('/webhook/');
  });
});
