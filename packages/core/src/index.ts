export * from './adapter-support/index.js';
export { Canvelete, type CanveleteOptions, DEFAULT_BASE_URL } from './canvelete.js';
export * from './errors/index.js';
export * from './fields/index.js';
export type { RequestOptions } from './http/request.js';
export {
  backoffDelay,
  parseRateLimit,
  parseRetryAfter,
  type RateLimitState,
  type RetryPolicy,
} from './http/retry-timing.js';
export { defaultSleep, type Sleep } from './http/sleep.js';
export {
  createFetchTransport,
  type FetchTransportOptions,
  type HttpMethod,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './http/transport.js';
export type {
  RenderManyOptions,
  RenderManyProgress,
  RenderManyResult,
} from './render-many.js';
export type {
  DesignCreateParams,
  DesignListParams,
  DesignsResource,
  DesignUpdateParams,
} from './resources/designs.js';
export type { WaitOptions } from './resources/poll.js';
export type { DownloadOptions, RenderedFile } from './resources/render-files.js';
export type {
  BatchParams,
  CreateRenderOptions,
  RenderListParams,
  RendersResource,
} from './resources/renders.js';
export type { TemplateListParams, TemplatesResource } from './resources/templates.js';
export type { UsageResource } from './resources/usage.js';
export type { WebhookSubscribeParams, WebhooksResource } from './resources/webhooks.js';
export * from './schemas/index.js';
export {
  RENDER_LIMITS,
  type RenderInput,
  validateRenderInput,
} from './validation/render-input.js';
export { VERSION } from './version.js';
export * from './webhooks/index.js';
