import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from '@pipedream/platform';
import app from '../../canvelete.app.mjs';
import { EVENT_OPTIONS } from '../../common/constants.mjs';
import { translateErrors } from '../../common/errors.mjs';
import { pollRenders } from '../../common/polling.mjs';
import sampleEmit from './test-event.mjs';

/** @type {import('@pipedream/types').DedupedSource<any, any> & { sampleEmit: unknown }} */
export default {
  key: 'canvelete-new-render',
  name: 'New Render',
  description:
    'Emit new event when a render finishes, by polling the render history. Use it where webhooks cannot reach Pipedream. [See the documentation](https://docs.canvelete.com/api-reference/render)',
  version: '0.0.2',
  type: 'source',
  dedupe: 'unique',
  props: {
    app,
    db: '$.service.db',
    timer: {
      type: '$.interface.timer',
      default: { intervalSeconds: DEFAULT_POLLING_SOURCE_TIMER_INTERVAL },
    },
    events: {
      type: 'string[]',
      label: 'Events',
      description: 'Which finished renders to emit.',
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
  },
  hooks: {
    async deploy() {
      await this.poll();
    },
  },
  methods: {
    /** @this {any} */
    async poll() {
      await translateErrors(() =>
        pollRenders(this, this.app.client(), {
          events: this.events?.length ? this.events : ['render.completed'],
          designId: this.designId || undefined,
          reference: this.reference || undefined,
        }),
      );
    },
  },
  async run() {
    await this.poll();
  },
  sampleEmit,
};
