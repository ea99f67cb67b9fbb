// Turns design colours (hex, rgb(a), hsl(a), names, 'transparent', CSS linear/radial gradients)
// into SVG paint attributes.
import { parseColor, toHex } from '../color.js';
import { attrs, num } from '../xml.js';
import type { SvgContext } from './context.js';

export interface Paint {
  paint: string;
  opacity?: number;
}

function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of value) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') parts.push(current.trim());
  return parts;
}

const SIDES: Record<string, number> = {
  'to top': 0,
  'to right': 90,
  'to bottom': 180,
  'to left': 270,
  'to top right': 45,
  'to right top': 45,
  'to bottom right': 135,
  'to right bottom': 135,
  'to bottom left': 225,
  'to left bottom': 225,
  'to top left': 315,
  'to left top': 315,
};

function gradientStops(parts: string[]): string | undefined {
  const stops = parts.map((part, index) => {
    const match = /^(.*?)\s+(-?[\d.]+)%$/.exec(part);
    const color = parseColor(match ? match[1] : part);
    const offset = match ? Number(match[2]) / 100 : index / Math.max(1, parts.length - 1);
    return color === undefined ? undefined : { color, offset };
  });
  if (stops.length < 2 || stops.some((stop) => stop === undefined)) return undefined;
  return stops
    .map(
      (stop) =>
        `<stop${attrs({
          offset: Math.min(1, Math.max(0, stop!.offset)),
          'stop-color': toHex(stop!.color),
          'stop-opacity': stop!.color.a < 1 ? stop!.color.a : undefined,
        })}/>`,
    )
    .join('');
}

function gradient(ctx: SvgContext, value: string): string | undefined {
  const match = /^(linear|radial)-gradient\((.*)\)$/is.exec(value.trim());
  if (match === null) return undefined;
  const parts = splitTopLevel(match[2]!);
  const id = ctx.nextId('g');
  if (match[1]!.toLowerCase() === 'radial') {
    if (parts[0] !== undefined && parseColor(parts[0].split(/\s+/)[0]) === undefined) parts.shift();
    const stops = gradientStops(parts);
    if (stops === undefined) return undefined;
    ctx.defs.push(
      `<radialGradient id="${id}" cx="0.5" cy="0.5" r="0.7071">${stops}</radialGradient>`,
    );
    return `url(#${id})`;
  }
  let angle = 180;
  const first = parts[0]?.toLowerCase() ?? '';
  if (/^-?[\d.]+deg$/.test(first)) {
    angle = Number.parseFloat(first);
    parts.shift();
  } else if (first in SIDES) {
    angle = SIDES[first]!;
    parts.shift();
  }
  const stops = gradientStops(parts);
  if (stops === undefined) return undefined;
  const radians = (angle * Math.PI) / 180;
  const dx = Math.sin(radians) / 2;
  const dy = -Math.cos(radians) / 2;
  ctx.defs.push(
    `<linearGradient id="${id}" x1="${num(0.5 - dx)}" y1="${num(0.5 - dy)}" x2="${num(0.5 + dx)}" y2="${num(0.5 + dy)}">${stops}</linearGradient>`,
  );
  return `url(#${id})`;
}

/** Resolves a colour or gradient; anything unparsable falls back (undefined fallback → 'none'). */
export function toPaint(ctx: SvgContext, value: unknown, fallback?: string): Paint {
  if (typeof value === 'string' && value.trim() !== '' && value.trim() !== 'none') {
    if (/gradient\(/i.test(value)) {
      const url = gradient(ctx, value);
      if (url !== undefined) return { paint: url };
    } else {
      const color = parseColor(value);
      if (color !== undefined) {
        if (color.a === 0) return { paint: 'none' };
        return { paint: toHex(color), opacity: color.a < 1 ? color.a : undefined };
      }
    }
  }
  if (value === 'none') return { paint: 'none' };
  return fallback === undefined ? { paint: 'none' } : toPaint(ctx, fallback);
}

export function fillAttrs(ctx: SvgContext, value: unknown, fallback?: string) {
  const { paint, opacity } = toPaint(ctx, value, fallback);
  return { fill: paint, 'fill-opacity': opacity };
}

export function strokeAttrs(ctx: SvgContext, value: unknown, width: number, dash?: string) {
  if (!(width > 0)) return {};
  const { paint, opacity } = toPaint(ctx, value);
  if (paint === 'none') return {};
  return {
    stroke: paint,
    'stroke-opacity': opacity,
    'stroke-width': width,
    'stroke-dasharray': dash,
  };
}

/** A drop-shadow filter (`feDropShadow`); returns the filter reference. */
export function shadowFilter(
  ctx: SvgContext,
  dx: number,
  dy: number,
  blur: number,
  colorValue: unknown,
): string | undefined {
  const color = parseColor(colorValue) ?? { r: 0, g: 0, b: 0, a: 0.35 };
  if (color.a === 0) return undefined;
  const id = ctx.nextId('f');
  ctx.defs.push(
    `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feDropShadow${attrs({
      dx,
      dy,
      stdDeviation: Math.max(0, blur / 2),
      'flood-color': toHex(color),
      'flood-opacity': color.a,
    })}/></filter>`,
  );
  return `url(#${id})`;
}

/** Parses a CSS box-shadow (`2px 4px 8px rgba(0,0,0,.2)`); only the first shadow is used. */
export function boxShadowFilter(ctx: SvgContext, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '' || value.trim() === 'none') return undefined;
  const first = splitTopLevel(value)[0] ?? '';
  const tokens = first.match(/(?:rgba?|hsla?)\([^)]*\)|\S+/gi) ?? [];
  const lengths: number[] = [];
  let color: string | undefined;
  for (const token of tokens) {
    if (/^-?[\d.]+(px)?$/.test(token)) lengths.push(Number.parseFloat(token));
    else if (token !== 'inset') color = token;
  }
  if (lengths.length < 2) return undefined;
  return shadowFilter(ctx, lengths[0]!, lengths[1]!, lengths[2] ?? 0, color);
}
