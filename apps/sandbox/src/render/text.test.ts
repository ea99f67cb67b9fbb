import { describe, expect, it } from 'vitest';
import { resolveFontFace } from './fonts.js';
import { wrapText } from './svg/text-layout.js';
import { countDiffering, pixel, renderElements } from './test-helpers.js';

const WHITE: [number, number, number] = [255, 255, 255];
const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('text', () => {
  it('draws glyphs from the bundled fonts (no system fonts are loaded)', async () => {
    const out = await renderElements([
      {
        type: 'text',
        x: 10,
        y: 10,
        width: 180,
        height: 40,
        text: 'Hello',
        fontSize: 30,
        fill: '#000000',
      },
    ]);
    const ink = countDiffering(out, box(10, 10, 180, 40), WHITE, 60);
    expect(ink).toBeGreaterThan(150);
    expect(countDiffering(out, box(0, 100, 200, 100), WHITE, 0)).toBe(0);
  });

  it('maps weights and families to different faces: bold has more ink than regular', async () => {
    const render = (fontWeight: string) =>
      renderElements([
        {
          type: 'text',
          x: 0,
          y: 0,
          width: 200,
          height: 60,
          text: 'Weight',
          fontSize: 36,
          fontWeight,
        },
      ]);
    const regular = countDiffering(await render('normal'), box(0, 0, 200, 60), WHITE, 60);
    const bold = countDiffering(await render('700'), box(0, 0, 200, 60), WHITE, 60);
    expect(bold).toBeGreaterThan(regular * 1.2);
    expect(resolveFontFace('Georgia', 'bold', 'italic').file).toMatch(
      /DejaVuSerif-BoldItalic\.ttf$/,
    );
    expect(resolveFontFace('Fira Code', 400, 'normal').family).toBe('DejaVu Sans Mono');
    expect(resolveFontFace('Inter', 'light', 'normal').weight).toBe(200);
  });

  it('wraps into the element width and honours \\n', () => {
    const face = resolveFontFace('Inter', 400, 'normal');
    const m = { metrics: face.metrics, fontSize: 20, letterSpacing: 0 };
    const lines = wrapText('the quick brown fox jumps over the lazy dog', 150, m);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe('the quick brown fox jumps over the lazy dog');
    expect(wrapText('one\ntwo', 1000, m)).toEqual(['one', 'two']);
    expect(wrapText('Supercalifragilistic', 60, m).length).toBeGreaterThan(1);
  });

  it('places wrapped lines inside the box and aligns right', async () => {
    const out = await renderElements([
      {
        type: 'text',
        x: 0,
        y: 0,
        width: 200,
        height: 200,
        text: 'aaa bbb ccc ddd eee fff',
        fontSize: 30,
        lineHeight: 1.2,
        textAlign: 'right',
        fill: '#000',
      },
    ]);
    // Several lines of ink, all inside the box, and right-aligned: the left edge stays clear.
    expect(countDiffering(out, box(150, 0, 50, 36), WHITE, 60)).toBeGreaterThan(20);
    expect(countDiffering(out, box(0, 80, 200, 120), WHITE, 60)).toBe(0); // two lines only
    expect(countDiffering(out, box(150, 36, 50, 36), WHITE, 60)).toBeGreaterThan(20);
    expect(countDiffering(out, box(0, 0, 12, 200), WHITE, 60)).toBe(0);
  });

  it('applies textTransform and colour', async () => {
    const out = await renderElements([
      {
        type: 'text',
        x: 0,
        y: 0,
        width: 200,
        height: 50,
        text: 'i',
        textTransform: 'uppercase',
        fontSize: 40,
        color: '#ff0000',
      },
    ]);
    const reds = countDiffering(out, box(0, 0, 200, 50), WHITE, 60);
    expect(reds).toBeGreaterThan(40);
    let found = false;
    for (let x = 0; x < 40 && !found; x++) {
      for (let y = 0; y < 50 && !found; y++) {
        const [r, g, b] = pixel(out, x, y);
        found = r > 200 && g < 40 && b < 40;
      }
    }
    expect(found).toBe(true);
  });
});

describe('text layout cost', () => {
  it('wraps a 200,000-character word and a 50,000-word paragraph, losing nothing', () => {
    const face = resolveFontFace('Inter', 400, 'normal');
    const m = { metrics: face.metrics, fontSize: 16, letterSpacing: 0 };
    const word = 'x'.repeat(200_000);
    const lines = wrapText(word, 300, m);
    expect(lines.join('')).toBe(word);
    const paragraph = Array.from({ length: 50_000 }, (_, i) => `w${i}`).join(' ');
    expect(wrapText(paragraph, 300, m).join(' ')).toBe(paragraph);
  });
});
