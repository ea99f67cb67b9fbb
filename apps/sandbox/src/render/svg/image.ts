// Image elements: the source was loaded beforehand into a data: URL (see ../load-images.ts);
// a missing or refused source draws a neutral placeholder of the same size.
import { attrs, num } from '../xml.js';
import type { SvgContext } from './context.js';
import { type Element, toNumber, toText } from './element.js';
import { boxShadowFilter } from './paint.js';
import { boxShape } from './shapes.js';

const FITS: Record<string, string> = {
  cover: 'xMidYMid slice',
  contain: 'xMidYMid meet',
  'scale-down': 'xMidYMid meet',
  none: 'xMidYMid meet',
  fill: 'none',
};

export function imagePlaceholder(el: Element): string {
  const w = el.width;
  const h = el.height;
  const s = Math.min(w, h) * 0.3;
  const cx = w / 2;
  const cy = h / 2;
  // A grey box with a small mountain-and-sun pictogram: clearly "image goes here".
  return [
    `<rect${attrs({ width: w, height: h, fill: '#e5e7eb' })}/>`,
    `<circle${attrs({ cx: cx + s * 0.35, cy: cy - s * 0.3, r: s * 0.15, fill: '#9ca3af' })}/>`,
    `<polygon points="${[
      [cx - s * 0.6, cy + s * 0.45],
      [cx - s * 0.15, cy - s * 0.15],
      [cx + s * 0.15, cy + s * 0.15],
      [cx + s * 0.3, cy],
      [cx + s * 0.6, cy + s * 0.45],
    ]
      .map(([x, y]) => `${num(x!)},${num(y!)}`)
      .join(' ')}" fill="#9ca3af"/>`,
  ].join('');
}

/** brightness/contrast/saturate (100 = unchanged), hueRotate (deg) and blur (px) as one SVG filter. */
function imageFilter(el: Element, ctx: SvgContext): string | undefined {
  const p = el.props;
  const brightness = toNumber(p.brightness, 100) / 100;
  const contrast = toNumber(p.contrast, 100) / 100;
  const saturate = toNumber(p.saturate, 100) / 100;
  const hue = toNumber(p.hueRotate, 0);
  const blur = Math.max(0, toNumber(p.blur, 0));
  const steps: string[] = [];
  if (saturate !== 1)
    steps.push(`<feColorMatrix type="saturate" values="${num(Math.max(0, saturate))}"/>`);
  if (hue % 360 !== 0) steps.push(`<feColorMatrix type="hueRotate" values="${num(hue)}"/>`);
  if (brightness !== 1 || contrast !== 1) {
    // CSS: brightness scales, contrast pivots around mid-grey.
    const slope = Math.max(0, brightness) * contrast;
    const intercept = 0.5 - 0.5 * contrast;
    const fn = `type="linear" slope="${num(slope)}" intercept="${num(intercept)}"`;
    steps.push(
      `<feComponentTransfer><feFuncR ${fn}/><feFuncG ${fn}/><feFuncB ${fn}/></feComponentTransfer>`,
    );
  }
  if (blur > 0) steps.push(`<feGaussianBlur stdDeviation="${num(blur)}"/>`);
  if (steps.length === 0) return undefined;
  const id = ctx.nextId('f');
  ctx.defs.push(`<filter id="${id}" color-interpolation-filters="sRGB">${steps.join('')}</filter>`);
  return `url(#${id})`;
}

export function renderImage(el: Element, ctx: SvgContext): string {
  const p = el.props;
  const loaded = ctx.images.get(toText(p.src).trim());
  const clipId = ctx.nextId('c');
  ctx.defs.push(`<clipPath id="${clipId}">${boxShape(el)}</clipPath>`);
  const shadow = boxShadowFilter(ctx, p.boxShadow);
  const body =
    loaded === undefined
      ? imagePlaceholder(el)
      : `<image${attrs({
          width: el.width,
          height: el.height,
          preserveAspectRatio: FITS[String(p.objectFit ?? 'cover')] ?? FITS.cover,
          'xlink:href': loaded.href,
          filter: imageFilter(el, ctx),
        })}/>`;
  const clipped = `<g clip-path="url(#${clipId})">${body}</g>`;
  return shadow === undefined ? clipped : `<g filter="${shadow}">${clipped}</g>`;
}
