// Contract between the render engine (src/render) and the server (src/server). Agreed up front.

export type OutputFormat = 'png' | 'jpg' | 'webp' | 'pdf' | 'svg';

/** A design's canvas as stored: `{ elements, background?, … }` (reference section 6). */
export interface CanvasData {
  elements?: CanvasElement[];
  background?: string;
  [key: string]: unknown;
}

export interface CanvasElement {
  id?: string;
  type: string;
  name?: string;
  isDynamic?: boolean;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  [key: string]: unknown;
}

export interface RenderJobInput {
  /** The design's own size in px. */
  width: number;
  height: number;
  canvasData: CanvasData;
  format: OutputFormat;
  /** 1–100, for jpg and webp. */
  quality?: number;
  /** Requested output size; one side alone keeps the aspect ratio. */
  outputWidth?: number;
  outputHeight?: number;
  /** Multiplies the output size (0.1–5). */
  scale?: number;
  dynamicData?: Record<string, unknown>;
  dynamicElements?: Record<string, Record<string, unknown>>;
  /** Overrides the canvas background (hex, rgb(a), or 'transparent'). */
  background?: string;
  /** Lets image elements fetch http(s) URLs (off by default: data: URLs and sandbox assets only). */
  allowRemoteImages?: boolean;
  /** Resolves `/assets/...` or sandbox-relative image paths to bytes. */
  resolveAsset?: (path: string) => Uint8Array | undefined;
}

export interface RenderJobOutput {
  bytes: Uint8Array;
  contentType: string;
  format: OutputFormat;
  /** Output size in px (for pdf: the page size in pt, 1 px = 1 pt). */
  width: number;
  height: number;
}

/** Thrown by applyDynamicContent when a dynamicElements key names no element (→ 400 INVALID_ELEMENT). */
export class InvalidElementError extends Error {
  constructor(readonly key: string) {
    super(`dynamicElements key "${key}" matches no element id or name in the design`);
    this.name = 'InvalidElementError';
  }
}
