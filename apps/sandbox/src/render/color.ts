// CSS colour parsing. SVG output always uses `#rrggbb` plus a separate opacity, which every SVG
// renderer understands (rgba() and #rrggbbaa are not SVG 1.1).
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const NAMED: Record<string, string> = {
  black: '000000',
  white: 'ffffff',
  red: 'ff0000',
  green: '008000',
  blue: '0000ff',
  yellow: 'ffff00',
  orange: 'ffa500',
  purple: '800080',
  pink: 'ffc0cb',
  gray: '808080',
  grey: '808080',
  silver: 'c0c0c0',
  navy: '000080',
  teal: '008080',
  maroon: '800000',
  olive: '808000',
  lime: '00ff00',
  aqua: '00ffff',
  cyan: '00ffff',
  fuchsia: 'ff00ff',
  magenta: 'ff00ff',
  brown: 'a52a2a',
  gold: 'ffd700',
  indigo: '4b0082',
  violet: 'ee82ee',
  coral: 'ff7f50',
  salmon: 'fa8072',
  beige: 'f5f5dc',
  ivory: 'fffff0',
  crimson: 'dc143c',
  tomato: 'ff6347',
  turquoise: '40e0d0',
  lightgray: 'd3d3d3',
  lightgrey: 'd3d3d3',
  darkgray: 'a9a9a9',
  darkgrey: 'a9a9a9',
  whitesmoke: 'f5f5f5',
  skyblue: '87ceeb',
};

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function channel(part: string): number {
  const value = part.trim();
  if (value.endsWith('%')) return clamp((Number.parseFloat(value) / 100) * 255, 0, 255);
  return clamp(Number.parseFloat(value), 0, 255);
}

function alpha(part: string | undefined): number {
  if (part === undefined) return 1;
  const value = part.trim();
  const parsed = value.endsWith('%') ? Number.parseFloat(value) / 100 : Number.parseFloat(value);
  return clamp(parsed, 0, 1);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

function parseHex(hex: string): Rgba | undefined {
  if (!/^[0-9a-f]+$/.test(hex) || ![3, 4, 6, 8].includes(hex.length)) return undefined;
  const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
  const byte = (i: number) => Number.parseInt(full.slice(i, i + 2), 16);
  return { r: byte(0), g: byte(2), b: byte(4), a: full.length === 8 ? byte(6) / 255 : 1 };
}

export function parseColor(input: unknown): Rgba | undefined {
  if (typeof input !== 'string') return undefined;
  const value = input.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (value.startsWith('#')) return parseHex(value.slice(1));
  const named = NAMED[value];
  if (named !== undefined) return parseHex(named);
  const fn = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(value);
  if (fn === null) return undefined;
  const parts = fn[2]!.split(/[\s,/]+/).filter((p) => p !== '');
  if (parts.length < 3 || parts.length > 4) return undefined;
  if (parts.some((p) => Number.isNaN(Number.parseFloat(p)))) return undefined;
  if (fn[1]!.startsWith('rgb')) {
    return {
      r: channel(parts[0]!),
      g: channel(parts[1]!),
      b: channel(parts[2]!),
      a: alpha(parts[3]),
    };
  }
  const [r, g, b] = hslToRgb(
    ((Number.parseFloat(parts[0]!) % 360) + 360) % 360,
    clamp(Number.parseFloat(parts[1]!) / 100, 0, 1),
    clamp(Number.parseFloat(parts[2]!) / 100, 0, 1),
  );
  return { r, g, b, a: alpha(parts[3]) };
}

export function isValidColor(input: unknown): boolean {
  return parseColor(input) !== undefined;
}

export function toHex({ r, g, b }: Rgba): string {
  const hex = (v: number) => Math.round(v).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`;
}
