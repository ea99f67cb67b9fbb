// Renders through @canvelete/core against the sandbox in every dialect: every format decoded at the
// size asked for, the sync and async paths, batches, history and the `reference` round trip.
import type { Render, RenderFormat, RenderInput } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import { closeTo, pdfInfo, pixelAt, rasterInfo } from './decode.js';
import { caught, DIALECTS, FAST_POLL, SEED, useSandbox } from './sandbox-fixture.js';

const CONTENT_TYPES: Record<RenderFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
};

/** One request per format, each sizing the output a different way; `size` is what must come out. */
const FORMAT_CASES: { input: RenderInput & { format: RenderFormat }; size: [number, number] }[] = [
  { input: { designId: SEED.dailyPost, format: 'png', scale: 0.25 }, size: [270, 270] },
  {
    input: { designId: SEED.staticBanner, format: 'jpg', width: 300, quality: 80 },
    size: [300, 100],
  },
  {
    input: { designId: SEED.staticBanner, format: 'webp', width: 200, height: 120, scale: 0.5 },
    size: [100, 60],
  },
  { input: { designId: SEED.dailyPost, format: 'pdf', scale: 0.25 }, size: [270, 270] },
  {
    input: {
      designId: SEED.dailyPost,
      format: 'svg',
      scale: 0.25,
      dynamicData: { headline: 'Hello-SVG-42' },
    },
    size: [270, 270],
  },
];

/** Where the daily post's background shape shows at scale 0.25 (design px 1040, 600). */
const BACKGROUND_PIXEL = [260, 150] as const;

describe.each(DIALECTS)('renders (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect);

  it('creates every format asynchronously, waits, downloads and decodes it at the asked size', async () => {
    const { client } = fixture;
    await Promise.all(
      FORMAT_CASES.map(async ({ input, size: [width, height] }) => {
        const render = await client.renders.create(input, FAST_POLL);
        expect(render).toMatchObject({ status: 'completed', format: input.format, width, height });
        expect(render.url).toMatch(
          new RegExp(`^${fixture.sandbox.url}/renders/.+\\.${input.format}$`),
        );
        const file = await client.renders.download(render);
        expect(file).toMatchObject({
          format: input.format,
          contentType: CONTENT_TYPES[input.format],
          fileName: `${render.id}.${input.format}`,
          renderId: render.id,
        });
        expect(file.bytes.length).toBe(render.fileSize);
        if (input.format === 'pdf') {
          expect(await pdfInfo(file.bytes)).toEqual({ pages: 1, width, height });
          return;
        }
        const decoded = await rasterInfo(file.bytes);
        expect(decoded).toEqual({
          width,
          height,
          format: input.format === 'jpg' ? 'jpeg' : input.format,
        });
        if (input.format === 'svg') {
          expect(new TextDecoder().decode(file.bytes)).toContain('Hello-SVG-42');
        }
      }),
    );
  });

  it('renders synchronously to bytes with the render id, and the record can be read back', async () => {
    const file = await fixture.client.renders.render({
      designId: SEED.productCard,
      format: 'jpeg',
      scale: 0.25,
      reference: `sync-${dialect}`,
    });
    expect(file).toMatchObject({ format: 'jpg', contentType: 'image/jpeg' });
    expect(file.renderId).toMatch(/^job_/);
    expect(file.fileName).toBe(`${file.renderId}.jpg`);
    expect(await rasterInfo(file.bytes)).toEqual({ width: 200, height: 250, format: 'jpeg' });
    const record = await fixture.client.renders.retrieve(file.renderId ?? '');
    expect(record).toMatchObject({
      id: file.renderId,
      status: 'completed',
      format: 'jpg',
      designId: SEED.productCard,
      reference: `sync-${dialect}`,
      fileSize: file.bytes.length,
    });
  });

  it('starts an async render, reads it back, and waits for it; the reference round-trips', async () => {
    const reference = `order-42/${dialect}/ä ✓`;
    const started = await fixture.client.renders.createAsync({
      designId: SEED.ogImage,
      format: 'png',
      scale: 0.1,
      reference,
    });
    expect(['pending', 'processing']).toContain(started.status);
    expect(started).toMatchObject({ designId: SEED.ogImage, format: 'png', reference });
    expect(started.url).toBeUndefined();

    const read = await fixture.client.renders.retrieve(started.id);
    expect(read).toMatchObject({ id: started.id, reference });

    const done = await fixture.client.renders.wait(started.id, FAST_POLL);
    expect(done).toMatchObject({
      id: started.id,
      status: 'completed',
      reference,
      width: 120,
      height: 63,
    });
    const listed = await fixture.client.renders.list({ limit: 100 });
    expect(listed.items.find((render) => render.id === started.id)?.reference).toBe(reference);
  });

  it('honours dynamicElements colours on the async path (pixel check)', async () => {
    const base = { designId: SEED.dailyPost, format: 'png' as const, scale: 0.25 };
    const [red, plain] = await Promise.all([
      fixture.client.renders.create(
        { ...base, dynamicElements: { background: { fill: '#ff0000' } } },
        FAST_POLL,
      ),
      fixture.client.renders.create(base, FAST_POLL),
    ]);
    const [x, y] = BACKGROUND_PIXEL;
    const redFile = await fixture.client.renders.download(red);
    const plainFile = await fixture.client.renders.download(plain);
    expect(closeTo(await pixelAt(redFile.bytes, x, y), [255, 0, 0])).toBe(true);
    // The design's own fill, #0ea5e9, when nothing is sent.
    expect(closeTo(await pixelAt(plainFile.bytes, x, y), [14, 165, 233])).toBe(true);
  });

  it('runs a batch and waits for every render in it', async () => {
    const batch = await fixture.client.renders.batch({
      items: [
        { designId: SEED.certificate, format: 'png', scale: 0.1, reference: 'batch-a' },
        { designId: SEED.dailyPost, format: 'webp', scale: 0.1, reference: 'batch-b' },
        { templateId: SEED.ticketTemplate, format: 'jpg', scale: 0.1, reference: 'batch-c' },
      ],
    });
    expect(batch.id).toMatch(/^batch_/);
    expect(batch.renders).toHaveLength(3);
    const done = await fixture.client.renders.waitForBatch(batch.id, FAST_POLL);
    expect(done.id).toBe(batch.id);
    expect(done.completed).toBe(true);
    expect(done.renders.map((render) => [render.status, render.reference, render.format])).toEqual([
      ['completed', 'batch-a', 'png'],
      ['completed', 'batch-b', 'webp'],
      ['completed', 'batch-c', 'jpg'],
    ]);
    expect(done.renders.map((render) => render.id)).toEqual(batch.renders.map((r) => r.id));
    const files = await Promise.all(
      done.renders.map((render) => fixture.client.renders.download(render)),
    );
    const sizes = await Promise.all(files.map((file) => rasterInfo(file.bytes)));
    expect(sizes.map(({ width, height }) => [width, height])).toEqual([
      [done.renders[0]?.width, done.renders[0]?.height],
      [108, 108],
      [100, 40],
    ]);
  });

  it('lists render history newest first and iterates over every page', async () => {
    const first = await fixture.client.renders.render({ designId: SEED.staticBanner, scale: 0.1 });
    const second = await fixture.client.renders.render({ designId: SEED.staticBanner, scale: 0.1 });
    const page = await fixture.client.renders.list({ limit: 2 });
    expect(page.items.map((render) => render.id)).toEqual([second.renderId, first.renderId]);
    expect(page).toMatchObject({ page: 1, limit: 2 });
    const all: Render[] = [];
    for await (const render of fixture.client.renders.iterate({ limit: 3 })) all.push(render);
    const ids = all.map((render) => render.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(page.total ?? -1);
    expect(all.every((render) => render.status === 'completed' || render.status === 'failed')).toBe(
      true,
    );
  });

  it('reports a failed render as RENDER_FAILED with the server reason', async () => {
    const error = await caught(
      fixture.client.renders.create(
        { designId: SEED.staticBanner, scale: 0.1, reference: 'sandbox:fail on purpose' },
        FAST_POLL,
      ),
    );
    expect(error.code).toBe('RENDER_FAILED');
    expect(error.message).toContain('simulated failure');
    expect(error.details.renderId).toMatch(/^job_/);
  });
});
