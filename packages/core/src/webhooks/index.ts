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
export {
  DEFAULT_WEBHOOK_TOLERANCE_SECONDS,
  verifyWebhook,
  verifyWebhookSignature,
} from './verify.js';
