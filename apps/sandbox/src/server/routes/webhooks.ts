// The proposed subscription API pinned in ARCHITECTURE ("Webhook subscriptions"). With
// `webhookApi: false` these routes are not registered, so they answer 404 like today's Canvelete.
import type { Hono } from 'hono';
import { requireScope } from '../auth.js';
import type { AppEnv, SandboxContext } from '../context.js';
import { invalid, malformed, notFound } from '../errors.js';
import { nowIso, prefixedId, secretHex } from '../ids.js';
import type { SubscriptionRecord } from '../model.js';
import { type AppContext, bodyOf, json } from '../respond.js';
import { callbackUrlOf, optionalString } from '../validation.js';

export const WEBHOOK_EVENTS = [
  'render.completed',
  'render.failed',
  'batch.completed',
  'design.created',
  'design.updated',
  'design.deleted',
  '*',
];

function publicView(subscription: SubscriptionRecord) {
  const { secret: _secret, ...rest } = subscription;
  return rest;
}

export function registerWebhookRoutes(app: Hono<AppEnv>, sandbox: SandboxContext): void {
  const { store, wire } = sandbox;

  app.post('/api/v1/webhooks', (c: AppContext) => {
    requireScope(c.get('apiKey'), 'webhooks:write');
    const body = bodyOf(c);
    if (body.url === undefined) throw invalid('url', 'is required');
    const url = callbackUrlOf({ callbackUrl: body.url });
    if (!Array.isArray(body.events)) throw malformed('events', 'must be an array of event types');
    if (body.events.length === 0) throw invalid('events', 'must name at least one event');
    for (const [index, event] of body.events.entries()) {
      if (typeof event !== 'string' || !WEBHOOK_EVENTS.includes(event)) {
        throw invalid(`events[${index}]`, `must be one of ${WEBHOOK_EVENTS.join(', ')}`);
      }
    }
    const subscription: SubscriptionRecord = {
      id: prefixedId('wh'),
      url: url!,
      events: [...new Set(body.events as string[])],
      designId: optionalString(body, 'designId') ?? null,
      secret: `whsec_${secretHex('subscription')}`,
      createdAt: nowIso(),
    };
    store.putSubscription(subscription);
    // The secret is returned here and never again.
    return json(wire.ok({ ...publicView(subscription), secret: subscription.secret }), 201);
  });

  app.get('/api/v1/webhooks', (c: AppContext) => {
    requireScope(c.get('apiKey'), 'webhooks:read');
    const items = [...store.subscriptions.values()]
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(publicView);
    return json(wire.ok(items));
  });

  app.delete('/api/v1/webhooks/:id', (c: AppContext) => {
    requireScope(c.get('apiKey'), 'webhooks:write');
    const id = c.req.param('id')!;
    if (!store.deleteSubscription(id)) throw notFound('Webhook subscription', id);
    return json({ success: true });
  });
}
