// Static tables: a header row (when tableHasHeader) above tableRows data rows, one line of text per
// cell, cut with an ellipsis when it does not fit. CSV-backed tables (tableCsvUrl) are not fetched.
import { attrs, escapeXml, num } from '../xml.js';
import type { SvgContext } from './context.js';
import { type Element, toNumber, toText } from './element.js';
import { fillAttrs, strokeAttrs } from './paint.js';
import { measure, type TextMeasure } from './text-layout.js';

interface Cell {
  row: number;
  col: number;
  text: string;
}

function cells(value: unknown, rowKey: 'row' | null): Cell[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((cell) => {
    if (!cell || typeof cell !== 'object') return [];
    const c = cell as Record<string, unknown>;
    return [
      { row: rowKey ? toNumber(c.row, -1) : 0, col: toNumber(c.col, -1), text: toText(c.text) },
    ];
  });
}

function sizes(declared: unknown, count: number, total: number): number[] {
  const given = Array.isArray(declared) ? declared.map((v) => toNumber(v, 0)) : [];
  if (given.length === count && given.every((v) => v > 0)) return given;
  return Array.from({ length: count }, () => total / count);
}

function fit(text: string, width: number, m: TextMeasure): string {
  if (measure(text, m) <= width) return text;
  let cut = text;
  while (cut.length > 0 && measure(`${cut}…`, m) > width) cut = cut.slice(0, -1);
  return cut === '' ? '' : `${cut}…`;
}

export function renderTable(el: Element, ctx: SvgContext): string {
  const p = el.props;
  const data = cells(p.tableCellData, 'row');
  const header = p.tableHasHeader === true ? cells(p.tableHeaderData, null) : undefined;
  const columns = Math.max(
    1,
    Math.round(toNumber(p.tableColumns, Math.max(1, ...data.map((c) => c.col + 1)))),
  );
  const dataRows = Math.max(
    1,
    Math.round(toNumber(p.tableRows, Math.max(1, ...data.map((c) => c.row + 1)))),
  );
  const rowCount = dataRows + (header ? 1 : 0);
  const widths = sizes(p.tableColumnWidths, columns, el.width);
  const heights = sizes(p.tableRowHeights, rowCount, el.height);
  const fontSize = toNumber(p.tableCellFontSize, 14);
  const padding = toNumber(p.tableCellPadding, 8);
  const face = ctx.face(p.fontFamily, 'normal', 'normal');
  const boldFace = ctx.face(p.fontFamily, 'bold', 'normal');
  const border = strokeAttrs(ctx, p.tableBorderColor ?? '#d1d5db', toNumber(p.tableBorderWidth, 1));

  const out: string[] = [
    `<rect${attrs({ width: el.width, height: el.height, ...fillAttrs(ctx, p.fill, '#ffffff') })}/>`,
  ];
  let y = 0;
  for (let row = 0; row < rowCount; row++) {
    const isHeader = header !== undefined && row === 0;
    const dataRow = header ? row - 1 : row;
    const background = isHeader
      ? (p.tableHeaderBackground ?? '#f3f4f6')
      : dataRow % 2 === 1
        ? p.tableAlternateRowColor
        : undefined;
    const rowFill = fillAttrs(ctx, background);
    if (rowFill.fill !== 'none') {
      out.push(`<rect${attrs({ y, width: el.width, height: heights[row], ...rowFill })}/>`);
    }
    const align = String((isHeader ? p.tableHeaderAlignment : p.tableCellAlignment) ?? 'left');
    const anchor = align === 'center' ? 'middle' : align === 'right' ? 'end' : 'start';
    const rowFace = isHeader ? boldFace : face;
    let x = 0;
    for (let col = 0; col < columns; col++) {
      const w = widths[col]!;
      const source = isHeader ? header : data.filter((c) => c.row === dataRow);
      const text = source.find((c) => c.col === col)?.text ?? '';
      const m = { metrics: rowFace.metrics, fontSize, letterSpacing: 0 };
      const shown = fit(text, w - padding * 2, m);
      if (shown !== '') {
        const tx =
          anchor === 'start' ? x + padding : anchor === 'end' ? x + w - padding : x + w / 2;
        const baseline =
          y +
          heights[row]! / 2 +
          ((rowFace.metrics.ascent - rowFace.metrics.descent) * fontSize) / 2;
        out.push(
          `<text${attrs({
            x: tx,
            y: baseline,
            'font-family': rowFace.family,
            'font-size': fontSize,
            'font-weight': isHeader ? 700 : undefined,
            'text-anchor': anchor === 'start' ? undefined : anchor,
            ...fillAttrs(ctx, isHeader ? p.tableHeaderTextColor : p.tableCellTextColor, '#111827'),
          })}>${escapeXml(shown)}</text>`,
        );
      }
      x += w;
    }
    y += heights[row]!;
  }
  if ('stroke' in border) {
    let gx = 0;
    const lines: string[] = [];
    for (const w of widths.slice(0, -1)) {
      gx += w;
      lines.push(`M${num(gx)} 0V${num(el.height)}`);
    }
    let gy = 0;
    for (const h of heights.slice(0, -1)) {
      gy += h;
      lines.push(`M0 ${num(gy)}H${num(el.width)}`);
    }
    out.push(`<path${attrs({ d: lines.join(''), fill: 'none', ...border })}/>`);
    out.push(`<rect${attrs({ width: el.width, height: el.height, fill: 'none', ...border })}/>`);
  }
  return out.join('');
}
