import { Canvelete } from '@canvelete/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentPath, OG_IMAGE_ID, STATIC_BANNER_ID, startWorld, type World } from './support.ts';

let world: World;
let client: Canvelete;
beforeAll(async () => {
  world = await startWorld();
  client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
});
afterAll(() => world.close());

describe('new-render (timer polling over the history)', () => {
  it('emits the newest finished renders on deploy, then only new ones, once each, across runs', async () => {
    const first = await client.renders.create({ designId: OG_IMAGE_ID, reference: 'p-1' });
    const source = await world.pd.source(componentPath('sources/new-render/new-render.mjs'), {
      auth: world.auth,
    });
    await source.deploy();
    expect(source.emitted.map((e) => e.meta.id)).toContain(first.id);
    const afterDeploy = source.emitted.length;

    await source.runTimer();
    expect(source.emitted).toHaveLength(afterDeploy);

    const second = await client.renders.create({ designId: STATIC_BANNER_ID, reference: 'p-2' });
    const third = await client.renders.create({ designId: OG_IMAGE_ID, reference: 'p-3' });
    await source.runTimer();
    await source.runTimer();
    const fresh = source.emitted.slice(afterDeploy).map((e) => e.meta.id);
    expect(fresh).toEqual([second.id, third.id]);
    expect(source.emitted[afterDeploy]?.event).toMatchObject({
      id: second.id,
      status: 'completed',
    });
    expect(source.db.get('renderCursor')).toEqual(expect.any(String));
  });

  it('filters by design and reference', async () => {
    const source = await world.pd.source(componentPath('sources/new-render/new-render.mjs'), {
      auth: world.auth,
      props: { designId: OG_IMAGE_ID, reference: 'wanted' },
    });
    await source.deploy();
    const before = source.emitted.length;
    const wanted = await client.renders.create({ designId: OG_IMAGE_ID, reference: 'wanted' });
    await client.renders.create({ designId: STATIC_BANNER_ID, reference: 'wanted' });
    await client.renders.create({ designId: OG_IMAGE_ID, reference: 'other' });
    await source.runTimer();
    expect(source.emitted.slice(before).map((e) => e.meta.id)).toEqual([wanted.id]);
  });
});

describe('new-design (timer polling)', () => {
  it('emits new designs once, oldest first', async () => {
    const source = await world.pd.source(componentPath('sources/new-design/new-design.mjs'), {
      auth: world.auth,
    });
    await source.deploy();
    const afterDeploy = source.emitted.length;
    expect(afterDeploy).toBeGreaterThan(0);
    await source.runTimer();
    expect(source.emitted).toHaveLength(afterDeploy);
    const a = await client.designs.create({ name: 'Poll A' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await client.designs.create({ name: 'Poll B' });
    await source.runTimer();
    await source.runTimer();
    expect(source.emitted.slice(afterDeploy).map((e) => e.meta.id)).toEqual([a.id, b.id]);
    expect(source.emitted.at(-1)?.meta.summary).toBe('New design: Poll B');
  });
});

describe('sample events', () => {
  it.each(['new-render-completed', 'new-render', 'new-design'])(
    '%s ships a sampleEmit',
    async (slug) => {
      const source = await world.pd.source(componentPath(`sources/${slug}/${slug}.mjs`), {
        auth: world.auth,
      });
      expect((source.component as unknown as { sampleEmit: { id: string } }).sampleEmit.id).toEqual(
        expect.any(String),
      );
    },
  );
});
