import { CanveleteError, matchesEventFilter, verifyWebhook } from '@canvelete/core';
import app from '../../canvelete.app.mjs';
import { EVENT_OPTIONS } from '../../common/constants.mjs';
import { toPipedreamError } from '../../common/errors.mjs';
import { renderEventPayload, renderEventSummary } from '../../common/events.mjs';
import sampleEmit from './test-event.mjs';

/** @type {import('@pipedream/types').DedupedSource<any, any> & { sampleEmit: unknown }} */
export default {
  key: 'canvelete-new-render-completed',
  name: 'New Render Completed (Instant)',
  description:
    'Emit new event when a Canvelete render completes (or fails), verified by its signature. [See the documentation](https://docs.canvelete.com/api-reference/webhooks)',
  version: '0.0.2',
  type: 'source',
  dedupe: 'unique',
  props: {
    app,
    db: '$.service.db',
    http: {
      type: '$.interface.http',
      customResponse: true,
    },
    events: {
      type: 'string[]',
      label: 'Events',
      description: 'Which render events to emit.',
      options: EVENT_OPTIONS,
      optional: true,
      default: ['render.completed'],
    },
    designId: {
      propDefinition: [app, 'designId'],
      description: 'Only renders of this design.',
      optional: true,
    },
    reference: {
      propDefinition: [app, 'reference'],
      description: 'Only renders whose reference is exactly this value.',
    },
    signingSecret: {
      type: 'string',
      label: 'Signing Secret',
      description:
        'Only needed when Canvelete cannot register the webhook itself: add this source’s endpoint (see the logs) in Canvelete’s dashboard, then paste that webhook’s signing secret here.',
      secret: true,
      optional: true,
    },
  },
  hooks: {
    async activate() {
      const client = this.app.client();
      try {
        const subscription = await client.webhooks.subscribe({
          url: this.http.endpoint,
          events: this.eventTypes(),
          designId: this.designId || undefined,
        });
        this.db.set('subscription', { id: subscription.id, secret: subscription.secret ?? null });
      } catch (error) {
        if (!CanveleteError.isInstance(error) || error.code !== 'NOT_SUPPORTED') {
          throw toPipedreamError(error);
        }
        this.db.set('subscription', null);
        console.log(
          `This Canvelete server has no webhook API. In Canvelete's dashboard, add a webhook for ${this.eventTypes().join(', ')} with this URL: ${this.http.endpoint}`,
        );
        if (!this.signingSecret && !this.app.accountSigningSecret()) {
          console.log(
            'Then paste its signing secret into this source’s Signing Secret: until then every delivery is refused.',
          );
        }
      }
    },
    async deactivate() {
      const subscription = this.db.get('subscription');
      if (subscription?.id) {
        try {
          await this.app.client().webhooks.unsubscribe(subscription.id);
        } catch (error) {
          throw toPipedreamError(error);
        }
      }
      this.db.set('subscription', null);
    },
  },
  methods: {
    /** @this {any} */
    eventTypes() {
      return this.events?.length ? this.events : ['render.completed'];
    },
    /** @this {any} */
    secrets() {
      return [
        this.db.get('subscription')?.secret,
        this.signingSecret,
        this.app.accountSigningSecret(),
      ].filter(Boolean);
    },
  },
  /** @param {any} request */
  async run(request) {
    let event;
    try {
      event = verifyWebhook({
        payload: request.bodyRaw ?? '',
        headers: request.headers ?? {},
        secrets: this.secrets(),
      });
    } catch (error) {
      const reason = CanveleteError.isInstance(error) ? error.details.reason : 'INVALID_PAYLOAD';
      console.log(`Refused a delivery: ${reason}`);
      this.http.respond({ status: 401, body: { error: 'invalid signature', reason } });
      return;
    }
    this.http.respond({ status: 200, body: { received: true } });
    const filter = {
      events: this.eventTypes(),
      designId: this.designId || undefined,
      reference: this.reference || undefined,
    };
    if (!matchesEventFilter(event, filter)) return;
    const payload = renderEventPayload(event);
    this.$emit(payload, {
      id: event.id,
      summary: renderEventSummary(event, payload.render),
      ts: Date.parse(event.createdAt) || Date.now(),
    });
  },
  sampleEmit,
};
