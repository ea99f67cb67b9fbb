import { signWebhook } from '@canvelete/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from './seed-ids.ts';
import { type N8nSandboxSetup, startN8nSandbox } from './setup.ts';

const renderAndThenUsage = (waitMode: string, extra: Record<string, unknown> = {}) => ({
  nodes: [
    {
      name: 'Render',
      type: 'canvelete',
      ...extra,
      parameters: {
        resource: 'render',
        operation: 'render',
        source: 'design',
        design: { __rl: true, mode: 'id', value: SEED_IDS.productCard },
        format: 'svg',
        output: 'both',
        waitMode,
        fields: {
          mappingMode: 'defineBelow',
          value: { product_name: '={{ $json.name }}' },
          matchingColumns: [],
          schema: [],
        },
        options: { reference: '={{ $json.reference || "" }}' },
      },
    },
    {
      name: 'Usage',
      type: 'canvelete',
      parameters: { resource: 'account', operation: 'getUsage' },
    },
  ],
});

describe('Canvelete node: pause until Canvelete calls back (engine)', () => {
  let setup: N8nSandboxSetup;

  beforeAll(async () => {
    setup = await startN8nSandbox();
  });

  afterAll(async () => {
    await setup.close();
  });

  it('ends the run waiting, and the signed callback resumes it with the rendered items', async () => {
    const waiting = await setup.harness.run(renderAndThenUsage('callback'), [
      { name: 'Paused Lamp' },
      { name: 'Paused Mug' },
    ]);
    expect(waiting.status).toBe('waiting');
    expect(waiting.data.waitTill).toBeInstanceOf(Date);
    expect(waiting.output('Usage')).toEqual([]);
    expect(waiting.customData.canvelete_renders_0?.split(',')).toHaveLength(2);

    await setup.sandbox.idle();
    const callbacks = setup.receiver.requests.filter((request) =>
      request.url.startsWith(`/webhook-waiting/${waiting.executionId}/`),
    );
    expect(callbacks.length).toBeGreaterThan(0);
    const callback = callbacks.at(-1)!;
    const renderNodeId = waiting.workflow.getNode('Render')?.id;
    expect(callback.url).toContain(`/${renderNodeId}?signature=`);
    const request = {
      body: JSON.parse(callback.body.toString('utf8')),
      rawBody: callback.body,
      headers: callback.headers as Record<string, string>,
    };

    const forged = await setup.harness.resume(waiting, {
      ...request,
      headers: signWebhook({ payload: callback.body, secret: 'whsec_not_the_right_one' }),
    });
    expect(forged.http.statusCode).toBe(401);
    expect(forged.resumed).toBeUndefined();

    const { resumed, response } = await setup.harness.resume(waiting, request);
    expect(response.workflowData).toBeDefined();
    expect(resumed?.status).toBe('success');
    const items = resumed!.output('Render');
    expect(items.map((item) => item.json.status)).toEqual(['completed', 'completed']);
    expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
    const svg = Buffer.from(String(items[1]?.binary?.data?.data), 'base64').toString('utf8');
    expect(svg).toContain('Paused Mug');
    // The execution continued: the next node ran once per resumed item.
    expect(resumed!.output('Usage')).toHaveLength(2);
  });

  it('resumes with an error item for a failed render when the node continues on fail', async () => {
    const waiting = await setup.harness.run(
      renderAndThenUsage('callback', { onError: 'continueRegularOutput' }),
      [{ name: 'Fine' }, { name: 'Broken', reference: 'sandbox:fail-wait' }],
    );
    expect(waiting.status).toBe('waiting');
    await setup.sandbox.idle();
    const callback = setup.receiver.requests
      .filter((request) => request.url.startsWith(`/webhook-waiting/${waiting.executionId}/`))
      .at(-1)!;
    const { resumed } = await setup.harness.resume(waiting, {
      body: JSON.parse(callback.body.toString('utf8')),
      rawBody: callback.body,
      headers: callback.headers as Record<string, string>,
    });
    expect(resumed?.status).toBe('success');
    const [fine, broken] = resumed!.output('Render');
    expect(fine?.json.status).toBe('completed');
    expect(broken?.json).toMatchObject({ status: 'failed' });
    expect(String(broken?.json.description)).toContain('RENDER_FAILED');
  });
});
