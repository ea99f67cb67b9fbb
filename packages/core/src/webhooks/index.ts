export { type NormalizeWebhookEventOptions, normalizeWebhookEvent } from './event.js';
export { signWebhook } from './sign.js';
export type {
  SignWebhookInput,
  VerifiedSignature,
  VerifyWebhookInput,
  VerifyWebhookSignatureInput,
  WebhookEvent,
  WebhookFailureReason,
  WebhookHeaders,
  WebhookSignatureScheme,
} from './types.js';
export type { WebhookSignatureCheck } from './verify.js';
export {
  checkWebhookSignature,
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  verifyWebhook,
  verifyWebhookSignature,
} from './verify.js';
