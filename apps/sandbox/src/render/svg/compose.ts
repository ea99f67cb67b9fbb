// Composes a whole canvas into one standalone SVG document (paint order = element order).
import type { CanvasElement } from '../types.js';
import { attrs, num } from '../xml.js';
import { renderBarcode, renderQr } from './codes.js';
import { createSvgContext, type LoadedImage } from './context.js';
import { type Element, normalizeElement } from './element.js';
import { renderImage } from './image.js';
import { fillAttrs } from './paint.js';
import {
  renderBezier,
  renderCircle,
  renderLine,
  renderPolygon,
  renderRectangle,
  renderStar,
  renderSvgPath,
} from './shapes.js';
import { renderTable } from './table.js';
import { renderText } from './text.js';

export interface ComposeOptions {
  width: number;
  height: number;
  outputWidth: number;
  outputHeight: number;
  elements: CanvasElement[];
  /** Colour, gradient or 'transparent'; undefined → white. */
  background: unknown;
  images: Map<string, LoadedImage>;
}

export interface ComposedSvg {
  svg: string;
  fontFiles: string[];
}

type Painter = (el: Element, ctx: ReturnType<typeof createSvgContext>) => string | undefined;

const PAINTERS: Record<string, Painter> = {
  text: renderText,
  rectangle: renderRectangle,
  container: renderRectangle,
  circle: renderCircle,
  line: renderLine,
  star: renderStar,
  polygon: renderPolygon,
  bezier: renderBezier,
  image: renderImage,
  // An svg element with a path draws it; with only a src it is an image.
  svg: (el, ctx) => renderSvgPath(el, ctx) ?? renderImage(el, ctx),
  qr: renderQr,
  barcode: renderBarcode,
  table: renderTable,
};

export function composeSvg(options: ComposeOptions): ComposedSvg {
  const ctx = createSvgContext(options.images);
  const body: string[] = [];
  for (const raw of options.elements) {
    const el = normalizeElement(raw);
    const painter = PAINTERS[el.type];
    if (!el.visible || painter === undefined || el.opacity === 0) continue;
    const drawn = painter(el, ctx);
    if (drawn === undefined || drawn === '') continue;
    const transform = [
      el.x !== 0 || el.y !== 0 ? `translate(${num(el.x)} ${num(el.y)})` : '',
      el.rotation % 360 !== 0
        ? `rotate(${num(el.rotation)} ${num(el.width / 2)} ${num(el.height / 2)})`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
    body.push(
      `<g${attrs({
        transform: transform || undefined,
        opacity: el.opacity < 1 ? el.opacity : undefined,
      })}>${drawn}</g>`,
    );
  }

  const background = fillAttrs(ctx, options.background ?? '#ffffff');
  const backdrop =
    background.fill === 'none'
      ? ''
      : `<rect${attrs({ width: options.width, height: options.height, ...background })}/>`;
  const defs = ctx.defs.length > 0 ? `<defs>${ctx.defs.join('')}</defs>` : '';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attrs({
      width: options.outputWidth,
      height: options.outputHeight,
      viewBox: `0 0 ${num(options.width)} ${num(options.height)}`,
      preserveAspectRatio:
        options.outputWidth * options.height === options.outputHeight * options.width
          ? undefined
          : 'none',
    })}>` + `${defs}${backdrop}${body.join('')}</svg>`;
  return { svg, fontFiles: [...ctx.fontFiles].sort() };
}
