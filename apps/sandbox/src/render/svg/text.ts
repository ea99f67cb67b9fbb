// Text elements: wrapped into the element width, one <tspan> per line, real text in the SVG.
import { attrs, escapeXml } from '../xml.js';
import type { SvgContext } from './context.js';
import { type Element, toNumber, toText } from './element.js';
import { fillAttrs, shadowFilter, strokeAttrs } from './paint.js';
import { transformText, wrapText } from './text-layout.js';

const GENERIC: Record<string, string> = {
  'DejaVu Sans': 'sans-serif',
  'DejaVu Serif': 'serif',
  'DejaVu Sans Mono': 'monospace',
};

export function renderText(el: Element, ctx: SvgContext): string {
  const p = el.props;
  const text = transformText(toText(p.text), p.textTransform);
  if (text.trim() === '') return '';
  const fontSize = Math.max(0.1, toNumber(p.fontSize, 16));
  const rawLineHeight = toNumber(p.lineHeight, 1.2);
  // Multipliers are 0.5–3; larger values are taken as pixels.
  const lineHeight = rawLineHeight > 5 ? rawLineHeight : rawLineHeight * fontSize;
  const letterSpacing = toNumber(p.letterSpacing, 0);
  const face = ctx.face(p.fontFamily, p.fontWeight, p.fontStyle);
  const lines = wrapText(text, el.width, { metrics: face.metrics, fontSize, letterSpacing });

  const align = String(p.textAlign ?? 'left');
  const anchor = align === 'center' ? 'middle' : align === 'right' ? 'end' : 'start';
  const x = anchor === 'middle' ? el.width / 2 : anchor === 'end' ? el.width : 0;
  const total = lines.length * lineHeight;
  const vertical = String(p.verticalAlign ?? 'top');
  const top =
    vertical === 'middle' ? (el.height - total) / 2 : vertical === 'bottom' ? el.height - total : 0;
  const glyphHeight = (face.metrics.ascent + face.metrics.descent) * fontSize;
  const firstBaseline = top + (lineHeight - glyphHeight) / 2 + face.metrics.ascent * fontSize;

  const decoration = String(p.textDecoration ?? 'none');
  const shadow =
    p.textShadowColor !== undefined
      ? shadowFilter(
          ctx,
          toNumber(p.textShadowX, 0),
          toNumber(p.textShadowY, 0),
          toNumber(p.textShadowBlur, 0),
          p.textShadowColor,
        )
      : undefined;
  const spans = lines
    .map(
      (line, i) =>
        `<tspan${attrs({ x, y: firstBaseline + i * lineHeight })}>${escapeXml(line)}</tspan>`,
    )
    .join('');
  return `<text${attrs({
    'font-family': `${face.family}, ${GENERIC[face.family] ?? 'sans-serif'}`,
    'font-size': fontSize,
    'font-weight': face.weight === 400 ? undefined : face.weight,
    'font-style': face.italic ? 'italic' : undefined,
    'text-anchor': anchor === 'start' ? undefined : anchor,
    'letter-spacing': letterSpacing !== 0 ? letterSpacing : undefined,
    'text-decoration': ['underline', 'line-through', 'overline'].includes(decoration)
      ? decoration
      : undefined,
    ...fillAttrs(ctx, p.fill, '#000000'),
    ...strokeAttrs(ctx, p.textStrokeColor, toNumber(p.textStrokeWidth, 0)),
    filter: shadow,
  })} xml:space="preserve">${spans}</text>`;
}
