// Public surface of the render engine: the server calls these and nothing else.

export type { AssetResolver } from './assets.js';
export { createAssetResolver, defaultAssetsDir } from './assets.js';
export { isValidColor } from './color.js';
export { applyDynamicContent } from './dynamic-content.js';
export { computeOutputSize, MAX_PIXELS, MAX_SIDE, RenderSizeError } from './output-size.js';
export { renderDesign } from './render-design.js';
export type {
  CanvasData,
  CanvasElement,
  OutputFormat,
  RenderJobInput,
  RenderJobOutput,
} from './types.js';
export { InvalidElementError } from './types.js';
