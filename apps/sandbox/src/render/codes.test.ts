import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { encodeCode128 } from './code128.js';
import { pixel, type Raster, renderElements } from './test-helpers.js';

function decodeQr(raster: Raster): string | undefined {
  const rgba = new Uint8ClampedArray(
    raster.data.buffer,
    raster.data.byteOffset,
    raster.data.byteLength,
  );
  return jsQR(rgba, raster.width, raster.height)?.data;
}

describe('qr', () => {
  it('encodes the substituted value so a reader decodes it', async () => {
    const out = await renderElements(
      [
        {
          type: 'qr',
          x: 20,
          y: 20,
          width: 160,
          height: 160,
          qrValue: 'https://verify.test/{{id}}',
          qrMargin: 2,
        },
      ],
      { dynamicData: { id: 'ABC-123' } },
    );
    expect(decodeQr(out)).toBe('https://verify.test/ABC-123');
  });

  it('honours colours and the older qrcode/qrData names', async () => {
    const out = await renderElements([
      {
        type: 'qrcode',
        x: 0,
        y: 0,
        width: 200,
        height: 200,
        qrData: 'hello',
        qrColor: '#ff0000',
        qrBgColor: '#ffff00',
        qrMargin: 0,
        qrErrorLevel: 'H',
      },
    ]);
    // With no margin the finder pattern's dark corner sits at the origin.
    expect(pixel(out, 2, 2)).toEqual([255, 0, 0, 255]);
    const colours = new Set<string>();
    for (let i = 0; i < out.data.length; i += 4) colours.add(out.data.subarray(i, i + 3).join(','));
    expect(colours.has('255,255,0')).toBe(true);
    // Yellow on red is too low-contrast to scan; the structure is what is checked here.
    expect(colours.has('0,0,0')).toBe(false);
  });
});

/** Reads the module widths off a rendered barcode row and maps them back to characters. */
function readCode128(raster: Raster, y: number, unit: number): string {
  const runs: number[] = [];
  let dark = false;
  let length = 0;
  for (let x = 0; x < raster.width; x++) {
    const isDark = pixel(raster, x, y)[0] < 128;
    if (isDark === dark) length += 1;
    else {
      runs.push(length);
      dark = isDark;
      length = 1;
    }
  }
  const widths = runs.slice(1).map((w) => Math.round(w / unit)); // drop the leading quiet zone
  const symbols: string[] = [];
  for (let i = 0; i + 6 <= widths.length; i += 6) symbols.push(widths.slice(i, i + 6).join(''));
  // Symbol values 0–94 in code set B are ASCII 32–126: learn each pattern from the encoder.
  const patternOf = (value: number) => encodeCode128(String.fromCharCode(value + 32));
  const byPattern = new Map<string, number>();
  for (let v = 0; v < 95; v++) {
    const modules = patternOf(v).modules.slice(10 + 11, 10 + 22);
    const w: number[] = [];
    let run = 1;
    for (let k = 1; k <= modules.length; k++) {
      if (k < modules.length && modules[k] === modules[k - 1]) run += 1;
      else {
        w.push(run);
        run = 1;
      }
    }
    byPattern.set(w.join(''), v);
  }
  // symbols: start, data…, checksum, stop
  return symbols
    .slice(1, -2)
    .map((s) => String.fromCharCode((byPattern.get(s) ?? -32) + 32))
    .join('');
}

describe('barcode (Code 128 B)', () => {
  it('computes the mod-103 checksum and frames the data with start B and stop', () => {
    const { values, modules } = encodeCode128('PJJ123C');
    expect(values[0]).toBe(104);
    expect(values.at(-1)).toBe(106);
    const data = values.slice(1, -2);
    expect(data).toEqual([48, 42, 42, 17, 18, 19, 35]);
    expect(values.at(-2)).toBe((104 + data.reduce((s, v, i) => s + v * (i + 1), 0)) % 103);
    // 10 quiet + 11 per symbol (start, 7 data, checksum) + 13 stop + 10 quiet.
    expect(modules.length).toBe(10 + 11 * 9 + 13 + 10);
  });

  it('renders bars whose widths read back as the substituted value, with the text under them', async () => {
    const value = 'TCK-42';
    const count = encodeCode128(value).modules.length; // 132
    const unit = 3;
    const out = await renderElements(
      [
        {
          type: 'barcode',
          x: 0,
          y: 0,
          width: count * unit,
          height: 120,
          barcodeValue: 'TCK-{{n}}',
          barcodeFontSize: 16,
        },
      ],
      { width: count * unit, height: 120, dynamicData: { n: 42 } },
    );
    expect(readCode128(out, 30, unit)).toBe(value);
    // The human-readable line sits under the bars.
    let textInk = 0;
    for (let y = 100; y < 120; y++)
      for (let x = 0; x < out.width; x++) if (pixel(out, x, y)[0] < 128) textInk += 1;
    expect(textInk).toBeGreaterThan(30);
  });
});
