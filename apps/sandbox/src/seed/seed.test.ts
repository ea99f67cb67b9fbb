import { statSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createAssetResolver } from '../render/assets.js';
import { hasPlaceholder } from '../render/dynamic-content.js';
import { renderDesign } from '../render/render-design.js';
import { SEED_DESIGN_IDS, seedDesigns, variableDefaults } from './index.js';

const assets = createAssetResolver();
const byId = (id: string) => seedDesigns().find((d) => d.id === id)!;

describe('seed designs', () => {
  it('have stable, unique, cuid-like ids', () => {
    const ids = seedDesigns().map((d) => d.id);
    expect(ids).toEqual(Object.values(SEED_DESIGN_IDS));
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(id).toMatch(/^c[a-z0-9]{24}$/);
    expect(seedDesigns()).toEqual(seedDesigns());
  });

  it('return a fresh copy each call', () => {
    const first = seedDesigns();
    first[0]!.canvasData.elements!.length = 0;
    expect(seedDesigns()[0]!.canvasData.elements!.length).toBeGreaterThan(0);
  });

  it('cover the binding cases: placeholders, isDynamic names, a template with every variable kind, none', () => {
    const cert = byId(SEED_DESIGN_IDS.certificate);
    expect(cert).toMatchObject({ width: 842, height: 595, status: 'PUBLISHED', isTemplate: false });
    const certText = JSON.stringify(cert.canvasData);
    for (const key of ['recipient_name', 'course_name', 'date', 'verify_url'])
      expect(certText).toContain(`{{${key}}}`);
    expect(cert.canvasData.elements!.some((e) => e.isDynamic && e.type === 'rectangle')).toBe(true);

    const product = byId(SEED_DESIGN_IDS.productCard);
    const image = product.canvasData.elements!.find((e) => e.name === 'product_image')!;
    expect(image).toMatchObject({
      type: 'image',
      isDynamic: true,
      src: '/assets/product-bottle.png',
    });

    const template = byId(SEED_DESIGN_IDS.ticketTemplate);
    expect(template.isTemplate).toBe(true);
    expect(new Set(template.variables!.map((v) => v.type))).toEqual(
      new Set(['text', 'image', 'number', 'boolean']),
    );
    expect(variableDefaults(template)).toEqual({
      attendee_name: 'Guest',
      attendee_photo: '/assets/avatar.png',
      ticket_number: 1,
      vip: false,
    });

    const banner = byId(SEED_DESIGN_IDS.staticBanner);
    expect(banner.canvasData.elements!.some((e) => e.isDynamic)).toBe(false);
    expect(banner.canvasData.elements!.some((e) => Object.values(e).some(hasPlaceholder))).toBe(
      false,
    );
  });

  it('reference assets that exist and stay small', () => {
    for (const name of [
      'product-bottle.png',
      'product-mug.png',
      'product-tote.png',
      'avatar.png',
      'logo.png',
    ]) {
      expect(assets.resolve(`/assets/${name}`)).toBeDefined();
      expect(statSync(join(assets.dir, name)).size).toBeLessThan(50 * 1024);
    }
  });

  it.each(seedDesigns().map((d) => [d.name, d.id] as const))(
    '%s renders at its own size',
    async (_name, id) => {
      const design = byId(id);
      const out = await renderDesign({
        width: design.width,
        height: design.height,
        canvasData: design.canvasData,
        format: 'png',
        dynamicData: variableDefaults(design),
        resolveAsset: assets.resolve,
      });
      expect(await sharp(out.bytes).metadata()).toMatchObject({
        format: 'png',
        width: design.width,
        height: design.height,
      });
    },
  );

  it('the certificate is an A4 landscape PDF page', async () => {
    const cert = byId(SEED_DESIGN_IDS.certificate);
    const out = await renderDesign({
      width: cert.width,
      height: cert.height,
      canvasData: cert.canvasData,
      format: 'pdf',
      dynamicData: { recipient_name: 'Grace Hopper' },
      resolveAsset: assets.resolve,
    });
    expect((await PDFDocument.load(out.bytes)).getPage(0).getSize()).toEqual({
      width: 842,
      height: 595,
    });
  });
});
