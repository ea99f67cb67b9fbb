// Builds what one webhook POST carries: the JSON body (one envelope per dialect) and its signed headers.
// Pure except for newEventId(). Signs with node:crypto on purpose, never with @canvelete/core: the
// sandbox is the independent implementation that the core's verifier is tested against.
import { createHmac, randomBytes } from 'node:crypto';
import type { Dialect } from './types.js';

export const WEBHOOK_USER_AGENT = 'Canvelete-Webhooks/1.0';

export interface WebhookDeliveryInput {
  dialect: Dialect;
  secret: string;
  type: string;
  data: Record<string, unknown>;
  eventId: string;
  /** Unix seconds used in the signature (and `X-Canvelete-Timestamp`) of the t-based schemes. */
  timestampSeconds: number;
  /** ISO-8601 time the event happened, sent as the envelope's `timestamp`. Default: timestampSeconds. */
  createdAt?: string;
}

export interface WebhookDelivery {
  headers: Record<string, string>;
  body: string;
}

/** The key each dialect uses for a render's file URL (reference 5.3: docs `downloadUrl`, PY `url`). */
const URL_ALIAS: Record<Dialect, string> = { sdk: 'outputUrl', docs: 'downloadUrl', py: 'url' };

export function newEventId(): string {
  return `evt_${randomBytes(12).toString('hex')}`;
}

/**
 * The server hands over `data` with the canonical `outputUrl`; each dialect speaks exactly one alias, so
 * `outputUrl` is renamed to the dialect's key (an alias the server already set is left as it is).
 * The input object is never mutated.
 */
export function aliasDataForDialect(
  dialect: Dialect,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const alias = URL_ALIAS[dialect];
  if (alias === 'outputUrl' || !('outputUrl' in data)) return { ...data };
  const { outputUrl, ...rest } = data;
  return alias in rest ? rest : { ...rest, [alias]: outputUrl };
}

/** The exact body bytes. Built once per event so that every retry sends the same body. */
export function buildWebhookBody(input: Omit<WebhookDeliveryInput, 'secret'>): string {
  const timestamp = input.createdAt ?? new Date(input.timestampSeconds * 1000).toISOString();
  const data = aliasDataForDialect(input.dialect, input.data);
  // One envelope per dialect (ARCHITECTURE: tests must prove each is handled, not just the union).
  const envelope =
    input.dialect === 'docs'
      ? { eventId: input.eventId, eventType: input.type, timestamp, data }
      : { id: input.eventId, type: input.type, timestamp, data };
  return JSON.stringify(envelope);
}

function hmacHex(secret: string, message: string): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
}

/** Headers for one attempt, signing the exact `body` string that will be sent. */
export function signWebhookBody(input: {
  dialect: Dialect;
  secret: string;
  type: string;
  eventId: string;
  body: string;
  timestampSeconds: number;
}): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'User-Agent': WEBHOOK_USER_AGENT,
    'X-Canvelete-Event': input.type,
    'X-Canvelete-Delivery': input.eventId,
  };
  const t = String(Math.floor(input.timestampSeconds));
  switch (input.dialect) {
    case 'docs':
      // Docs (D5): HMAC over the body alone, no timestamp.
      headers['X-Canvelete-Signature'] = `sha256=${hmacHex(input.secret, input.body)}`;
      break;
    case 'py':
      // Python SDK: bare hex over "<t>.<body>", the timestamp in its own header.
      headers['X-Canvelete-Signature'] = hmacHex(input.secret, `${t}.${input.body}`);
      headers['X-Canvelete-Timestamp'] = t;
      break;
    default:
      // TS/GO SDK (the default): t=<unix>,v1=<hex> over "<t>.<body>".
      headers['X-Canvelete-Signature'] = `t=${t},v1=${hmacHex(input.secret, `${t}.${input.body}`)}`;
      headers['X-Canvelete-Timestamp'] = t;
  }
  return headers;
}

export function buildWebhookDelivery(input: WebhookDeliveryInput): WebhookDelivery {
  const body = buildWebhookBody(input);
  const headers = signWebhookBody({ ...input, body });
  return { headers, body };
}
