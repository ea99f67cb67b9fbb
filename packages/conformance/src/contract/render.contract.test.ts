// The same render through every platform: the same normalised output and the same file, decoded,
// as the core renders for that input.
import { createHash } from 'node:crypto';
import { buildDynamicPayload, Canvelete, describeFields } from '@canvelete/core';
import type { DriverRenderRequest, DriverRenderResult } from '@canvelete/testing/drivers';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { closeTo, pdfInfo, pixelAt } from '../core/decode.ts';
import { PLATFORMS } from './platforms.ts';
import { SEED, useContractWorld } from './world.ts';

const world = useContractWorld();

/**
 * What must be equal across platforms for one render: everything but the render's own id and URL,
 * and the reference when the request set none (a platform may add its own for correlation, as
 * Pipedream does to find a render again after a rerun).
 */
async function fingerprint(result: DriverRenderResult, request: DriverRenderRequest) {
  const { id, url, reference, ...rest } = result.output;
  const output = request.reference ? { ...rest, reference } : rest;
  expect(id, 'render id').toBeTruthy();
  expect(url, 'file URL').toMatch(/^https?:\/\//);
  const file = result.file;
  if (!file) throw new Error('the platform attached no file');
  return {
    output,
    contentType: file.contentType,
    content: await contentOf(file.bytes, output.format),
  };
}

/** Decoded content: pixel hash and size for rasters, page count and size for PDFs, text for SVG. */
async function contentOf(bytes: Uint8Array, format: string | undefined) {
  if (format === 'pdf') return pdfInfo(bytes);
  if (format === 'svg') return { svg: createHash('sha256').update(bytes).digest('hex') };
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    pixels: createHash('sha256').update(data).digest('hex'),
  };
}

const CASES: Array<[string, DriverRenderRequest, { width: number; height: number }]> = [
  [
    'a product card as PNG at half scale',
    {
      designId: SEED.productCard,
      format: 'png',
      scale: 0.5,
      data: { product_name: 'Contract mug', price: '€9.00', badge: '#b3261e' },
      reference: 'contract-png',
    },
    { width: 400, height: 500 },
  ],
  [
    'the Open Graph image as JPG',
    {
      designId: SEED.ogImage,
      format: 'jpg',
      quality: 80,
      data: { title: 'Same everywhere', subtitle: 'One render, three platforms' },
      reference: 'contract-jpg',
    },
    { width: 1200, height: 630 },
  ],
  [
    'the event-ticket template as WEBP',
    {
      templateId: SEED.ticketTemplate,
      format: 'webp',
      data: { attendee_name: 'Ada at Contract Conf', ticket_number: 42, vip: true },
    },
    { width: 1000, height: 400 },
  ],
  [
    'the certificate as PDF',
    {
      designId: SEED.certificate,
      format: 'pdf',
      data: { recipient_name: 'Grace Hopper', course_name: 'Compilers' },
    },
    { width: 842, height: 595 },
  ],
  [
    'the daily post as SVG',
    { designId: SEED.dailyPost, format: 'svg', data: { headline: 'Vectors too' } },
    { width: 1080, height: 1080 },
  ],
];

describe.each(CASES)('%s', (_name, request, size) => {
  it('gives the same output and the same decoded file on every platform as the core', async () => {
    const client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
    const { reference: _reference, data, ...rest } = request;
    // The core's own field model turns the values into the request, as every adapter does.
    const record =
      'designId' in request
        ? await client.designs.retrieve(request.designId)
        : await client.templates.retrieve(request.templateId);
    const { dynamicData, dynamicElements } = buildDynamicPayload(
      describeFields(record),
      data ?? {},
    );
    const reference = await client.renders.render({
      ...rest,
      dynamicData,
      dynamicElements,
    } as never);
    const expectedContent = await contentOf(reference.bytes, request.format);
    if ('pixels' in expectedContent)
      expect([expectedContent.width, expectedContent.height]).toEqual([size.width, size.height]);
    if (request.format === 'pdf') expect(expectedContent).toMatchObject({ pages: 1, ...size });

    const results = await Promise.all(
      PLATFORMS.map(
        async ({ platform }) => [platform, await world.driver(platform).render(request)] as const,
      ),
    );
    const prints = await Promise.all(
      results.map(async ([, result]) => fingerprint(result, request)),
    );
    const [first, ...others] = prints;
    expect(first?.content).toEqual(expectedContent);
    expect(first?.output).toMatchObject({
      status: 'completed',
      format: request.format,
      ...('designId' in request
        ? { designId: request.designId }
        : { templateId: request.templateId }),
      ...(request.reference ? { reference: request.reference } : {}),
    });
    others.forEach((print, index) => {
      expect(print, `${results[index + 1]?.[0]} vs ${results[0]?.[0]}`).toEqual(first);
    });
  });
});

const BADGES = ['#0e7c66', '#b3261e', '#3949ab'];
const hexRgb = (hex: string): [number, number, number] => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
];

describe('rendering many', () => {
  it('gives one result per item, in order, with the same files on every platform', async () => {
    const names = ['Alpha jar', 'Bravo bowl', 'Charlie cup'];
    const requests: DriverRenderRequest[] = names.map((product_name, index) => ({
      designId: SEED.productCard,
      format: 'png',
      scale: 0.25,
      // A colour too: it travels as an element property, not as text, on every platform.
      data: { product_name, price: `€${index + 1}.00`, badge: BADGES[index] ?? '#000000' },
      reference: `contract-many-${index}`,
    }));
    const perPlatform = await Promise.all(
      PLATFORMS.map(({ platform }) => world.driver(platform).renderMany(requests)),
    );
    const prints = await Promise.all(
      perPlatform.map((results) =>
        Promise.all(results.map((result, index) => fingerprint(result, requests[index]!))),
      ),
    );
    for (const results of perPlatform)
      expect(results.map((r) => r.output.reference)).toEqual(requests.map((r) => r.reference));
    for (const results of prints) {
      expect(new Set(results.map((r) => JSON.stringify(r.content))).size).toBe(names.length);
    }
    expect(prints[1]).toEqual(prints[0]);
    expect(prints[2]).toEqual(prints[0]);
    // The badge (a pill at x 140–172, y 27–40 of the 200×250 card) took each item's colour.
    for (const [index, result] of (perPlatform[0] ?? []).entries()) {
      const [r, g, b] = await pixelAt(result.file?.bytes ?? new Uint8Array(), 144, 33);
      const expected = BADGES[index] ?? '';
      const hex = `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      expect(closeTo([r, g, b], hexRgb(expected), 8), `${hex} for ${expected}`).toBe(true);
    }
  });
});
