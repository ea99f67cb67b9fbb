// Output size rules (reference 8.4): width/height override, one alone keeps the aspect ratio,
// then × scale. Limits follow ARCHITECTURE: 16,384 px a side and 100 megapixels after scaling.
import type { RenderJobInput } from './types.js';

export const MAX_SIDE = 16_384;
export const MAX_PIXELS = 100_000_000;

export class RenderSizeError extends RangeError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'RenderSizeError';
  }
}

function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RenderSizeError(field, `${field} must be a positive number`);
  }
  return value;
}

export function computeOutputSize(
  input: Pick<RenderJobInput, 'width' | 'height' | 'outputWidth' | 'outputHeight' | 'scale'>,
): { width: number; height: number } {
  const designWidth = positive(input.width, 'width');
  const designHeight = positive(input.height, 'height');
  const ow = input.outputWidth === undefined ? undefined : positive(input.outputWidth, 'width');
  const oh = input.outputHeight === undefined ? undefined : positive(input.outputHeight, 'height');
  let width = designWidth;
  let height = designHeight;
  if (ow !== undefined && oh !== undefined) {
    width = ow;
    height = oh;
  } else if (ow !== undefined) {
    width = ow;
    height = (ow * designHeight) / designWidth;
  } else if (oh !== undefined) {
    height = oh;
    width = (oh * designWidth) / designHeight;
  }
  const scale = input.scale === undefined ? 1 : positive(input.scale, 'scale');
  const out = {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
  if (out.width > MAX_SIDE || out.height > MAX_SIDE) {
    throw new RenderSizeError(
      out.width > MAX_SIDE ? 'width' : 'height',
      `the output would be ${out.width}×${out.height} px; at most ${MAX_SIDE} px a side`,
    );
  }
  if (out.width * out.height > MAX_PIXELS) {
    throw new RenderSizeError('scale', `the output would exceed ${MAX_PIXELS / 1e6} megapixels`);
  }
  return out;
}
