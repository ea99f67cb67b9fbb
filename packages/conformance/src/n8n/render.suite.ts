import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from './seed-ids.ts';
import { type N8nSandboxSetup, startN8nSandbox } from './setup.ts';

const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function binaryText(
  item: { binary?: Record<string, { data: string }> },
  property = 'data',
): string {
  const binary = item.binary?.[property];
  if (!binary) throw new Error(`no binary property "${property}"`);
  return Buffer.from(binary.data, 'base64').toString('utf8');
}

const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

describe('Canvelete node: Render (engine, against the sandbox)', () => {
  let setup: N8nSandboxSetup;

  beforeAll(async () => {
    setup = await startN8nSandbox();
  });

  afterAll(async () => {
    await setup.close();
  });

  const renderNode = (
    parameters: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) => ({
    name: 'Render',
    type: 'canvelete',
    parameters: {
      resource: 'render',
      operation: 'render',
      source: 'design',
      design: byId(SEED_IDS.productCard),
      format: 'svg',
      output: 'both',
      ...parameters,
    },
    ...extra,
  });

  it('renders each item with mapped fields and expressions, as a record and an SVG file', async () => {
    const run = await setup.harness.run(
      {
        nodes: [
          renderNode({
            fields: {
              mappingMode: 'defineBelow',
              value: { product_name: '={{ $json.name }}', price: '={{ "$" + $json.price }}' },
              matchingColumns: [],
              schema: [],
            },
            options: { reference: '={{ "order-" + $json.price }}' },
          }),
        ],
      },
      [
        { name: 'Aurora Lamp', price: 49 },
        { name: 'Borealis Mug', price: 12 },
      ],
    );
    expect(run.status).toBe('success');
    const [first, second] = run.output('Render');
    expect(first?.json).toMatchObject({
      status: 'completed',
      format: 'svg',
      reference: 'order-49',
    });
    expect(typeof first?.json.url).toBe('string');
    expect(first?.pairedItem).toEqual({ item: 0 });
    expect(second?.pairedItem).toEqual({ item: 1 });
    expect(binaryText(first as never)).toContain('Aurora Lamp');
    expect(binaryText(first as never)).toContain('$49');
    expect(binaryText(second as never)).toContain('Borealis Mug');
    const file = (first as { binary: Record<string, { mimeType: string; fileName: string }> })
      .binary.data;
    expect(file?.mimeType).toBe('image/svg+xml');
    expect(file?.fileName).toBe(`canvelete-${String(first?.json.id)}.svg`);
  });

  it('maps automatically only the input keys that are fields of the design', async () => {
    const run = await setup.harness.run(
      {
        nodes: [
          renderNode({
            output: 'binary',
            binaryPropertyName: 'picture',
            fileName: '{designId}-{format}',
            fields: {
              mappingMode: 'autoMapInputData',
              value: null,
              matchingColumns: [],
              schema: [],
            },
          }),
        ],
      },
      [{ product_name: 'Auto Mapped', unrelated: 'Ignored Value', constructor: 'x' }],
    );
    expect(run.status).toBe('success');
    const [item] = run.output('Render');
    const svg = binaryText(item as never, 'picture');
    expect(svg).toContain('Auto Mapped');
    expect(svg).not.toContain('Ignored Value');
    expect(Object.keys(item?.json ?? {}).sort()).toEqual(['format', 'id', 'status']);
    const file = (item as { binary: Record<string, { fileName: string }> }).binary.picture;
    expect(file?.fileName).toBe(`${SEED_IDS.productCard}-svg.svg`);
  });

  it('takes raw JSON and a binary file for an image field', async () => {
    const run = await setup.harness.run(
      {
        nodes: [
          renderNode({
            dataInput: 'json',
            dynamicDataJson: '={{ JSON.stringify({ product_name: $json.name }) }}',
            dynamicElementsJson: '{"badge": {"fill": "#123456"}}',
            options: {
              imageFiles: { file: [{ field: 'product_image', binaryPropertyName: 'photo' }] },
            },
          }),
        ],
      },
      [
        {
          json: { name: 'From JSON' },
          binary: {
            photo: { data: PNG_1X1.toString('base64'), mimeType: 'image/png', fileName: 'p.png' },
          },
        },
      ],
    );
    expect(run.status).toBe('success');
    const svg = binaryText(run.output('Render')[0] as never);
    expect(svg).toContain('From JSON');
    expect(svg.toLowerCase()).toContain('#123456');
    expect(svg).toContain(PNG_1X1.toString('base64'));
  });

  it('renders a template with typed variables', async () => {
    const run = await setup.harness.run(
      {
        nodes: [
          renderNode({
            source: 'template',
            template: byId(SEED_IDS.ticketTemplate),
            output: 'json',
            format: 'png',
            fields: {
              mappingMode: 'defineBelow',
              value: { attendee_name: 'Grace Hopper', ticket_number: 42, vip: true },
              matchingColumns: [],
              schema: [],
            },
          }),
        ],
      },
      [{}],
    );
    expect(run.status).toBe('success');
    const [item] = run.output('Render');
    expect(item?.json).toMatchObject({ status: 'completed', format: 'png' });
    expect(item?.binary).toBeUndefined();
  });

  it('continues on fail with one error item per failed input, and otherwise fails naming the item', async () => {
    const parameters = {
      design: { __rl: true, mode: 'id', value: '={{ $json.design }}' },
      output: 'json',
      fields: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [] },
    };
    const input = [{ design: SEED_IDS.productCard }, { design: 'no_such_design' }];
    const continued = await setup.harness.run(
      { nodes: [renderNode(parameters, { onError: 'continueRegularOutput' })] },
      input,
    );
    expect(continued.status).toBe('success');
    const [ok, failed] = continued.output('Render');
    expect(ok?.json.status).toBe('completed');
    expect(failed?.pairedItem).toEqual({ item: 1 });
    expect(failed?.json).toMatchObject({ httpCode: '404' });
    expect(String(failed?.json.description)).toContain('NOT_FOUND');

    const stopped = await setup.harness.run({ nodes: [renderNode(parameters)] }, input);
    expect(stopped.status).toBe('error');
    expect(stopped.error?.name).toBe('NodeApiError');
    expect((stopped.error as { context?: { itemIndex?: number } }).context?.itemIndex).toBe(1);
    expect(stopped.error?.description).toContain('NOT_FOUND');
    expect(JSON.stringify(stopped.error)).not.toContain(setup.sandbox.apiKey);
  });

  it('reports a failed render as an error with what to do', async () => {
    const run = await setup.harness.run(
      {
        nodes: [
          renderNode({
            output: 'json',
            options: { reference: 'sandbox:fail-on-purpose' },
            fields: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [] },
          }),
        ],
      },
      [{}],
    );
    expect(run.status).toBe('error');
    expect(run.error?.description).toContain('RENDER_FAILED');
  });
});
