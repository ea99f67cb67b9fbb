// Applies a render request's dynamicData and dynamicElements to a design (reference section 8.5).
import { type CanvasData, type CanvasElement, InvalidElementError } from './types.js';

/** Properties that may hold `{{key}}` placeholders, including the older names we tolerate. */
const PLACEHOLDER_PROPS = [
  'text',
  'content',
  'src',
  'qrValue',
  'qrData',
  'barcodeValue',
  'barcodeData',
  'tableCsvUrl',
] as const;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Looks a key up as a flat key first, then as a dotted path into nested objects and arrays. */
export function lookupValue(data: Record<string, unknown>, key: string): unknown {
  if (Object.hasOwn(data, key)) return data[key];
  if (!key.includes('.')) return undefined;
  let current: unknown = data;
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, part)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  return JSON.stringify(value) ?? '';
}

/** Replaces every `{{ key }}`; keys without a value become the empty string. */
export function fillPlaceholders(template: string, data: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_match, key: string) => stringify(lookupValue(data, key)));
}

export function hasPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /\{\{\s*[^{}]*?\s*\}\}/.test(value);
}

/** The property an `isDynamic` element named after a key receives that key's value in. */
export function primaryProperty(element: CanvasElement): string | undefined {
  const type = String(element.type).toLowerCase();
  if (type === 'text')
    return element.text === undefined && 'content' in element ? 'content' : 'text';
  if (type === 'image' || type === 'svg') return 'src';
  if (type === 'qr' || type === 'qrcode') {
    return element.qrValue === undefined && 'qrData' in element ? 'qrData' : 'qrValue';
  }
  if (type === 'barcode') {
    return element.barcodeValue === undefined && 'barcodeData' in element
      ? 'barcodeData'
      : 'barcodeValue';
  }
  return undefined;
}

function applyData(element: CanvasElement, data: Record<string, unknown>): CanvasElement {
  const next: CanvasElement = { ...element };
  const primary = primaryProperty(element);
  if (element.isDynamic === true && typeof element.name === 'string' && primary !== undefined) {
    const value = lookupValue(data, element.name);
    if (value !== undefined && !hasPlaceholder(element[primary])) {
      next[primary] = stringify(value);
      return fillOtherProps(next, data, primary);
    }
  }
  return fillOtherProps(next, data, undefined);
}

function fillOtherProps(
  element: CanvasElement,
  data: Record<string, unknown>,
  skip: string | undefined,
): CanvasElement {
  for (const prop of PLACEHOLDER_PROPS) {
    const value = element[prop];
    if (prop !== skip && typeof value === 'string') element[prop] = fillPlaceholders(value, data);
  }
  return element;
}

function mergeOverride(
  element: CanvasElement,
  override: Record<string, unknown>,
  data: Record<string, unknown>,
): CanvasElement {
  const next: CanvasElement = { ...element };
  const isText = String(element.type).toLowerCase() === 'text';
  for (const [key, value] of Object.entries(override)) {
    if (UNSAFE_KEYS.has(key)) continue;
    // An override may itself carry placeholders; they are filled from the same dynamicData.
    next[key] =
      typeof value === 'string' && (PLACEHOLDER_PROPS as readonly string[]).includes(key)
        ? fillPlaceholders(value, data)
        : value;
  }
  if (override.fit !== undefined) next.objectFit = override.fit;
  if (isText && override.color !== undefined) next.fill = override.color;
  if (isText && override.text !== undefined && 'content' in element && element.text === undefined) {
    next.content = next.text;
  }
  return next;
}

/**
 * Returns a new canvas with the dynamic content applied; the input is never mutated.
 * Throws InvalidElementError when a dynamicElements key names no element.
 */
export function applyDynamicContent(
  canvasData: CanvasData,
  dynamicData: Record<string, unknown> = {},
  dynamicElements: Record<string, Record<string, unknown>> = {},
): CanvasData {
  const data = dynamicData ?? {};
  // Entries that are not objects are dropped: they cannot be drawn or addressed.
  const source = Array.isArray(canvasData.elements) ? canvasData.elements : [];
  let elements = source
    .filter((element) => element !== null && typeof element === 'object' && !Array.isArray(element))
    .map((element) => applyData(element, data));

  for (const [key, override] of Object.entries(dynamicElements ?? {})) {
    const byId = elements.some((element) => element.id === key);
    const matches = (element: CanvasElement) => (byId ? element.id === key : element.name === key);
    if (!elements.some(matches)) throw new InvalidElementError(key);
    if (override === null || typeof override !== 'object' || Array.isArray(override)) continue;
    elements = elements.map((element) =>
      matches(element) ? mergeOverride(element, override, data) : element,
    );
  }

  return { ...canvasData, elements };
}
