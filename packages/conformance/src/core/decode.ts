// Decoding rendered files: rendering is checked by what the file contains, never by magic bytes alone.
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';

export interface RasterInfo {
  width: number;
  height: number;
  /** sharp's name: png, jpeg, webp, svg. */
  format: string;
}

/** Decodes a raster (or SVG) file and returns its real size and format. */
export async function rasterInfo(bytes: Uint8Array): Promise<RasterInfo> {
  const metadata = await sharp(bytes).metadata();
  return {
    width: metadata.width ?? 0,
    height: metadata.height ?? 0,
    format: metadata.format ?? 'unknown',
  };
}

/** The RGB colour of one pixel of a decoded raster. */
export async function pixelAt(
  bytes: Uint8Array,
  x: number,
  y: number,
): Promise<[number, number, number]> {
  const { data, info } = await sharp(bytes)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return [data[offset] ?? -1, data[offset + 1] ?? -1, data[offset + 2] ?? -1];
}

/** True when two colours are within `tolerance` on every channel (JPEG/WebP are lossy). */
export function closeTo(
  actual: [number, number, number],
  expected: [number, number, number],
  tolerance = 12,
): boolean {
  return actual.every((value, index) => Math.abs(value - (expected[index] ?? 0)) <= tolerance);
}

/** Are two rasters pixel-for-pixel equal once decoded (alpha dropped)? */
export async function samePixels(a: Uint8Array, b: Uint8Array): Promise<boolean> {
  const [left, right] = await Promise.all(
    [a, b].map((bytes) => sharp(bytes).removeAlpha().raw().toBuffer()),
  );
  return Boolean(left && right && left.equals(right));
}

/** Page count and the first page's size in PDF points. */
export async function pdfInfo(
  bytes: Uint8Array,
): Promise<{ pages: number; width: number; height: number }> {
  const pdf = await PDFDocument.load(bytes);
  const first = pdf.getPage(0).getSize();
  return { pages: pdf.getPageCount(), width: first.width, height: first.height };
}
