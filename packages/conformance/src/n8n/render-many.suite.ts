import { afterEach, describe, expect, it } from 'vitest';
import { SEED_IDS } from './seed-ids.ts';
import { type N8nSandboxSetup, startN8nSandbox } from './setup.ts';

const renderMany = (output: string, extra: Record<string, unknown> = {}) => ({
  name: 'Many',
  type: 'canvelete',
  parameters: {
    resource: 'render',
    operation: 'renderMany',
    design: { __rl: true, mode: 'id', value: SEED_IDS.productCard },
    format: 'svg',
    output,
    fields: {
      mappingMode: 'defineBelow',
      value: { product_name: '={{ $json.name }}' },
      matchingColumns: [],
      schema: [],
    },
    options: { reference: '={{ $json.reference }}', concurrency: 3 },
  },
  ...extra,
});

describe('Canvelete node: Render Many (engine, against the sandbox)', () => {
  let setup: N8nSandboxSetup | undefined;

  afterEach(async () => {
    await setup?.close();
    setup = undefined;
  });

  it('renders every item under a tight rate limit, one output item per input in order', async () => {
    setup = await startN8nSandbox({ rateLimit: 120, burst: 2 });
    const names = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot'];
    const run = await setup.harness.run(
      { nodes: [renderMany('binary')] },
      names.map((name) => ({ name, reference: `ref-${name}` })),
    );
    expect(run.status).toBe('success');
    const items = run.output('Many');
    expect(items.map((item) => item.pairedItem)).toEqual(names.map((_, item) => ({ item })));
    items.forEach((item, index) => {
      const svg = Buffer.from(String(item.binary?.data?.data), 'base64').toString('utf8');
      expect(svg).toContain(names[index]);
      expect(item.binary?.data?.mimeType).toBe('image/svg+xml');
    });
  });

  it('replays finished renders when the same execution runs again (no second render or charge)', async () => {
    setup = await startN8nSandbox();
    const items = [
      { name: 'Once', reference: 'r-1' },
      { name: 'Only once', reference: 'r-2' },
    ];
    const spec = { nodes: [{ ...renderMany('json'), id: 'node-many-1' }] };
    const first = await setup.harness.run(spec, items, { executionId: 'exec-retry-1' });
    const before = setup.sandbox.stats().rendersPerformed;
    const again = await setup.harness.run(spec, items, { executionId: 'exec-retry-1' });
    expect(again.status).toBe('success');
    expect(setup.sandbox.stats().rendersPerformed).toBe(before);
    const ids = (run: typeof first) => run.output('Many').map((item) => item.json.id);
    expect(ids(again)).toEqual(ids(first));
  });

  it('keeps failures beside successes when the node continues on fail', async () => {
    setup = await startN8nSandbox();
    const run = await setup.harness.run(
      { nodes: [renderMany('json', { onError: 'continueRegularOutput' })] },
      [
        { name: 'Good one', reference: 'ok-1' },
        { name: 'Bad one', reference: 'sandbox:fail-2' },
        { name: 'Good two', reference: 'ok-3' },
      ],
    );
    expect(run.status).toBe('success');
    const items = run.output('Many');
    expect(items).toHaveLength(3);
    expect(items[0]?.json).toMatchObject({ status: 'completed', reference: 'ok-1' });
    expect(items[1]?.json.error).toBeDefined();
    expect(String(items[1]?.json.description)).toContain('RENDER_FAILED');
    expect(items[1]?.pairedItem).toEqual({ item: 1 });
    expect(items[2]?.json).toMatchObject({ status: 'completed', reference: 'ok-3' });
  });
});
