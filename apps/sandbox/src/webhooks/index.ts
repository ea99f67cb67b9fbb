// Webhook delivery for the sandbox: signed, retried, logged. The server calls createWebhookDispatcher.
export {
  aliasDataForDialect,
  buildWebhookBody,
  buildWebhookDelivery,
  newEventId,
  signWebhookBody,
  WEBHOOK_USER_AGENT,
  type WebhookDelivery,
  type WebhookDeliveryInput,
} from './delivery.js';
export {
  createWebhookDispatcher,
  DEFAULT_RETRY_SCHEDULE_MS,
  DEFAULT_TIMEOUT_MS,
} from './dispatcher.js';
export type {
  DeliveryAttempt,
  DeliveryRecord,
  Dialect,
  DispatchInput,
  WebhookDispatcher,
  WebhookDispatcherOptions,
} from './types.js';
