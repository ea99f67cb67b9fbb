import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { seedDesigns } from '../seed/index.js';
import { createAssetResolver } from './assets.js';
import { RenderSizeError } from './output-size.js';
import { renderDesign } from './render-design.js';
import { countDiffering, decode, pixel, region } from './test-helpers.js';
import type { CanvasElement, RenderJobInput } from './types.js';

const assets = createAssetResolver();
const seed = (name: string) => seedDesigns().find((d) => d.name === name)!;
const daily = seed('Daily social post');
const certificate = seed('Course completion certificate');

const dailyInput = (headline: string, extra: Partial<RenderJobInput> = {}): RenderJobInput => ({
  width: daily.width,
  height: daily.height,
  canvasData: daily.canvasData,
  format: 'png',
  dynamicData: { headline, date: '30 November 2026' },
  resolveAsset: assets.resolve,
  ...extra,
});

const certificateData = {
  recipient_name: 'Ada Lovelace',
  course_name: 'Engines & <Notes> "2026"',
  date: '30 November 2026',
  verify_url: 'https://verify.test/c/1',
};

describe('raster formats decode to the requested size', () => {
  it.each([
    ['png', 'png'],
    ['jpg', 'jpeg'],
    ['webp', 'webp'],
  ] as const)('%s', async (format, decodedAs) => {
    const out = await renderDesign(dailyInput('Hello', { format, quality: 80 }));
    const meta = await sharp(out.bytes).metadata();
    expect(meta).toMatchObject({ format: decodedAs, width: 1080, height: 1080 });
    expect(out).toMatchObject({ format, width: 1080, height: 1080 });
    expect(out.contentType).toBe(
      { png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' }[format],
    );
  });

  it('jpg quality changes the encoding', async () => {
    const low = await renderDesign(dailyInput('Quality', { format: 'jpg', quality: 5 }));
    const high = await renderDesign(dailyInput('Quality', { format: 'jpg', quality: 95 }));
    expect(low.bytes.byteLength).toBeLessThan(high.bytes.byteLength);
  });
});

describe('dynamic data changes exactly the text region', () => {
  it('differs inside the headline box and is identical outside it', async () => {
    const a = await decode((await renderDesign(dailyInput('Morning news'))).bytes);
    const b = await decode((await renderDesign(dailyInput('Evening digest, extended'))).bytes);
    // Headline box: x 90–990, y 300–780.
    expect(region(a, 90, 300, 900, 480).equals(region(b, 90, 300, 900, 480))).toBe(false);
    // The date line, the brand line and the whole band under the headline are untouched.
    expect(region(a, 0, 120, 1080, 90).equals(region(b, 0, 120, 1080, 90))).toBe(true);
    expect(region(a, 0, 800, 1080, 280).equals(region(b, 0, 800, 1080, 280))).toBe(true);
  });

  it('recolours an isDynamic shape through dynamicElements', async () => {
    const red = await decode(
      (
        await renderDesign(
          dailyInput('x', { dynamicElements: { background: { fill: '#ff0000' } } }),
        )
      ).bytes,
    );
    expect(pixel(red, 540, 1070)).toEqual([255, 0, 0, 255]);
    const plain = await decode((await renderDesign(dailyInput('x'))).bytes);
    expect(pixel(plain, 540, 1070)).toEqual([0x0e, 0xa5, 0xe9, 255]);
  });

  it('is deterministic for the same input', async () => {
    const first = await renderDesign(dailyInput('Same'));
    const second = await renderDesign(dailyInput('Same'));
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
  });
});

describe('pdf', () => {
  const input: RenderJobInput = {
    width: certificate.width,
    height: certificate.height,
    canvasData: certificate.canvasData,
    format: 'pdf',
    dynamicData: certificateData,
    resolveAsset: assets.resolve,
  };

  it('is one A4 landscape page (842×595 pt) for the certificate, and deterministic', async () => {
    const out = await renderDesign(input);
    const pdf = await PDFDocument.load(out.bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 842, height: 595 });
    expect(out.contentType).toBe('application/pdf');
    const again = await renderDesign(input);
    expect(Buffer.from(again.bytes).equals(Buffer.from(out.bytes))).toBe(true);
  });

  it('scales the page with scale', async () => {
    const out = await renderDesign({ ...input, scale: 0.5 });
    const page = (await PDFDocument.load(out.bytes)).getPage(0);
    expect(page.getSize()).toEqual({ width: 421, height: 298 });
    expect(out).toMatchObject({ width: 421, height: 298 });
  });
});

describe('svg', () => {
  it('holds the substituted, XML-escaped text and no leftover placeholder', async () => {
    const out = await renderDesign({
      width: certificate.width,
      height: certificate.height,
      canvasData: certificate.canvasData,
      format: 'svg',
      dynamicData: { ...certificateData, verify_url: undefined },
      resolveAsset: assets.resolve,
    });
    const svg = new TextDecoder().decode(out.bytes);
    expect(out.contentType).toBe('image/svg+xml');
    expect(svg).toContain('>Ada Lovelace<');
    expect(svg).toContain('Engines &amp; &lt;Notes&gt; &quot;2026&quot;');
    expect(svg).not.toContain('{{');
    expect(svg).toContain('font-family="DejaVu Serif, serif"');
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* width="842" height="595" viewBox="0 0 842 595"/,
    );
    // A standalone, parsable document: another SVG engine (librsvg, inside sharp) reads it.
    expect(await sharp(out.bytes).metadata()).toMatchObject({
      format: 'svg',
      width: 842,
      height: 595,
    });
  });

  it('strips characters XML forbids instead of producing an unparsable file', async () => {
    const out = await renderDesign({
      width: 100,
      height: 50,
      format: 'svg',
      canvasData: { elements: [{ type: 'text', x: 0, y: 0, width: 100, text: 'a\u0001b\u0008c' }] },
    });
    const svg = new TextDecoder().decode(out.bytes);
    expect(svg).toContain('>abc<');
    expect((await sharp(out.bytes).metadata()).format).toBe('svg');
  });
});

describe('output size', () => {
  const size = async (extra: Partial<RenderJobInput>) => {
    const out = await renderDesign(dailyInput('size', extra));
    const meta = await sharp(out.bytes).metadata();
    return [meta.width, meta.height];
  };

  it('keeps the aspect ratio when one side is given, then applies scale', async () => {
    expect(await size({ outputWidth: 540 })).toEqual([540, 540]);
    expect(await size({ outputHeight: 300, scale: 2 })).toEqual([600, 600]);
    expect(await size({ scale: 0.25 })).toEqual([270, 270]);
    expect(await size({ outputWidth: 400, outputHeight: 200 })).toEqual([400, 200]);
  });

  it('keeps the certificate aspect from a width alone', async () => {
    const out = await renderDesign({
      width: 842,
      height: 595,
      canvasData: certificate.canvasData,
      format: 'png',
      outputWidth: 1684,
      dynamicData: certificateData,
    });
    expect(await sharp(out.bytes).metadata()).toMatchObject({ width: 1684, height: 1190 });
  });

  it('refuses sizes beyond the limits, naming the field', async () => {
    await expect(renderDesign(dailyInput('x', { scale: 20 }))).rejects.toBeInstanceOf(
      RenderSizeError,
    );
    await expect(renderDesign(dailyInput('x', { outputWidth: -1 }))).rejects.toMatchObject({
      field: 'width',
    });
  });
});

describe('background', () => {
  it('renders a transparent background with alpha in png and white in jpg', async () => {
    const base: RenderJobInput = {
      width: 40,
      height: 40,
      format: 'png',
      canvasData: { elements: [] },
      background: 'transparent',
    };
    const png = await decode((await renderDesign(base)).bytes);
    expect(pixel(png, 5, 5)[3]).toBe(0);
    const jpg = await decode((await renderDesign({ ...base, format: 'jpg' })).bytes);
    expect(countDiffering(jpg, { x: 0, y: 0, w: 40, h: 40 }, [255, 255, 255], 2)).toBe(0);
  });

  it('uses the request background over the canvas background', async () => {
    const out = await decode(
      (
        await renderDesign({
          width: 20,
          height: 20,
          format: 'png',
          canvasData: { background: '#ff0000' },
          background: 'rgb(0, 0, 255)',
        })
      ).bytes,
    );
    expect(pixel(out, 10, 10)).toEqual([0, 0, 255, 255]);
  });
});

describe('hostile or sloppy element data', () => {
  it('renders instead of throwing when values have the wrong types', async () => {
    const out = await renderDesign({
      width: 120,
      height: 80,
      format: 'png',
      canvasData: {
        background: 'linear-gradient(nonsense)',
        elements: [
          {
            type: 'text',
            x: '10',
            y: null,
            width: 'wide',
            text: 12345,
            fontSize: '20px',
            fontWeight: {},
            textAlign: 7,
          },
          {
            type: 'rectangle',
            x: Number.NaN,
            width: -5,
            height: 1e9,
            fill: 42,
            borderRadius: 'round',
            stroke: '#000',
            strokeWidth: 'x',
          },
          { type: 'line', linePoints: [{ x: 'a' }, 'b', [1, 2], [3, 4]], lineDash: 'x,y' },
          { type: 'star', starPoints: 2, width: 10, height: 10 },
          { type: 'qr', width: 40, height: 40, qrValue: 'x'.repeat(5000) },
          { type: 'barcode', width: 60, height: 30, barcodeValue: 'ünïcödé\u0000' },
          { type: 'image', width: 20, height: 20, src: 'file:///etc/passwd' },
          { type: 'image', width: 20, height: 20, src: 'data:image/png;base64,bm90IGFuIGltYWdl' },
          {
            type: 'polygon',
            width: 20,
            height: 20,
            svgPath: 'M0 0 L10 10 Z"/><script/>',
            svgViewBox: '0 0 10 10',
          },
        ] as unknown as CanvasElement[],
      },
    });
    expect(await sharp(out.bytes).metadata()).toMatchObject({
      format: 'png',
      width: 120,
      height: 80,
    });
  });
});
