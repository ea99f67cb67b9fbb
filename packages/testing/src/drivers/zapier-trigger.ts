// The "Render Completed" REST hook (new_render_complete) through its real lifecycle: Zapier calls
// performSubscribe with a hook URL it hosts (here the fake's, on loopback), Canvelete POSTs to that
// URL, Zapier runs perform with the request, and performUnsubscribe when the Zap is turned off.
import { randomUUID } from 'node:crypto';
import { toZapierDelivery } from '../zapier/fake-zapier.ts';
import {
  type DriverDelivery,
  type DriverDeliveryOutcome,
  DriverFailure,
  type DriverTrigger,
  type DriverTriggerFilter,
  type NormalizedTriggerEvent,
} from './types.ts';
import type { ZapierSession } from './zapier-session.ts';

const HOOK = 'triggers.new_render_complete.operation';

/** What performSubscribe returned; Zapier keeps it as bundle.subscribeData. */
interface SubscribeData {
  id?: string;
  secret?: string;
}

/** The trigger's "Outcome" choices are the event types without their `render.` prefix. */
function triggerInput(filter: DriverTriggerFilter): Record<string, unknown> {
  const events = (filter.events ?? ['render.completed']).map((type) =>
    type.replace(/^render\./, ''),
  );
  return { events, ...(filter.reference ? { reference: filter.reference } : {}) };
}

/** Zapier hands perform `Http-Title-Case` header names; a delivery keeps the names as sent. */
function plainHeaders(zapierHeaders: Record<string, string>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(zapierHeaders)) {
    headers[name.replace(/^Http-/, '').toLowerCase()] = value;
  }
  return headers;
}

function eventOf(item: Record<string, unknown>): NormalizedTriggerEvent {
  const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : undefined);
  return {
    eventId: text('eventId'),
    eventType: text('eventType'),
    renderId: String(item['id'] ?? ''),
    status: text('status'),
    reference: text('reference'),
  };
}

export async function subscribeZapierTrigger(
  session: ZapierSession,
  filter: DriverTriggerFilter,
): Promise<DriverTrigger> {
  const { fake } = session.runtime;
  const hookName = `new_render_complete-${randomUUID()}`;
  const url = fake.hookUrl(hookName);
  const inputData = triggerInput(filter);
  // One Zap step: its runs share a store key, as Zapier's do.
  const storeKey = `zap-${randomUUID()}`;
  // Fails with the app's own error when Canvelete has no subscription API (NotSupported, pointing
  // to the polling trigger): Zapier refuses to turn the Zap on, so there is no manual mode here.
  const subscribeData = await session.run<SubscribeData>(
    `${HOOK}.performSubscribe`,
    { targetUrl: url, inputData },
    { storeKey },
    'private',
  );
  let consumed = 0;
  let closed = false;

  return {
    mode: 'subscribed',
    url,
    signingSecret: subscribeData.secret,
    notice: undefined,
    async nextDelivery(timeoutMs = 10_000) {
      const deliveries = await fake.waitForDeliveries(hookName, consumed + 1, timeoutMs);
      const delivery = deliveries[consumed];
      consumed++;
      if (!delivery) throw new Error(`no delivery ${consumed} reached ${url}`);
      return {
        body: delivery.rawRequest.content,
        headers: plainHeaders(delivery.rawRequest.headers),
      };
    },
    async deliver(delivery: DriverDelivery): Promise<DriverDeliveryOutcome> {
      const { rawRequest, cleanedRequest } = toZapierDelivery(
        'POST',
        new URL(url).pathname,
        delivery.headers,
        Buffer.from(delivery.body, 'utf8'),
      );
      try {
        const items = await session.run<Array<Record<string, unknown>>>(
          `${HOOK}.perform`,
          { inputData, subscribeData, rawRequest, cleanedRequest },
          { storeKey },
        );
        // Zapier's hook endpoint answers 200; perform's items are the Zap runs it starts (none
        // for a duplicate or a filtered-out event).
        return { accepted: true, status: 200, events: items.map(eventOf) };
      } catch (error) {
        // The app halts a delivery that fails verification: no run, and the Zap stays on.
        if (error instanceof DriverFailure && error.view.kind === 'HaltedError') {
          return { accepted: false, events: [], refusal: error.view };
        }
        throw error;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await session.run(`${HOOK}.performUnsubscribe`, { inputData, subscribeData }, { storeKey });
    },
  };
}
