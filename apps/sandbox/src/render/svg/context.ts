// State shared while one canvas is composed: <defs>, deterministic ids, fonts used, loaded images.
import { DEFAULT_FONT_FAMILY, type FontFace, resolveFontFace } from '../fonts.js';

export interface LoadedImage {
  /** A data: URL resvg and browsers can both draw. */
  href: string;
}

export interface SvgContext {
  defs: string[];
  nextId(prefix: string): string;
  /** Font files the SVG refers to; resvg loads only these. */
  fontFiles: Set<string>;
  images: Map<string, LoadedImage>;
  face(fontFamily: unknown, fontWeight: unknown, fontStyle: unknown): FontFace;
}

export function createSvgContext(images: Map<string, LoadedImage> = new Map()): SvgContext {
  let counter = 0;
  const fontFiles = new Set<string>();
  return {
    defs: [],
    nextId(prefix) {
      counter += 1;
      return `${prefix}${counter}`;
    },
    fontFiles,
    images,
    face(fontFamily, fontWeight, fontStyle) {
      const face = resolveFontFace(fontFamily, fontWeight, fontStyle);
      fontFiles.add(face.file);
      return face;
    },
  };
}

export { DEFAULT_FONT_FAMILY };
