import { validationError } from '../errors/index.js';
import { normalizeFormat, type RenderFormat } from '../schemas/render.js';

/** What to render. Exactly one of `designId` / `templateId`. */
export interface RenderInput {
  designId?: string;
  templateId?: string;
  /** `jpeg` is accepted and sent as `jpg`. */
  format?: RenderFormat | 'jpeg';
  quality?: number;
  width?: number;
  height?: number;
  scale?: number;
  dynamicData?: Record<string, unknown>;
  dynamicElements?: Record<string, Record<string, unknown>>;
  /** Where Canvelete should POST when the render finishes; sent as `webhook`. */
  callbackUrl?: string;
  /** Your correlation string (≤ 256 characters); comes back on the render and its webhooks. */
  reference?: string;
}

export const RENDER_LIMITS = {
  minSide: 1,
  maxSide: 10_000,
  minScale: 0.1,
  maxScale: 5,
  maxScaledSide: 16_384,
  maxMegapixels: 100,
  minQuality: 1,
  maxQuality: 100,
  maxReferenceLength: 256,
} as const;

const FORMAT_LIST = 'png, jpg (or jpeg), webp, pdf or svg';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkSide(fieldName: string, value: unknown): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw validationError(fieldName, `must be a whole number of pixels, got ${String(value)}`);
  }
  if (value < RENDER_LIMITS.minSide || value > RENDER_LIMITS.maxSide) {
    throw validationError(
      fieldName,
      `must be between ${RENDER_LIMITS.minSide} and ${RENDER_LIMITS.maxSide} pixels, got ${value}`,
    );
  }
}

/**
 * Checks a render request before anything is sent, and returns it with the format normalised
 * (`jpeg` → `jpg`). Throws VALIDATION_ERROR naming the field (`details.field`).
 */
export function validateRenderInput(input: RenderInput, fieldPrefix = ''): RenderInput {
  const field = (name: string) => `${fieldPrefix}${name}`;
  if (!isPlainObject(input)) throw validationError(field('designId'), 'the render input is empty');
  const hasDesign = typeof input.designId === 'string' && input.designId.trim() !== '';
  const hasTemplate = typeof input.templateId === 'string' && input.templateId.trim() !== '';
  if (hasDesign === hasTemplate) {
    throw validationError(
      field(hasDesign ? 'templateId' : 'designId'),
      hasDesign
        ? 'give either designId or templateId, not both'
        : 'give the id of the design (designId) or template (templateId) to render',
    );
  }
  let format: RenderFormat | undefined;
  if (input.format !== undefined) {
    format = typeof input.format === 'string' ? normalizeFormat(input.format) : undefined;
    if (!format) {
      throw validationError(field('format'), `must be ${FORMAT_LIST}, got ${String(input.format)}`);
    }
  }
  const { quality, scale } = input;
  const width = input.width as number | undefined;
  const height = input.height as number | undefined;
  if (quality !== undefined) {
    if (
      typeof quality !== 'number' ||
      !Number.isInteger(quality) ||
      quality < RENDER_LIMITS.minQuality ||
      quality > RENDER_LIMITS.maxQuality
    ) {
      throw validationError(
        field('quality'),
        `must be a whole number from 1 to 100, got ${quality}`,
      );
    }
  }
  checkSide(field('width'), width);
  checkSide(field('height'), height);
  if (scale !== undefined) {
    if (
      typeof scale !== 'number' ||
      !Number.isFinite(scale) ||
      scale < RENDER_LIMITS.minScale ||
      scale > RENDER_LIMITS.maxScale
    ) {
      throw validationError(field('scale'), `must be between 0.1 and 5, got ${scale}`);
    }
  }
  const factor = scale ?? 1;
  for (const [name, side] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (side !== undefined && side * factor > RENDER_LIMITS.maxScaledSide) {
      throw validationError(
        field(scale === undefined ? name : 'scale'),
        `the output ${name} would be ${Math.round(side * factor)} px; the maximum is ${RENDER_LIMITS.maxScaledSide} px a side`,
      );
    }
  }
  if (width !== undefined && height !== undefined) {
    const megapixels = (width * factor * height * factor) / 1_000_000;
    if (megapixels > RENDER_LIMITS.maxMegapixels) {
      throw validationError(
        field(scale === undefined ? 'width' : 'scale'),
        `the output would be ${megapixels.toFixed(1)} megapixels; the maximum is ${RENDER_LIMITS.maxMegapixels}`,
      );
    }
  }
  if (input.reference !== undefined) {
    if (typeof input.reference !== 'string') {
      throw validationError(field('reference'), 'must be a string');
    }
    if (input.reference.length > RENDER_LIMITS.maxReferenceLength) {
      throw validationError(
        field('reference'),
        `must be at most ${RENDER_LIMITS.maxReferenceLength} characters, got ${input.reference.length}`,
      );
    }
  }
  validateCallbackUrl(input.callbackUrl, field('callbackUrl'));
  if (input.dynamicData !== undefined && !isPlainObject(input.dynamicData)) {
    throw validationError(field('dynamicData'), 'must be an object of variable names to values');
  }
  if (input.dynamicElements !== undefined) {
    if (!isPlainObject(input.dynamicElements)) {
      throw validationError(
        field('dynamicElements'),
        'must be an object of element names to properties',
      );
    }
    for (const [key, value] of Object.entries(input.dynamicElements)) {
      if (!isPlainObject(value)) {
        throw validationError(field(`dynamicElements.${key}`), 'must be an object of properties');
      }
    }
  }
  return format === undefined ? { ...input } : { ...input, format };
}

/** A callback URL must be http(s); undefined is fine. */
export function validateCallbackUrl(value: unknown, fieldName = 'callbackUrl'): void {
  if (value !== undefined && !isHttpUrl(value)) {
    throw validationError(fieldName, 'must be an http(s) URL');
  }
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The JSON body the render endpoints take for an (already validated) input. */
export function renderRequestBody(input: RenderInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const copy = (key: string, value: unknown) => {
    if (value !== undefined) body[key] = value;
  };
  copy('designId', input.designId);
  copy('templateId', input.templateId);
  copy('format', input.format === 'jpeg' ? 'jpg' : input.format);
  copy('quality', input.quality);
  copy('width', input.width);
  copy('height', input.height);
  copy('scale', input.scale);
  copy('dynamicData', input.dynamicData);
  copy('dynamicElements', input.dynamicElements);
  copy('webhook', input.callbackUrl);
  copy('reference', input.reference);
  return body;
}
