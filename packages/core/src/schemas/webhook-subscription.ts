import * as v from 'valibot';
import { compact, IdSchema, OptionalText, parseOrThrow, unwrapEnvelope } from './common.js';

export interface WebhookSubscription {
  id: string;
  url: string;
  events: string[];
  designId?: string;
  /** Returned on create only. */
  secret?: string;
  createdAt?: string;
}

export const WebhookSubscriptionSchema = v.pipe(
  v.looseObject({
    id: IdSchema,
    url: v.string(),
    events: v.nullish(v.array(v.string())),
    designId: v.nullish(IdSchema),
    secret: OptionalText,
    createdAt: OptionalText,
  }),
  v.transform(
    (wire): WebhookSubscription =>
      compact({
        id: wire.id,
        url: wire.url,
        events: wire.events ?? [],
        designId: wire.designId ?? undefined,
        secret: wire.secret ?? undefined,
        createdAt: wire.createdAt ?? undefined,
      }),
  ),
);

export function normalizeWebhookSubscription(body: unknown): WebhookSubscription {
  return parseOrThrow(WebhookSubscriptionSchema, unwrapEnvelope(body), 'webhook subscription');
}
