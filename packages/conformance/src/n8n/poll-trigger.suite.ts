import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from './seed-ids.ts';
import { type N8nSandboxSetup, startN8nSandbox } from './setup.ts';

describe('Canvelete Polling Trigger (engine, against the sandbox)', () => {
  let setup: N8nSandboxSetup;

  beforeAll(async () => {
    setup = await startN8nSandbox();
  });

  afterAll(async () => {
    await setup.close();
  });

  const renderItems = async (names: string[], reference?: string) => {
    const run = await setup.harness.run(
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
              fields: {
                mappingMode: 'defineBelow',
                value: { product_name: '={{ $json.name }}' },
                matchingColumns: [],
                schema: [],
              },
              options: reference ? { reference } : {},
            },
          },
        ],
      },
      names.map((name) => ({ name })),
    );
    expect(run.status).toBe('success');
    return run.output('Render').map((item) => item.json.id);
  };

  it('emits each finished render once across polls, from a cursor in static data', async () => {
    const staticData: IDataObject = {};
    const workflow = () =>
      setup.harness.workflow({
        withoutStart: true,
        staticData,
        nodes: [{ name: 'Poll', type: 'canveletePollTrigger', parameters: { event: 'newRender' } }],
      });

    expect(await setup.harness.poll(workflow(), 'Poll')).toBeNull();
    expect(staticData['node:Poll']).toHaveProperty('since');

    const firstIds = await renderItems(['One', 'Two']);
    const first = await setup.harness.poll(workflow(), 'Poll');
    expect(first?.[0]?.map((item) => item.json.id).sort()).toEqual([...firstIds].sort());
    expect(await setup.harness.poll(workflow(), 'Poll')).toBeNull();

    const [thirdId] = await renderItems(['Three']);
    const third = await setup.harness.poll(workflow(), 'Poll');
    expect(third?.[0]?.map((item) => item.json.id)).toEqual([thirdId]);
    expect(await setup.harness.poll(workflow(), 'Poll')).toBeNull();

    const sample = await setup.harness.poll(workflow(), 'Poll', 'manual');
    expect(sample?.[0]).toHaveLength(1);
  });

  it('filters renders by reference', async () => {
    const staticData: IDataObject = {};
    const workflow = () =>
      setup.harness.workflow({
        withoutStart: true,
        staticData,
        nodes: [
          {
            name: 'Poll',
            type: 'canveletePollTrigger',
            parameters: { event: 'newRender', reference: 'wanted' },
          },
        ],
      });
    expect(await setup.harness.poll(workflow(), 'Poll')).toBeNull();
    await renderItems(['Unwanted']);
    const [wantedId] = await renderItems(['Wanted'], 'wanted');
    const found = await setup.harness.poll(workflow(), 'Poll');
    expect(found?.[0]?.map((item) => item.json.id)).toEqual([wantedId]);
  });

  it('emits new designs', async () => {
    const staticData: IDataObject = {};
    const workflow = () =>
      setup.harness.workflow({
        withoutStart: true,
        staticData,
        nodes: [{ name: 'Poll', type: 'canveletePollTrigger', parameters: { event: 'newDesign' } }],
      });
    expect(await setup.harness.poll(workflow(), 'Poll')).toBeNull();
    const created = await setup.harness.run(
      {
        nodes: [
          {
            name: 'Create',
            type: 'canvelete',
            parameters: {
              resource: 'design',
              operation: 'create',
              name: 'Polled design',
              additionalFields: { width: 400, height: 300 },
            },
          },
        ],
      },
      [{}],
    );
    expect(created.status).toBe('success');
    const found = await setup.harness.poll(workflow(), 'Poll');
    expect(found?.[0]?.map((item) => item.json.name)).toEqual(['Polled design']);
    expect(await setup.harness.poll(workflow(), 'Poll')).toBeNull();
  });
});
