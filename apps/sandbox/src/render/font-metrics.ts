// Reads advance widths and vertical metrics from a TrueType file, so text wraps with the same
// widths resvg will draw with (the DejaVu fonts we ship). Kerning is ignored: wrapping keeps a margin.
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  unitsPerEm: number;
  /** Ascender and descender as fractions of the em (descender positive). */
  ascent: number;
  descent: number;
  /** Advance width of one character, in em. */
  advance(codePoint: number): number;
}

function tableOffsets(view: DataView): Map<string, number> {
  const tables = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    );
    tables.set(tag, view.getUint32(record + 8));
  }
  return tables;
}

type GlyphLookup = (codePoint: number) => number;

function format4(view: DataView, at: number): GlyphLookup {
  const segCount = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  return (c) => {
    if (c > 0xffff) return 0;
    for (let s = 0; s < segCount; s++) {
      if (view.getUint16(ends + s * 2) < c) continue;
      const start = view.getUint16(starts + s * 2);
      if (start > c) return 0;
      const delta = view.getInt16(deltas + s * 2);
      const rangeOffset = view.getUint16(rangeOffsets + s * 2);
      if (rangeOffset === 0) return (c + delta) & 0xffff;
      const glyph = view.getUint16(rangeOffsets + s * 2 + rangeOffset + 2 * (c - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function format12(view: DataView, at: number): GlyphLookup {
  const groups = view.getUint32(at + 12);
  return (c) => {
    for (let g = 0; g < groups; g++) {
      const record = at + 16 + g * 12;
      const start = view.getUint32(record);
      const end = view.getUint32(record + 4);
      if (c >= start && c <= end) return view.getUint32(record + 8) + (c - start);
    }
    return 0;
  };
}

function glyphLookup(view: DataView, cmap: number): GlyphLookup {
  const count = view.getUint16(cmap + 2);
  let best: GlyphLookup | undefined;
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8;
    const platform = view.getUint16(record);
    const encoding = view.getUint16(record + 2);
    const at = cmap + view.getUint32(record + 4);
    const format = view.getUint16(at);
    if (platform === 3 && encoding === 10 && format === 12) return format12(view, at);
    if (platform === 3 && encoding === 1 && format === 4) best = format4(view, at);
  }
  return best ?? (() => 0);
}

export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(view);
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const hmtx = tables.get('hmtx');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error('Not a TrueType font with head, hhea, hmtx and cmap tables');
  }
  const unitsPerEm = view.getUint16(head + 18);
  const metricsCount = view.getUint16(hhea + 34);
  const lookup = glyphLookup(view, cmap);
  const cache = new Map<number, number>();
  const advanceOfGlyph = (glyph: number) =>
    view.getUint16(hmtx + Math.min(glyph, metricsCount - 1) * 4) / unitsPerEm;
  return {
    unitsPerEm,
    ascent: view.getInt16(hhea + 4) / unitsPerEm,
    descent: -view.getInt16(hhea + 6) / unitsPerEm,
    advance(codePoint) {
      let width = cache.get(codePoint);
      if (width === undefined) {
        width = advanceOfGlyph(lookup(codePoint));
        cache.set(codePoint, width);
      }
      return width;
    },
  };
}

const loaded = new Map<string, FontMetrics>();

export function fontMetricsFor(file: string): FontMetrics {
  let metrics = loaded.get(file);
  if (metrics === undefined) {
    metrics = parseFontMetrics(new Uint8Array(readFileSync(file)));
    loaded.set(file, metrics);
  }
  return metrics;
}
