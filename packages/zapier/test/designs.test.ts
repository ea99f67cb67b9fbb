import { Canvelete } from '@canvelete/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, zapierErrorOf } from './harness';

let harness: Harness;
const CREATED = 55;
beforeAll(async () => {
  harness = await startHarness();
  // Setup goes straight through the core; the operations under test go through Zapier.
  const client = new Canvelete({ apiKey: harness.sandbox.apiKey, baseUrl: harness.sandbox.url });
  for (let i = 0; i < CREATED; i++) {
    await client.designs.create({
      name: `Paging design ${String(i).padStart(2, '0')}`,
      width: 100 + i,
      height: 50,
    });
  }
});
afterAll(() => harness.close());

type Choice = { id: string; name: string };

describe('design_list dropdown', () => {
  it('pages with bundle.meta.page until a page comes back empty', async () => {
    const pages: Choice[][] = [];
    for (let page = 0; page < 10; page++) {
      const choices = await harness.run<Choice[]>('triggers.design_list.operation.perform', {
        meta: { page, isFillingDynamicDropdown: true },
      });
      pages.push(choices);
      if (choices.length === 0) break;
    }
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages[0]).toHaveLength(25);
    expect(pages.at(-1)).toEqual([]);
    const ids = pages.flat().map((choice) => choice.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(CREATED);
  });

  it('labels each design with its size', async () => {
    const choices = await harness.run<Choice[]>('triggers.design_list.operation.perform', {
      inputData: { search: 'Paging design 07' },
    });
    expect(choices.map((choice) => choice.name)).toEqual(['Paging design 07 (107×50)']);
  });

  it('lists templates for the template dropdown', async () => {
    const choices = await harness.run<Choice[]>('triggers.template_list.operation.perform');
    expect(choices.map((choice) => choice.name)).toContain('Event ticket (1000×400)');
    const next = await harness.run<Choice[]>('triggers.template_list.operation.perform', {
      meta: { page: 1 },
    });
    expect(next).toEqual([]);
  });
});

describe('create_design', () => {
  it('creates a design from the existing app’s input keys, canvasData as a JSON string', async () => {
    const design = await harness.run<Record<string, unknown>>(
      'creates.create_design.operation.perform',
      {
        inputData: {
          name: 'Zapier made this',
          description: 'From a Zap',
          canvasData: '{"elements":[{"type":"text","name":"title","text":"{{title}}"}]}',
          width: '640',
          height: '360',
          isTemplate: 'false',
          visibility: 'UNLISTED',
        },
      },
    );
    expect(design).toMatchObject({
      name: 'Zapier made this',
      description: 'From a Zap',
      width: 640,
      height: 360,
      isTemplate: false,
      visibility: 'UNLISTED',
    });
    expect(typeof design['id']).toBe('string');
    expect(design['editUrl']).toContain(String(design['id']));
  });

  it('reports canvasData that is not JSON as invalid data', async () => {
    const caught = await zapierErrorOf(
      harness.run('creates.create_design.operation.perform', {
        inputData: { name: 'Broken', canvasData: '{not json' },
      }),
    );
    expect(caught.code).toBe('InvalidData');
    expect(caught.message).toContain('canvasData');
  });
});

describe('new_design polling trigger', () => {
  it('returns designs newest first, each with an id', async () => {
    const made = await harness.run<{ id: string }>('creates.create_design.operation.perform', {
      inputData: { name: 'Newest design' },
    });
    const items = await harness.run<Array<{ id: string; createdAt: string }>>(
      'triggers.new_design.operation.perform',
    );
    expect(items.map((item) => item.id)).toContain(made.id);
    const times = items.map((item) => Date.parse(item.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('find_design search', () => {
  it('finds a design by name, exact match first', async () => {
    const found = await harness.run<Array<{ name: string }>>(
      'searches.find_design.operation.perform',
      {
        inputData: { name: 'paging design 1' },
      },
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((design) => design.name.toLowerCase().includes('paging design 1'))).toBe(
      true,
    );
  });

  it('returns an empty result, not an error, when nothing matches', async () => {
    const found = await harness.run('searches.find_design.operation.perform', {
      inputData: { name: 'no design is called this' },
    });
    expect(found).toEqual([]);
  });
});
