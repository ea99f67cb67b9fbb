// One element, read defensively: types and property names normalised (tolerating name drift),
// numbers coerced, so each type's drawing code reads clean values.
import type { CanvasElement } from '../types.js';

const TYPE_ALIASES: Record<string, string> = {
  rect: 'rectangle',
  square: 'rectangle',
  ellipse: 'circle',
  qrcode: 'qr',
  'qr-code': 'qr',
  textbox: 'text',
  shape: 'rectangle',
};

export function toNumber(value: unknown, fallback: number): number {
  const parsed = typeof value === 'string' ? Number.parseFloat(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : fallback;
}

export function toText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : String(value);
}

export interface Element {
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rotation: number;
  opacity: number;
  visible: boolean;
  props: CanvasElement;
}

export function normalizeElement(raw: CanvasElement): Element {
  const lower = String(raw.type ?? '').toLowerCase();
  const type = TYPE_ALIASES[lower] ?? lower;
  const props: CanvasElement = { ...raw, type };
  if (props.text === undefined && props.content !== undefined) props.text = props.content;
  if (props.qrValue === undefined && props.qrData !== undefined) props.qrValue = props.qrData;
  if (props.barcodeValue === undefined && props.barcodeData !== undefined) {
    props.barcodeValue = props.barcodeData;
  }
  if (props.barcodeFontSize === undefined && props.barcodeTextSize !== undefined) {
    props.barcodeFontSize = props.barcodeTextSize;
  }
  if (type === 'text' && props.fill === undefined && props.color !== undefined) {
    props.fill = props.color;
  }
  return {
    type,
    x: toNumber(raw.x, 0),
    y: toNumber(raw.y, 0),
    width: Math.max(0, toNumber(raw.width, 0)),
    height: Math.max(0, toNumber(raw.height, 0)),
    rotation: toNumber(raw.rotation, 0),
    opacity: Math.min(1, Math.max(0, toNumber(raw.opacity, 1))),
    visible: raw.visible !== false && raw.hidden !== true,
    props,
  };
}

/** Reads `[{x, y}]` point lists (or `[[x, y]]`, or a flat `[x, y, …]`). */
export function toPoints(value: unknown): { x: number; y: number }[] {
  if (!Array.isArray(value)) return [];
  if (value.every((v) => typeof v === 'number')) {
    const points: { x: number; y: number }[] = [];
    for (let i = 0; i + 1 < value.length; i += 2)
      points.push({ x: value[i] as number, y: value[i + 1] as number });
    return points;
  }
  return value
    .map((point) => {
      if (Array.isArray(point))
        return { x: toNumber(point[0], Number.NaN), y: toNumber(point[1], Number.NaN) };
      if (point && typeof point === 'object') {
        const p = point as Record<string, unknown>;
        return { x: toNumber(p.x, Number.NaN), y: toNumber(p.y, Number.NaN) };
      }
      return { x: Number.NaN, y: Number.NaN };
    })
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}
