import { DEFAULT_POLLING_SOURCE_TIMER_INTERVAL } from '@pipedream/platform';
import app from '../../canvelete.app.mjs';
import { translateErrors } from '../../common/errors.mjs';
import { pollDesigns } from '../../common/polling.mjs';
import sampleEmit from './test-event.mjs';

/** @type {import('@pipedream/types').DedupedSource<any, any> & { sampleEmit: unknown }} */
export default {
  key: 'canvelete-new-design',
  name: 'New Design',
  description:
    'Emit new event when a design is created in Canvelete, by polling. [See the documentation](https://docs.canvelete.com/api-reference/designs)',
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
    templatesOnly: {
      type: 'boolean',
      label: 'Templates Only',
      description: 'Only designs marked as templates.',
      optional: true,
      default: false,
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
        pollDesigns(this, this.app.client(), {
          isTemplate: this.templatesOnly ? true : undefined,
        }),
      );
    },
  },
  async run() {
    await this.poll();
  },
  sampleEmit,
};
