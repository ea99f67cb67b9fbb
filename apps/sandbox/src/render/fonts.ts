// Every font is one of the DejaVu faces shipped in `dejavu-fonts-ttf`, so text renders identically
// on a machine with no system fonts. Design font families map to Sans, Serif or Mono.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type FontMetrics, fontMetricsFor } from './font-metrics.js';

export type FontKind = 'sans' | 'serif' | 'mono';

export interface FontFace {
  /** CSS family resvg matches against the font files. */
  family: string;
  /** 200, 400 or 700: the weights the shipped files provide. */
  weight: number;
  italic: boolean;
  file: string;
  metrics: FontMetrics;
}

export const DEFAULT_FONT_FAMILY = 'DejaVu Sans';

const FAMILY_NAMES: Record<FontKind, string> = {
  sans: 'DejaVu Sans',
  serif: 'DejaVu Serif',
  mono: 'DejaVu Sans Mono',
};

const FILE_STEMS: Record<FontKind, string> = {
  sans: 'DejaVuSans',
  serif: 'DejaVuSerif',
  mono: 'DejaVuSansMono',
};

let fontDir: string | undefined;

export function fontDirectory(): string {
  if (fontDir === undefined) {
    const require = createRequire(import.meta.url);
    fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  }
  return fontDir;
}

const MONO = /mono|courier|consol|menlo|monaco|code|inconsolata/;
const SERIF =
  /serif|times|georgia|garamond|playfair|merriweather|lora|baskerville|didot|cormorant|crimson|bodoni|cambria|palatino/;

export function fontKind(fontFamily: unknown): FontKind {
  const family = typeof fontFamily === 'string' ? fontFamily.toLowerCase() : '';
  if (MONO.test(family)) return 'mono';
  if (SERIF.test(family) && !/sans[- ]?serif/.test(family)) return 'serif';
  return 'sans';
}

export function numericWeight(fontWeight: unknown): number {
  if (typeof fontWeight === 'number' && Number.isFinite(fontWeight)) return fontWeight;
  const value = String(fontWeight ?? 'normal')
    .toLowerCase()
    .trim();
  if (value === 'bold' || value === 'bolder') return 700;
  if (value === 'light' || value === 'lighter') return 300;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) ? parsed : 400;
}

export function resolveFontFace(
  fontFamily: unknown,
  fontWeight: unknown,
  fontStyle: unknown,
): FontFace {
  const kind = fontKind(fontFamily);
  const requested = numericWeight(fontWeight);
  const italic = fontStyle === 'italic' || fontStyle === 'oblique';
  const weight =
    requested >= 600 ? 700 : requested <= 300 && kind === 'sans' && !italic ? 200 : 400;
  const stem = FILE_STEMS[kind];
  let suffix = '';
  if (weight === 200) suffix = '-ExtraLight';
  else if (weight === 700 && italic) suffix = kind === 'serif' ? '-BoldItalic' : '-BoldOblique';
  else if (weight === 700) suffix = '-Bold';
  else if (italic) suffix = kind === 'serif' ? '-Italic' : '-Oblique';
  const file = join(fontDirectory(), `${stem}${suffix}.ttf`);
  return { family: FAMILY_NAMES[kind], weight, italic, file, metrics: fontMetricsFor(file) };
}
