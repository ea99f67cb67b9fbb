// Deliveries every instant trigger must treat alike: genuine ones start one run each, in all three
// signature forms; duplicates, forgeries, stale and wrongly signed ones start none.
import { signWebhook } from '@canvelete/core';
import type { DriverDelivery } from '@canvelete/testing/drivers';

const SIGNATURE_HEADERS = /^x-canvelete-(signature|timestamp)$/i;

/** The same delivery with its signature headers replaced. */
export function withSignature(
  delivery: DriverDelivery,
  body: string,
  signature: Record<string, string>,
): DriverDelivery {
  const headers = Object.fromEntries(
    Object.entries(delivery.headers).filter(([name]) => !SIGNATURE_HEADERS.test(name)),
  );
  return { body, headers: { ...headers, ...signature } };
}

/** A new event (fresh id) built from a genuine delivery's body, signed with `secret`. */
export function resigned(
  delivery: DriverDelivery,
  secret: string,
  options: { eventId: string; scheme?: 'v1' | 'sha256' | 'hex'; timestamp?: number },
): DriverDelivery {
  const event = JSON.parse(delivery.body) as Record<string, unknown>;
  const body = JSON.stringify({ ...event, id: options.eventId });
  return withSignature(
    delivery,
    body,
    signWebhook({ payload: body, secret, scheme: options.scheme, timestamp: options.timestamp }),
  );
}

/** The genuine body with one character changed, signature untouched. */
export function forged(delivery: DriverDelivery): DriverDelivery {
  return { ...delivery, body: delivery.body.replace('"render.completed"', '"render.completed" ') };
}

export const STALE_SECONDS = 60 * 60;
