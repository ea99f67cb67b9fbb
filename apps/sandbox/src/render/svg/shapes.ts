// Geometric elements, drawn in the element's own coordinates (0,0)–(width,height).
import { attrs, num } from '../xml.js';
import type { SvgContext } from './context.js';
import { type Element, toNumber, toPoints } from './element.js';
import { boxShadowFilter, fillAttrs, strokeAttrs } from './paint.js';

const DEFAULT_SHAPE_FILL = '#cccccc';

function dashFor(style: unknown, width: number): string | undefined {
  if (style === 'dashed') return `${num(width * 3)} ${num(width * 2)}`;
  if (style === 'dotted') return `${num(width)} ${num(width)}`;
  return undefined;
}

function parseDash(value: unknown): string | undefined {
  const parts = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.split(/[\s,]+/)
      : [];
  const numbers = parts.map((v) => toNumber(v, Number.NaN)).filter((v) => v >= 0);
  return numbers.length > 0 && numbers.some((v) => v > 0) ? numbers.map(num).join(' ') : undefined;
}

function shapeStroke(el: Element, ctx: SvgContext) {
  const width = toNumber(el.props.strokeWidth, el.props.stroke !== undefined ? 1 : 0);
  return strokeAttrs(ctx, el.props.stroke, width, dashFor(el.props.borderStyle, width));
}

function roundedPath(w: number, h: number, radii: [number, number, number, number]): string {
  const max = Math.min(w, h) / 2;
  const [tl, tr, br, bl] = radii.map((r) => Math.min(Math.max(0, r), max)) as [
    number,
    number,
    number,
    number,
  ];
  return [
    `M${num(tl)} 0H${num(w - tr)}`,
    tr > 0 ? `A${num(tr)} ${num(tr)} 0 0 1 ${num(w)} ${num(tr)}` : '',
    `V${num(h - br)}`,
    br > 0 ? `A${num(br)} ${num(br)} 0 0 1 ${num(w - br)} ${num(h)}` : '',
    `H${num(bl)}`,
    bl > 0 ? `A${num(bl)} ${num(bl)} 0 0 1 0 ${num(h - bl)}` : '',
    `V${num(tl)}`,
    tl > 0 ? `A${num(tl)} ${num(tl)} 0 0 1 ${num(tl)} 0` : '',
    'Z',
  ].join('');
}

/** The outline of a rectangle with its corner radii, as an SVG element (also used for clipping). */
export function boxShape(el: Element, extra = ''): string {
  const p = el.props;
  const radius = toNumber(p.borderRadius, 0);
  const corners: [number, number, number, number] = [
    toNumber(p.borderRadiusTopLeft, radius),
    toNumber(p.borderRadiusTopRight, radius),
    toNumber(p.borderRadiusBottomRight, radius),
    toNumber(p.borderRadiusBottomLeft, radius),
  ];
  if (corners.every((r) => r === corners[0])) {
    const r = Math.min(Math.max(0, corners[0]), Math.min(el.width, el.height) / 2);
    return `<rect${attrs({ width: el.width, height: el.height, rx: r > 0 ? r : undefined })}${extra}/>`;
  }
  return `<path d="${roundedPath(el.width, el.height, corners)}"${extra}/>`;
}

export function renderRectangle(el: Element, ctx: SvgContext): string {
  const fallback = el.type === 'container' ? 'none' : DEFAULT_SHAPE_FILL;
  return boxShape(
    el,
    attrs({
      ...fillAttrs(ctx, el.props.fill ?? el.props.backgroundColor, fallback),
      ...shapeStroke(el, ctx),
      filter: boxShadowFilter(ctx, el.props.boxShadow),
    }),
  );
}

export function renderCircle(el: Element, ctx: SvgContext): string {
  return `<ellipse${attrs({
    cx: el.width / 2,
    cy: el.height / 2,
    rx: el.width / 2,
    ry: el.height / 2,
    ...fillAttrs(ctx, el.props.fill, DEFAULT_SHAPE_FILL),
    ...shapeStroke(el, ctx),
    filter: boxShadowFilter(ctx, el.props.boxShadow),
  })}/>`;
}

export function renderLine(el: Element, ctx: SvgContext): string {
  const p = el.props;
  let points = toPoints(p.linePoints ?? p.points);
  if (points.length < 2) {
    points = [
      { x: 0, y: el.height / 2 },
      { x: el.width, y: el.height / 2 },
    ];
  }
  const width = toNumber(p.strokeWidth, 2);
  const cap = ['butt', 'round', 'square'].includes(String(p.lineCap))
    ? String(p.lineCap)
    : undefined;
  return `<polyline${attrs({
    points: points.map((pt) => `${num(pt.x)},${num(pt.y)}`).join(' '),
    fill: 'none',
    ...strokeAttrs(ctx, p.stroke ?? p.fill ?? '#000000', width, parseDash(p.lineDash)),
    'stroke-linecap': cap,
  })}/>`;
}

function pointsAttr(points: { x: number; y: number }[]): string {
  return points.map((pt) => `${num(pt.x)},${num(pt.y)}`).join(' ');
}

export function renderStar(el: Element, ctx: SvgContext): string {
  const count = Math.max(3, Math.round(toNumber(el.props.starPoints, 5)));
  const inner = Math.min(1, Math.max(0, toNumber(el.props.starInnerRadius, 0.5)));
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < count * 2; i++) {
    const angle = -Math.PI / 2 + (i * Math.PI) / count;
    const r = i % 2 === 0 ? 1 : inner;
    points.push({
      x: el.width / 2 + Math.cos(angle) * r * (el.width / 2),
      y: el.height / 2 + Math.sin(angle) * r * (el.height / 2),
    });
  }
  return `<polygon${attrs({
    points: pointsAttr(points),
    ...fillAttrs(ctx, el.props.fill, DEFAULT_SHAPE_FILL),
    ...shapeStroke(el, ctx),
  })}/>`;
}

/** An `svgPath` drawn into the element box through its own `svgViewBox`. */
function pathInBox(el: Element, ctx: SvgContext, path: string): string {
  const viewBox =
    typeof el.props.svgViewBox === 'string' && /^[\d.\s,-]+$/.test(el.props.svgViewBox)
      ? el.props.svgViewBox
      : `0 0 ${num(el.width)} ${num(el.height)}`;
  const fit = el.props.objectFit === 'fill' ? 'none' : 'xMidYMid meet';
  return `<svg${attrs({ width: el.width, height: el.height, viewBox, preserveAspectRatio: fit })}><path${attrs(
    { d: path, ...fillAttrs(ctx, el.props.fill, '#000000'), ...shapeStroke(el, ctx) },
  )}/></svg>`;
}

export function renderPolygon(el: Element, ctx: SvgContext): string {
  if (typeof el.props.svgPath === 'string' && el.props.svgPath.trim() !== '') {
    return pathInBox(el, ctx, el.props.svgPath);
  }
  let points = toPoints(el.props.polygonPoints);
  if (points.length < 3) {
    const sides = Math.max(3, Math.round(toNumber(el.props.polygonSides, 6)));
    points = Array.from({ length: sides }, (_, i) => {
      const angle = -Math.PI / 2 + (i * 2 * Math.PI) / sides;
      return {
        x: el.width / 2 + Math.cos(angle) * (el.width / 2),
        y: el.height / 2 + Math.sin(angle) * (el.height / 2),
      };
    });
  }
  return `<polygon${attrs({
    points: pointsAttr(points),
    ...fillAttrs(ctx, el.props.fill, DEFAULT_SHAPE_FILL),
    ...shapeStroke(el, ctx),
  })}/>`;
}

export function renderSvgPath(el: Element, ctx: SvgContext): string | undefined {
  if (typeof el.props.svgPath !== 'string' || el.props.svgPath.trim() === '') return undefined;
  return pathInBox(el, ctx, el.props.svgPath);
}

export function renderBezier(el: Element, ctx: SvgContext): string {
  const points = toPoints(el.props.bezierPoints);
  if (points.length < 2) return '';
  const [first, ...rest] = points;
  // 1 + 3k points are cubic segments; anything else is drawn through the points.
  const cubic = rest.length % 3 === 0;
  let d = `M${num(first!.x)} ${num(first!.y)}`;
  if (cubic) {
    for (let i = 0; i < rest.length; i += 3) {
      d += `C${[rest[i]!, rest[i + 1]!, rest[i + 2]!].map((pt) => `${num(pt.x)} ${num(pt.y)}`).join(' ')}`;
    }
  } else d += rest.map((pt) => `L${num(pt.x)} ${num(pt.y)}`).join('');
  return `<path${attrs({
    d,
    ...fillAttrs(ctx, el.props.fill ?? 'none'),
    ...strokeAttrs(ctx, el.props.stroke ?? '#000000', toNumber(el.props.strokeWidth, 2)),
  })}/>`;
}
