// Designs through @canvelete/core against the sandbox, in every dialect: the normalised results
// must be the same whichever envelope, alias set and error shape the server speaks.
import type { Design } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import { caught, DIALECTS, SEED, useSandbox } from './sandbox-fixture.js';

const SEEDED_IDS = Object.values(SEED);

const canvas = {
  background: '#ffffff',
  elements: [
    {
      id: 'title',
      type: 'text',
      name: 'title',
      x: 10,
      y: 10,
      width: 200,
      height: 40,
      text: '{{title}}',
    },
  ],
};

describe.each(DIALECTS)('designs (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect);

  it('retrieves a seeded design in the one normalised shape', async () => {
    const { url } = fixture.sandbox;
    const design = await fixture.client.designs.retrieve(SEED.productCard);
    expect(design).toEqual({
      id: SEED.productCard,
      name: 'Product card',
      description: 'Catalogue card: product photo, name, price and a colour badge.',
      width: 800,
      height: 1000,
      status: 'PUBLISHED',
      visibility: 'PRIVATE',
      isTemplate: false,
      thumbnailUrl: `${url}/thumbnails/${SEED.productCard}.png`,
      editUrl: `${url}/editor/${SEED.productCard}`,
      canvasData: expect.objectContaining({ background: '#f1f5f9' }),
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(design.canvasData?.['elements']).toHaveLength(8);
  });

  it('lists page by page: pages are disjoint and agree on the totals', async () => {
    const first = await fixture.client.designs.list({ limit: 2 });
    const second = await fixture.client.designs.list({ limit: 2, page: 2 });
    expect(first).toMatchObject({ page: 1, limit: 2, hasMore: true });
    expect(second).toMatchObject({ page: 2, limit: 2, total: first.total });
    expect(first.items).toHaveLength(2);
    expect(first.total).toBeGreaterThanOrEqual(SEEDED_IDS.length);
    expect(first.totalPages).toBe(Math.ceil((first.total ?? 0) / 2));
    const firstIds = first.items.map((item) => item.id);
    expect(second.items.some((item) => firstIds.includes(item.id))).toBe(false);
    // The list item carries the same normalised fields as the record (docs lists omit the canvas).
    const retrieved = await fixture.client.designs.retrieve(first.items[0]?.id ?? '');
    const { canvasData: _canvas, ...summary } = retrieved;
    expect(first.items[0]).toMatchObject(summary);
    if (dialect === 'docs') expect(first.items[0]?.canvasData).toBeUndefined();
    else expect(first.items[0]?.canvasData).toEqual(retrieved.canvasData);
  });

  it('iterates over every page exactly once', async () => {
    const seen: Design[] = [];
    for await (const design of fixture.client.designs.iterate({ limit: 2 })) seen.push(design);
    const ids = seen.map((design) => design.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(SEEDED_IDS));
    const { total } = await fixture.client.designs.list({ limit: 100 });
    expect(ids).toHaveLength(total ?? -1);
  });

  it('searches by name and filters on isTemplate', async () => {
    const search = await fixture.client.designs.list({ search: 'PRODUCT' });
    expect(search.items.map((design) => design.id)).toEqual([SEED.productCard]);
    expect(search).toMatchObject({ total: 1, totalPages: 1, hasMore: false });

    const templates = await fixture.client.designs.list({ isTemplate: true, limit: 100 });
    expect(templates.items.map((design) => design.id)).toContain(SEED.ticketTemplate);
    expect(templates.items.every((design) => design.isTemplate)).toBe(true);

    const plain = await fixture.client.designs.list({ isTemplate: false, limit: 100 });
    expect(plain.items.map((design) => design.id)).not.toContain(SEED.ticketTemplate);
    expect(plain.items.every((design) => !design.isTemplate)).toBe(true);
    expect(plain.items.map((design) => design.id)).toContain(SEED.staticBanner);
  });

  it('creates a design from a canvasData object and from a pasted JSON string', async () => {
    const fromObject = await fixture.client.designs.create({
      name: `Object canvas ${dialect}`,
      width: 400,
      height: 200,
      canvasData: canvas,
    });
    const fromString = await fixture.client.designs.create({
      name: `String canvas ${dialect}`,
      width: 400,
      height: 200,
      canvasData: JSON.stringify(canvas),
      isTemplate: true,
    });
    for (const created of [fromObject, fromString]) {
      expect(created).toMatchObject({
        width: 400,
        height: 200,
        status: 'DRAFT',
        canvasData: canvas,
      });
      expect(created.id).toMatch(/^c[a-z0-9]{10,}$/);
      expect(await fixture.client.designs.retrieve(created.id)).toEqual(created);
    }
    expect(fromObject.isTemplate).toBe(false);
    expect(fromString.isTemplate).toBe(true);
  });

  it('updates a design and returns the new state', async () => {
    const created = await fixture.client.designs.create({ name: `To update ${dialect}` });
    const updated = await fixture.client.designs.update(created.id, {
      name: `Updated ${dialect}`,
      status: 'PUBLISHED',
      canvasData: JSON.stringify(canvas),
    });
    expect(updated).toMatchObject({
      id: created.id,
      name: `Updated ${dialect}`,
      status: 'PUBLISHED',
      canvasData: canvas,
    });
    expect(await fixture.client.designs.retrieve(created.id)).toEqual(updated);
  });

  it('deletes by archiving: the design is hidden from lists but still readable', async () => {
    const name = `Doomed ${dialect} ${Date.now()}`;
    const created = await fixture.client.designs.create({ name });
    expect((await fixture.client.designs.list({ search: name })).items).toHaveLength(1);

    await expect(fixture.client.designs.delete(created.id)).resolves.toBeUndefined();

    expect((await fixture.client.designs.retrieve(created.id)).status).toBe('ARCHIVED');
    expect((await fixture.client.designs.list({ search: name })).items).toEqual([]);
    const archived = await fixture.client.designs.list({ search: name, status: 'ARCHIVED' });
    expect(archived.items.map((design) => design.id)).toEqual([created.id]);
  });

  it('answers NOT_FOUND for an unknown design and VALIDATION_ERROR for a bad one', async () => {
    const missing = await caught(fixture.client.designs.retrieve('cm4nosuchdesign0000000000'));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(missing.details.serverCode).toBe('NOT_FOUND');
    expect(missing.requestId).toMatch(/^req_/);

    const invalid = await caught(
      fixture.client.designs.create({ name: 'Too wide', width: 20_000 }),
    );
    expect(invalid).toMatchObject({
      code: 'VALIDATION_ERROR',
      status: dialect === 'docs' ? 400 : 422,
    });
    expect(invalid.details.field).toBe('width');
  });
});
