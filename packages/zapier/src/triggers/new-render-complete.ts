import {
  CanveleteError,
  type DedupeState,
  matchesEventFilter,
  normalizeRender,
  rememberEvent,
  verifyWebhook,
} from '@canvelete/core';
import {
  type Bundle,
  defineTrigger,
  type PlainOutputField,
  type ZObject,
} from 'zapier-platform-core';
import { authDataOf, canveleteFor } from '../client';
import { withErrors } from '../errors';
import { dehydratedRenderFile } from '../hydrators';
import {
  RENDER_FILE_OUTPUT_FIELD,
  RENDER_OUTPUT_FIELDS,
  RENDER_SAMPLE,
  renderItem,
} from '../outputs';
import { chosenEvents, filterOf, RENDER_FILTER_FIELDS, renderMatches } from './render-filters';

/** What performSubscribe keeps (Zapier hands it back as bundle.subscribeData). */
interface Subscription {
  id: string;
  secret?: string;
}

const DEDUPE_TTL_SECONDS = 24 * 60 * 60;

function subscriptionOf(bundle: Bundle): Partial<Subscription> {
  return (bundle.subscribeData ?? {}) as Partial<Subscription>;
}

/** Drops a delivery whose event id this subscription has already seen (ARCHITECTURE seam 4). */
async function isDuplicate(z: ZObject, bundle: Bundle, eventId: string): Promise<boolean> {
  const key = `canvelete:events:${subscriptionOf(bundle).id ?? 'pasted-url'}`;
  const stored = (await z.cache.get(key)) as DedupeState | null;
  const { duplicate, state } = rememberEvent(stored ?? undefined, eventId, Date.now());
  if (!duplicate) await z.cache.set(key, state, DEDUPE_TTL_SECONDS);
  return duplicate;
}

const perform = withErrors(async (z, bundle) => {
  const raw = bundle.rawRequest ?? {};
  // Fail closed: without a secret nothing verifies (the core answers NO_SECRET).
  const secret = subscriptionOf(bundle).secret ?? authDataOf(bundle).webhookSecret;
  const event = verifyWebhook({
    payload: raw.content ?? '',
    headers: raw.headers ?? {},
    secret: secret || undefined,
  });
  if (await isDuplicate(z, bundle, event.id)) return [];
  if (!matchesEventFilter(event, filterOf(bundle.inputData))) return [];
  const render = normalizeRender(event.data);
  return [
    {
      ...renderItem(render),
      file: render.status === 'completed' ? dehydratedRenderFile(z, render.id) : null,
      eventId: event.id,
      eventType: event.type,
      occurredAt: event.createdAt,
    },
  ];
});

const performSubscribe = withErrors(async (z, bundle) => {
  const { designId } = filterOf(bundle.inputData);
  try {
    const subscription = await canveleteFor(z, bundle).webhooks.subscribe({
      url: String(bundle.targetUrl),
      events: chosenEvents(bundle.inputData),
      designId,
    });
    return { id: subscription.id, secret: subscription.secret, events: subscription.events };
  } catch (error) {
    if (CanveleteError.isInstance(error) && error.code === 'NOT_SUPPORTED') {
      throw new z.errors.Error(
        'This Canvelete server cannot register webhooks automatically, so this instant trigger cannot be turned on. Use the "New Render (Polling)" trigger instead. (Canvelete NOT_SUPPORTED)',
        'NotSupported',
        error.status,
      );
    }
    throw error;
  }
});

const performUnsubscribe = withErrors(async (z, bundle) => {
  const { id } = subscriptionOf(bundle);
  if (id) await canveleteFor(z, bundle).webhooks.unsubscribe(id);
  return {};
});

/** Recent real renders, so the Zap editor shows the user's own data as the sample. */
const performList = withErrors(async (z, bundle) => {
  const page = await canveleteFor(z, bundle).renders.list({ page: 1, limit: 25 });
  return page.items
    .filter((render) => renderMatches(render, bundle.inputData))
    .slice(0, 10)
    .map((render) => ({
      ...renderItem(render),
      file: render.status === 'completed' ? dehydratedRenderFile(z, render.id) : null,
      eventId: null,
      eventType: `render.${render.status}`,
      occurredAt: render.completedAt ?? render.createdAt ?? null,
    }));
});

/** The instant trigger: Canvelete calls Zapier when a render finishes (a REST hook). */
export const newRenderComplete = defineTrigger({
  key: 'new_render_complete',
  noun: 'Render',
  display: {
    label: 'Render Completed',
    description: 'Triggers instantly when a render finishes (or fails, if you choose).',
  },
  operation: {
    type: 'hook',
    inputFields: RENDER_FILTER_FIELDS,
    perform,
    performSubscribe,
    performUnsubscribe,
    performList,
    sample: {
      ...RENDER_SAMPLE,
      file: RENDER_SAMPLE.url,
      eventId: 'evt_sample',
      eventType: 'render.completed',
      occurredAt: RENDER_SAMPLE.completedAt,
    },
    outputFields: [
      ...RENDER_OUTPUT_FIELDS,
      RENDER_FILE_OUTPUT_FIELD,
      ...([
        { key: 'eventId', label: 'Event ID', type: 'string' },
        { key: 'eventType', label: 'Event Type', type: 'string' },
        { key: 'occurredAt', label: 'Occurred At', type: 'datetime' },
      ] as PlainOutputField[]),
    ],
  },
});
