// Input validation: every field is checked before any work, and every error names its field.
import type { OutputFormat } from '../render/types.js';
import { elementKeys } from './design-fields.js';
import { invalid, invalidElement, malformed } from './errors.js';
import type { DesignRecord, RenderRequest } from './model.js';

export type JsonObject = Record<string, unknown>;

const FORMATS: Record<string, OutputFormat> = {
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  webp: 'webp',
  pdf: 'pdf',
  svg: 'svg',
};

export const LIMITS = {
  side: 10_000,
  scaledSide: 16_384,
  megapixels: 100,
  reference: 256,
  batch: 100,
} as const;

export function parseJsonBody(raw: Uint8Array | undefined): JsonObject {
  const text = raw ? new TextDecoder().decode(raw) : '';
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw malformed('body', 'the request body is not valid JSON');
  }
  if (!isObject(value)) throw malformed('body', 'the request body must be a JSON object');
  return value;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optionalString(body: JsonObject, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw malformed(field, 'must be a string');
  return value;
}

function optionalNumber(body: JsonObject, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw malformed(field, 'must be a number');
  return value;
}

function intInRange(body: JsonObject, field: string, min: number, max: number) {
  const value = optionalNumber(body, field);
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `must be an integer from ${min} to ${max.toLocaleString('en-US')}`);
  }
  return value;
}

function httpUrl(field: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw invalid(field, 'must be an absolute http(s) URL');
  }
  return value;
}

/** The callback URL, accepted as `webhook`, `webhookUrl` or `callbackUrl`. */
export function callbackUrlOf(body: JsonObject): string | undefined {
  for (const field of ['webhook', 'webhookUrl', 'callbackUrl']) {
    const value = optionalString(body, field);
    if (value) return httpUrl(field, value);
  }
  return undefined;
}

/** Checks the shape of a render body (no design lookup yet). `prefix` names fields inside a batch. */
export function parseRenderInput(body: JsonObject, designIdFromPath?: string): RenderRequest {
  const designId = designIdFromPath ?? optionalString(body, 'designId');
  const templateId = designIdFromPath ? undefined : optionalString(body, 'templateId');
  if (!designId && !templateId) throw invalid('designId', 'designId or templateId is required');
  if (designId && templateId) throw invalid('templateId', 'send designId or templateId, not both');
  const formatRaw = optionalString(body, 'format') ?? 'png';
  const format = FORMATS[formatRaw.toLowerCase()];
  if (!format) throw invalid('format', 'must be one of png, jpg, jpeg, webp, pdf, svg');
  const scale = optionalNumber(body, 'scale');
  if (scale !== undefined && (scale < 0.1 || scale > 5)) {
    throw invalid('scale', 'must be from 0.1 to 5');
  }
  const dynamicData = body.dynamicData;
  if (dynamicData !== undefined && dynamicData !== null && !isObject(dynamicData)) {
    throw malformed('dynamicData', 'must be an object of {key: value}');
  }
  const dynamicElements = body.dynamicElements;
  if (dynamicElements !== undefined && dynamicElements !== null) {
    if (!isObject(dynamicElements)) {
      throw malformed('dynamicElements', 'must be an object of {elementIdOrName: {…overrides}}');
    }
    for (const [key, value] of Object.entries(dynamicElements)) {
      if (!isObject(value)) throw malformed(`dynamicElements.${key}`, 'must be an object');
    }
  }
  const reference = optionalString(body, 'reference');
  if (reference !== undefined && reference.length > LIMITS.reference) {
    throw invalid('reference', `must be at most ${LIMITS.reference} characters`);
  }
  return {
    designId,
    templateId,
    format,
    quality: intInRange(body, 'quality', 1, 100),
    width: intInRange(body, 'width', 1, LIMITS.side),
    height: intInRange(body, 'height', 1, LIMITS.side),
    scale,
    dynamicData: (dynamicData as Record<string, unknown> | undefined) ?? undefined,
    dynamicElements:
      (dynamicElements as Record<string, Record<string, unknown>> | undefined) ?? undefined,
    background: optionalString(body, 'background'),
    reference,
    callbackUrl: callbackUrlOf(body),
  };
}

/** Output size in px after the width/height override (aspect kept for one side) and the scale. */
export function outputSize(request: RenderRequest, design: DesignRecord) {
  let width = request.width ?? design.width;
  let height = request.height ?? design.height;
  if (request.width !== undefined && request.height === undefined) {
    height = Math.round((request.width * design.height) / design.width);
  } else if (request.height !== undefined && request.width === undefined) {
    width = Math.round((request.height * design.width) / design.height);
  }
  const scale = request.scale ?? 1;
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Checks that need the design: output size limits and dynamicElements keys. */
export function checkAgainstDesign(request: RenderRequest, design: DesignRecord): void {
  const size = outputSize(request, design);
  const field =
    request.scale !== undefined ? 'scale' : request.width !== undefined ? 'width' : 'height';
  const limit = `at most ${LIMITS.scaledSide.toLocaleString('en-US')} px a side and ${LIMITS.megapixels} megapixels`;
  if (size.width > LIMITS.scaledSide || size.height > LIMITS.scaledSide) {
    throw invalid(field, `the output would be ${size.width}×${size.height} px; ${limit}`);
  }
  if (size.width * size.height > LIMITS.megapixels * 1_000_000) {
    throw invalid(field, `the output would be ${size.width}×${size.height} px; ${limit}`);
  }
  if (request.dynamicElements) {
    const keys = elementKeys(design);
    for (const key of Object.keys(request.dynamicElements)) {
      if (!keys.has(key)) throw invalidElement(key);
    }
  }
}

export interface PageQuery {
  page: number;
  limit: number;
}

/** Reference 8.10: page < 1 or not an integer → 400; limit clamps to 1–100 (default 20). */
export function parsePageQuery(query: (name: string) => string | undefined): PageQuery {
  const pageRaw = query('page');
  const limitRaw = query('limit');
  let page = 1;
  if (pageRaw !== undefined) {
    page = Number(pageRaw);
    if (!/^-?\d+$/.test(pageRaw) || page < 1) throw malformed('page', 'must be an integer ≥ 1');
  }
  let limit = 20;
  if (limitRaw !== undefined) {
    const parsed = Number(limitRaw);
    if (!/^-?\d+$/.test(limitRaw)) throw malformed('limit', 'must be an integer');
    limit = Math.min(100, Math.max(1, parsed));
  }
  return { page, limit };
}

export function paginate<T>(items: T[], { page, limit }: PageQuery) {
  const total = items.length;
  const totalPages = Math.ceil(total / limit);
  const slice = items.slice((page - 1) * limit, page * limit);
  return { slice, pagination: { page, limit, total, totalPages } };
}
