import { describe, expect, it } from 'vitest';
import { countDiffering, pixel, renderElements } from './test-helpers.js';

const WHITE: [number, number, number] = [255, 255, 255];
const box = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

describe('shapes', () => {
  it('draws rectangles with fill and stroke, circles, stars and polygons', async () => {
    const out = await renderElements([
      {
        type: 'rectangle',
        x: 0,
        y: 0,
        width: 100,
        height: 100,
        fill: '#ff0000',
        stroke: '#0000ff',
        strokeWidth: 10,
      },
      { type: 'circle', x: 100, y: 0, width: 100, height: 100, fill: '#00ff00' },
      { type: 'star', x: 0, y: 100, width: 100, height: 100, fill: '#000000' },
      {
        type: 'polygon',
        x: 100,
        y: 100,
        width: 100,
        height: 100,
        polygonSides: 4,
        fill: '#ffff00',
      },
    ]);
    expect(pixel(out, 50, 50)).toEqual([255, 0, 0, 255]);
    expect(pixel(out, 1, 50)).toEqual([0, 0, 255, 255]);
    expect(pixel(out, 150, 50)).toEqual([0, 255, 0, 255]);
    expect(pixel(out, 106, 3)).toEqual([255, 255, 255, 255]); // outside the circle
    expect(pixel(out, 50, 150)).toEqual([0, 0, 0, 255]);
    expect(pixel(out, 150, 150)).toEqual([255, 255, 0, 255]);
    expect(pixel(out, 110, 110)).toEqual([255, 255, 255, 255]); // outside the diamond
  });

  it('rounds corners, rotates about the centre, blends opacity and skips invisible elements', async () => {
    const out = await renderElements([
      { type: 'rectangle', x: 0, y: 0, width: 100, height: 100, fill: '#000000', borderRadius: 40 },
      { type: 'rectangle', x: 100, y: 60, width: 100, height: 20, fill: '#000000', rotation: 90 },
      { type: 'rect', x: 0, y: 120, width: 80, height: 80, fill: '#000000', opacity: 0.5 },
      { type: 'rectangle', x: 120, y: 120, width: 80, height: 80, fill: '#000000', visible: false },
    ]);
    expect(pixel(out, 2, 2)).toEqual([255, 255, 255, 255]);
    expect(pixel(out, 50, 50)).toEqual([0, 0, 0, 255]);
    expect(pixel(out, 150, 25)).toEqual([0, 0, 0, 255]); // rotated: now vertical
    expect(pixel(out, 110, 70)).toEqual([255, 255, 255, 255]);
    const [grey] = pixel(out, 40, 160);
    expect(grey).toBeGreaterThan(120);
    expect(grey).toBeLessThan(135);
    expect(pixel(out, 160, 160)).toEqual([255, 255, 255, 255]);
  });

  it('draws lines through linePoints with dashes, and gradients', async () => {
    const out = await renderElements([
      {
        type: 'line',
        x: 0,
        y: 10,
        width: 200,
        height: 0,
        linePoints: [
          { x: 0, y: 0 },
          { x: 200, y: 0 },
        ],
        stroke: '#000',
        strokeWidth: 6,
        lineDash: '20,20',
      },
      {
        type: 'rectangle',
        x: 0,
        y: 100,
        width: 200,
        height: 100,
        fill: 'linear-gradient(to right, #000000, #ffffff)',
      },
    ]);
    expect(pixel(out, 10, 10)).toEqual([0, 0, 0, 255]);
    expect(pixel(out, 30, 10)).toEqual([255, 255, 255, 255]);
    expect(pixel(out, 2, 150)[0]).toBeLessThan(20);
    expect(pixel(out, 197, 150)[0]).toBeGreaterThan(235);
    expect(pixel(out, 100, 150)[0]).toBeGreaterThan(100);
    expect(pixel(out, 100, 150)[0]).toBeLessThan(155);
  });

  it('falls back to a default for invalid colours and ignores unknown element types', async () => {
    const out = await renderElements([
      { type: 'rectangle', x: 0, y: 0, width: 50, height: 50, fill: 'not-a-colour' },
      { type: 'hologram', x: 50, y: 0, width: 50, height: 50, fill: '#000' },
    ]);
    expect(pixel(out, 25, 25)).toEqual([204, 204, 204, 255]);
    expect(pixel(out, 75, 25)).toEqual([255, 255, 255, 255]);
  });
});

describe('tables', () => {
  it('draws a header row, cell text, borders and alternate row colours', async () => {
    const out = await renderElements(
      [
        {
          type: 'table',
          x: 0,
          y: 0,
          width: 200,
          height: 90,
          tableRows: 2,
          tableColumns: 2,
          tableHasHeader: true,
          tableHeaderData: [
            { col: 0, text: 'Item' },
            { col: 1, text: 'Price' },
          ],
          tableCellData: [
            { row: 0, col: 0, text: 'Tea' },
            { row: 1, col: 1, text: '{{price}}' },
          ],
          tableHeaderBackground: '#000080',
          tableHeaderTextColor: '#ffffff',
          tableAlternateRowColor: '#ffff00',
          tableBorderColor: '#ff0000',
          tableBorderWidth: 2,
        },
      ],
      { dynamicData: { price: '4.20' } },
    );
    expect(pixel(out, 95, 3)).toEqual([0, 0, 128, 255]); // header band
    expect(pixel(out, 5, 85)).toEqual([255, 255, 0, 255]); // second data row is the alternate colour
    expect(pixel(out, 100, 45)).toEqual([255, 0, 0, 255]); // column border
    expect(countDiffering(out, box(4, 34, 90, 22), WHITE, 60)).toBeGreaterThan(20); // "Tea"
    expect(countDiffering(out, box(104, 64, 90, 22), [255, 255, 0], 60)).toBeGreaterThan(20); // "4.20"
  });
});
