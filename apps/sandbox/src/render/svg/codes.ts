// QR codes (via `qrcode`, drawn as one path of modules) and Code 128 barcodes.
import QRCode from 'qrcode';
import { encodeCode128 } from '../code128.js';
import { attrs, escapeXml, num } from '../xml.js';
import type { SvgContext } from './context.js';
import { type Element, toNumber, toText } from './element.js';
import { fillAttrs } from './paint.js';

const LEVELS = new Set(['L', 'M', 'Q', 'H']);

export function renderQr(el: Element, ctx: SvgContext): string {
  const p = el.props;
  const value = toText(p.qrValue);
  const background = `<rect${attrs({ width: el.width, height: el.height, ...fillAttrs(ctx, p.qrBgColor, '#ffffff') })}/>`;
  if (value === '') return background;
  const level = String(p.qrErrorLevel ?? 'M').toUpperCase();
  let modules: { size: number; get(row: number, col: number): number | boolean };
  try {
    modules = QRCode.create(value, {
      errorCorrectionLevel: (LEVELS.has(level) ? level : 'M') as 'L' | 'M' | 'Q' | 'H',
    }).modules;
  } catch {
    return background; // too long for a QR code: an empty code box rather than a failed render
  }
  const margin = Math.max(0, Math.round(toNumber(p.qrMargin, 1)));
  const side = Math.min(el.width, el.height);
  const unit = side / (modules.size + margin * 2);
  const ox = (el.width - side) / 2 + margin * unit;
  const oy = (el.height - side) / 2 + margin * unit;
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col += 1;
      d += `M${num(ox + start * unit)} ${num(oy + row * unit)}h${num((col - start) * unit)}v${num(unit)}h${num(-(col - start) * unit)}z`;
    }
  }
  return `${background}<path${attrs({ d, ...fillAttrs(ctx, p.qrColor, '#000000') })} shape-rendering="crispEdges"/>`;
}

export function renderBarcode(el: Element, ctx: SvgContext): string {
  const p = el.props;
  const value = toText(p.barcodeValue);
  const background = `<rect${attrs({ width: el.width, height: el.height, ...fillAttrs(ctx, p.barcodeBackground, 'transparent') })}/>`;
  if (value === '') return background;
  const { modules, text } = encodeCode128(value);
  const showText = p.barcodeShowText !== false;
  const fontSize = Math.min(48, Math.max(8, toNumber(p.barcodeFontSize, 20)));
  const textMargin = toNumber(p.barcodeTextMargin, 2);
  const textBand = showText ? fontSize * 1.15 + textMargin : 0;
  const barHeight = Math.max(1, el.height - textBand);
  const unit = el.width / modules.length;
  let d = '';
  let i = 0;
  while (i < modules.length) {
    if (!modules[i]) {
      i += 1;
      continue;
    }
    const start = i;
    while (i < modules.length && modules[i]) i += 1;
    d += `M${num(start * unit)} 0h${num((i - start) * unit)}v${num(barHeight)}h${num(-(i - start) * unit)}z`;
  }
  let out = `${background}<path${attrs({ d, ...fillAttrs(ctx, p.barcodeLineColor, '#000000') })} shape-rendering="crispEdges"/>`;
  if (showText) {
    const face = ctx.face(p.fontFamily ?? 'monospace', 'normal', 'normal');
    const align = String(p.barcodeTextAlign ?? 'center');
    const anchor = align === 'left' ? 'start' : align === 'right' ? 'end' : 'middle';
    const x = anchor === 'start' ? 0 : anchor === 'end' ? el.width : el.width / 2;
    out += `<text${attrs({
      x,
      y: barHeight + textMargin + face.metrics.ascent * fontSize,
      'font-family': `${face.family}, monospace`,
      'font-size': fontSize,
      'text-anchor': anchor === 'start' ? undefined : anchor,
      ...fillAttrs(ctx, p.barcodeLineColor, '#000000'),
    })}>${escapeXml(text)}</text>`;
  }
  return out;
}
