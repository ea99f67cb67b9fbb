import { describe, expect, it } from 'vitest';
import { isValidColor, parseColor, toHex } from './color.js';

describe('colours', () => {
  it.each([
    ['#f00', '#ff0000', 1],
    ['#FF000080', '#ff0000', 128 / 255],
    ['rgb(0, 128, 255)', '#0080ff', 1],
    ['rgba(0,0,0,0.25)', '#000000', 0.25],
    ['hsl(120, 100%, 50%)', '#00ff00', 1],
    ['Navy', '#000080', 1],
    ['transparent', '#000000', 0],
  ])('parses %s', (input, hex, alpha) => {
    const color = parseColor(input)!;
    expect(toHex(color)).toBe(hex);
    expect(color.a).toBeCloseTo(alpha, 5);
  });

  it.each(['#12', 'rgb(1,2)', 'blurple', '', 'url(#x)', 42])('rejects %s', (input) => {
    expect(isValidColor(input)).toBe(false);
  });
});
