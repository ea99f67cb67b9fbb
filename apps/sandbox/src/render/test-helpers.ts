// Pixel helpers for the render tests: decode real output with sharp and read regions.
import sharp from 'sharp';
import { renderDesign } from './render-design.js';
import type { CanvasElement, RenderJobInput } from './types.js';

export interface Raster {
  width: number;
  height: number;
  channels: number;
  data: Buffer;
}

export async function decode(bytes: Uint8Array): Promise<Raster> {
  const { data, info } = await sharp(bytes)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: info.channels, data };
}

export function pixel(raster: Raster, x: number, y: number): [number, number, number, number] {
  const i = (y * raster.width + x) * raster.channels;
  return [raster.data[i]!, raster.data[i + 1]!, raster.data[i + 2]!, raster.data[i + 3]!];
}

/** Raw bytes of a rectangular region, for comparing regions between two renders. */
export function region(raster: Raster, x: number, y: number, w: number, h: number): Buffer {
  const rows: Buffer[] = [];
  for (let row = y; row < y + h; row++) {
    const start = (row * raster.width + x) * raster.channels;
    rows.push(raster.data.subarray(start, start + w * raster.channels));
  }
  return Buffer.concat(rows);
}

/** Pixels in a region whose RGB differs from `rgb` by more than `tolerance` on any channel. */
export function countDiffering(
  raster: Raster,
  box: { x: number; y: number; w: number; h: number },
  rgb: [number, number, number],
  tolerance = 8,
): number {
  let count = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const [r, g, b] = pixel(raster, x, y);
      if (
        Math.abs(r - rgb[0]) > tolerance ||
        Math.abs(g - rgb[1]) > tolerance ||
        Math.abs(b - rgb[2]) > tolerance
      ) {
        count += 1;
      }
    }
  }
  return count;
}

/** Renders a small canvas of the given elements to a decoded PNG. */
export async function renderElements(
  elements: CanvasElement[],
  options: Partial<RenderJobInput> & { width?: number; height?: number } = {},
): Promise<Raster> {
  const out = await renderDesign({
    width: options.width ?? 200,
    height: options.height ?? 200,
    canvasData: { background: '#ffffff', elements },
    format: 'png',
    ...options,
  });
  return decode(out.bytes);
}
