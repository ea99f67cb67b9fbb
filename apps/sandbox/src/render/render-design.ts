// renderDesign: dynamic content → SVG → the requested format (resvg raster, sharp, pdf-lib).
import { Resvg } from '@resvg/resvg-js';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { applyDynamicContent } from './dynamic-content.js';
import { DEFAULT_FONT_FAMILY, resolveFontFace } from './fonts.js';
import { loadImages } from './load-images.js';
import { computeOutputSize, MAX_PIXELS, MAX_SIDE } from './output-size.js';
import { composeSvg } from './svg/compose.js';
import type { OutputFormat, RenderJobInput, RenderJobOutput } from './types.js';

export { computeOutputSize };

const CONTENT_TYPES: Record<OutputFormat, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
};

function rasterize(svg: string, fontFiles: string[], width: number): Buffer {
  // The default face is always available: resvg falls back to it for any unknown family.
  const files = new Set([resolveFontFace(undefined, 'normal', 'normal').file, ...fontFiles]);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: [...files], defaultFontFamily: DEFAULT_FONT_FAMILY },
  });
  return resvg.render().asPng();
}

/** PDF pages are drawn at 2× the page size when that stays within the raster limits. */
function pdfRasterFactor(width: number, height: number): number {
  const factor = 2;
  const fits =
    width * factor <= MAX_SIDE &&
    height * factor <= MAX_SIDE &&
    width * height * factor ** 2 <= MAX_PIXELS;
  return fits ? factor : 1;
}

async function toPdf(png: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  // The page is a JPEG of the raster (pdf-lib embeds JPEG bytes as they are; re-encoding a large
  // PNG in JavaScript is ten times slower). PDF pages are white, so transparency is flattened.
  const jpeg = await sharp(png).flatten({ background: '#ffffff' }).jpeg({ quality: 92 }).toBuffer();
  // updateMetadata: false keeps dates out, so the same input always gives the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const image = await pdf.embedJpg(jpeg);
  const page = pdf.addPage([width, height]);
  page.drawImage(image, { x: 0, y: 0, width, height });
  return pdf.save();
}

function quality(input: RenderJobInput): number {
  const q = input.quality ?? 90;
  return Math.min(100, Math.max(1, Math.round(q)));
}

export async function renderDesign(input: RenderJobInput): Promise<RenderJobOutput> {
  const { width, height } = computeOutputSize(input);
  const format = input.format;
  if (!(format in CONTENT_TYPES)) throw new RangeError(`unknown format "${String(format)}"`);
  const canvas = applyDynamicContent(
    input.canvasData ?? {},
    input.dynamicData ?? {},
    input.dynamicElements ?? {},
  );
  const elements = Array.isArray(canvas.elements) ? canvas.elements : [];
  const images = await loadImages(elements, input);
  const render = (outputWidth: number, outputHeight: number) =>
    composeSvg({
      width: input.width,
      height: input.height,
      outputWidth,
      outputHeight,
      elements,
      background: input.background ?? canvas.background,
      images,
    });

  let bytes: Uint8Array;
  if (format === 'svg') {
    bytes = new TextEncoder().encode(render(width, height).svg);
  } else if (format === 'pdf') {
    const factor = pdfRasterFactor(width, height);
    const { svg, fontFiles } = render(width * factor, height * factor);
    bytes = await toPdf(rasterize(svg, fontFiles, width * factor), width, height);
  } else {
    const { svg, fontFiles } = render(width, height);
    const png = rasterize(svg, fontFiles, width);
    if (format === 'png') bytes = png;
    else if (format === 'jpg') {
      bytes = await sharp(png)
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: quality(input) })
        .toBuffer();
    } else
      bytes = await sharp(png)
        .webp({ quality: quality(input) })
        .toBuffer();
  }
  return {
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    contentType: CONTENT_TYPES[format],
    format,
    width,
    height,
  };
}
