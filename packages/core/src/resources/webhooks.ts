import { ADVICE, CanveleteError } from '../errors/index.js';
import type { HttpClient, HttpRequest, RequestOptions } from '../http/request.js';
import { isRecord, unwrapEnvelope } from '../schemas/common.js';
import {
  normalizeWebhookSubscription,
  type WebhookSubscription,
} from '../schemas/webhook-subscription.js';

export interface WebhookSubscribeParams {
  url: string;
  events: string[];
  designId?: string;
}

const WEBHOOKS_PATH = '/api/v1/webhooks';
const MISSING_ROUTE_STATUSES = new Set([404, 405, 501]);

function notSupported(cause?: unknown, status?: number): CanveleteError {
  return new CanveleteError({
    code: 'NOT_SUPPORTED',
    message: `${ADVICE.NOT_SUPPORTED} This Canvelete server has no webhook subscription API: paste the webhook URL into Canvelete's dashboard instead, or use polling.`,
    status,
    details: { feature: 'webhook-subscriptions' },
    cause,
  });
}

/**
 * Webhook subscriptions (a proposed contract the sandbox serves; Canvelete publishes none). A
 * server without the routes answers NOT_SUPPORTED, and each trigger falls back to a pasted URL.
 */
export class WebhooksResource {
  constructor(private readonly http: HttpClient) {}

  /** Calls the collection route; a missing route or a non-JSON answer means NOT_SUPPORTED. */
  private async collection(request: HttpRequest): Promise<unknown> {
    try {
      return await this.http.json(request);
    } catch (error) {
      if (CanveleteError.isInstance(error)) {
        if (error.status !== undefined && MISSING_ROUTE_STATUSES.has(error.status)) {
          throw notSupported(error, error.status);
        }
        if (error.code === 'INVALID_RESPONSE') throw notSupported(error);
      }
      throw error;
    }
  }

  async subscribe(
    params: WebhookSubscribeParams,
    options?: RequestOptions,
  ): Promise<WebhookSubscription> {
    const body = await this.collection({
      method: 'POST',
      path: WEBHOOKS_PATH,
      body: { url: params.url, events: params.events, designId: params.designId },
      idempotent: true,
      options,
    });
    if (!isRecord(unwrapEnvelope(body))) throw notSupported();
    return normalizeWebhookSubscription(body);
  }

  async list(options?: RequestOptions): Promise<WebhookSubscription[]> {
    const body = await this.collection({ method: 'GET', path: WEBHOOKS_PATH, options });
    const unwrapped = unwrapEnvelope(body);
    const items = Array.isArray(unwrapped)
      ? unwrapped
      : isRecord(unwrapped) && Array.isArray(unwrapped['webhooks'])
        ? unwrapped['webhooks']
        : undefined;
    if (!items) throw notSupported();
    return items.map(normalizeWebhookSubscription);
  }

  /** Removes a subscription; one that is already gone (404) counts as removed. */
  async unsubscribe(id: string, options?: RequestOptions): Promise<void> {
    try {
      await this.http.send({
        method: 'DELETE',
        path: `${WEBHOOKS_PATH}/${encodeURIComponent(id)}`,
        options,
      });
    } catch (error) {
      if (CanveleteError.isInstance(error)) {
        if (error.status === 404) return;
        if (error.status === 405 || error.status === 501) throw notSupported(error, error.status);
      }
      throw error;
    }
  }
}
