import { Canvelete } from '@canvelete/core';
import { loadComponent } from '@canvelete/testing/pipedream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentPath, OG_IMAGE_ID, startWorld, type World } from './support.ts';

let world: World;
let client: Canvelete;
beforeAll(async () => {
  world = await startWorld();
  client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
  // 25 more designs than the seed, so the dropdown has a second page.
  for (let i = 0; i < 25; i++)
    await client.designs.create({ name: `Paged ${String(i).padStart(2, '0')}` });
});
afterAll(() => world.close());

const action = (slug: string, props: Record<string, unknown> = {}) =>
  world.pd.action(componentPath(`actions/${slug}/${slug}.mjs`), { auth: world.auth, props });

describe('dropdowns (async options with prevContext paging)', () => {
  it('pages the design dropdown through context.nextPageToken until an empty page', async () => {
    const render = await world.pd.action(componentPath('actions/render-design/render-design.mjs'), {
      auth: world.auth,
    });
    const { options, pages } = await render.allOptions('designId');
    expect(pages.length).toBe(3);
    expect(pages[0]?.context).toEqual({ nextPageToken: 2 });
    expect(pages[1]?.context).toEqual({ nextPageToken: null });
    expect(pages[2]?.options).toEqual([]);
    const total = (await client.designs.list({ limit: 1 })).total;
    expect(options).toHaveLength(total ?? options.length);
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
    expect(options.find((o) => o.value === OG_IMAGE_ID)?.label).toMatch(/\(1200×630\)$/);
  });

  it('searches with the typed query (useQuery)', async () => {
    const render = await world.pd.action(componentPath('actions/render-design/render-design.mjs'), {
      auth: world.auth,
    });
    const page = await render.options('designId', { query: 'Paged 0' });
    expect(page.options.length).toBe(10);
    expect(page.options.every((o) => o.label.startsWith('Paged 0'))).toBe(true);
  });

  it('lists templates for the template prop definition', async () => {
    const app = await loadComponent(componentPath('canvelete.app.mjs'));
    const step = await world.pd.action(
      {
        key: 'canvelete-template-probe',
        type: 'action',
        version: '0.0.1',
        props: { app, templateId: { propDefinition: [app, 'templateId'] } },
        run() {},
      },
      { auth: world.auth },
    );
    const { options } = await step.allOptions('templateId');
    expect(options.length).toBeGreaterThan(0);
    expect(options.map((o) => o.label).join(' ')).toMatch(/ticket/i);
  });

  it('lists renders for Get Render', async () => {
    await client.renders.create({ designId: OG_IMAGE_ID, reference: 'for-dropdown' });
    const step = await action('get-render');
    const page = await step.options('renderId');
    expect(page.options.length).toBeGreaterThan(0);
    expect(page.options[0]?.label).toContain('completed');
  });
});

describe('actions', () => {
  it('list-designs: searches and stops at Max Results', async () => {
    const result = await (await action('list-designs', { search: 'Paged', maxResults: 7 })).run();
    expect(result.returnValue).toHaveLength(7);
    expect(result.summary).toBe('Found 7 designs');
  });

  it('create-design: creates once per execution (idempotent on retry)', async () => {
    const step = await action('create-design', {
      name: 'From Pipedream',
      canvasData: { elements: [] },
      width: 800,
      height: 600,
    });
    const first = await step.run({ executionId: 'e_create_1' });
    const retry = await step.run({ executionId: 'e_create_1' });
    expect(first.returnValue).toMatchObject({ name: 'From Pipedream', width: 800, height: 600 });
    expect((retry.returnValue as { id: string }).id).toBe((first.returnValue as { id: string }).id);
    expect(first.summary).toMatch(/^Created design "From Pipedream"/);
  });

  it('get-render: reads a render and saves its file on request', async () => {
    const render = await client.renders.create({ designId: OG_IMAGE_ID, format: 'png' });
    const result = await (
      await action('get-render', { renderId: render.id, saveFile: true, fileName: 'out.png' })
    ).run();
    expect(result.returnValue).toMatchObject({ id: render.id, status: 'completed' });
    expect((result.returnValue as { file: { path: string } }).file.path).toBe(
      `${world.pd.stashDir}/out.png`,
    );
    expect(result.summary).toBe(`Render ${render.id} is completed`);
  });

  it('get-usage: reports credits', async () => {
    const result = await (await action('get-usage')).run();
    expect(result.returnValue).toMatchObject({ creditLimit: expect.any(Number) });
    expect(result.summary).toMatch(/credits remaining/);
  });

  it('render-many: one result per item, a bad item fails alone', async () => {
    const step = await action('render-many', {
      designId: OG_IMAGE_ID,
      items: [
        '{"title": "One"}',
        { title: 'Two' },
        '{"dynamicData": {"title": "Three"}, "format": "nope"}',
      ],
    });
    const result = await step.run();
    expect(result.error).toBeUndefined();
    const output = result.returnValue as {
      succeeded: number;
      failed: number;
      results: Array<{ ok: boolean; render?: { status: string }; error?: { code: string } }>;
    };
    expect(output.succeeded).toBe(2);
    expect(output.failed).toBe(1);
    expect(output.results[0]?.render?.status).toBe('completed');
    expect(output.results[2]?.error?.code).toBe('VALIDATION_ERROR');
    expect(result.summary).toBe('Rendered 2 of 3 (1 failed)');
  });

  it('render-many: a retry of the same execution replays every item instead of rendering again', async () => {
    const step = await action('render-many', {
      designId: OG_IMAGE_ID,
      items: ['{"title": "Replay one"}', '{"title": "Replay two"}'],
    });
    const before = world.sandbox.stats().rendersPerformed;
    const first = await step.run({ executionId: 'e_many_1' });
    const retry = await step.run({ executionId: 'e_many_1' });
    expect(world.sandbox.stats().rendersPerformed - before).toBe(2);
    const ids = (run: typeof first) =>
      (run.returnValue as { results: Array<{ render?: { id: string } }> }).results.map(
        (r) => r.render?.id,
      );
    expect(ids(retry)).toEqual(ids(first));
  });

  it('render-many: an item that is not a JSON object is a ConfigurationError naming Items', async () => {
    const result = await (
      await action('render-many', { designId: OG_IMAGE_ID, items: ['not json'] })
    ).run();
    expect((result.error as Error).name).toBe('ConfigurationError');
    expect((result.error as Error).message).toMatch(/^Items: entry 1/);
  });
});
