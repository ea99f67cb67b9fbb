export { IdSchema, NumberLikeSchema, unwrapEnvelope } from './common.js';
export {
  type Design,
  DesignSchema,
  normalizeDesign,
  normalizeTemplate,
  type Template,
  TemplateSchema,
  type TemplateVariable,
  type TemplateVariableType,
} from './design.js';
export { normalizePage, type Page, PaginationSchema } from './page.js';
export {
  type Batch,
  BatchSchema,
  normalizeBatch,
  normalizeFormat,
  normalizeRender,
  RENDER_FORMATS,
  type Render,
  type RenderFormat,
  RenderSchema,
  type RenderStatus,
} from './render.js';
export { normalizeUsage, type Usage, UsageSchema } from './usage.js';
export {
  normalizeWebhookSubscription,
  type WebhookSubscription,
  WebhookSubscriptionSchema,
} from './webhook-subscription.js';
