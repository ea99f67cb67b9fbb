import app from '../../canvelete.app.mjs';
import { translateErrors } from '../../common/errors.mjs';

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-list-designs',
  name: 'List Designs',
  description:
    'List your Canvelete designs (or templates), newest first, with an optional search. [See the documentation](https://docs.canvelete.com/api-reference/designs)',
  version: '0.0.2',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: true,
  },
  props: {
    app,
    search: {
      type: 'string',
      label: 'Search',
      description: 'Only designs whose name contains this text.',
      optional: true,
    },
    templatesOnly: {
      type: 'boolean',
      label: 'Templates Only',
      description: 'Only designs marked as templates.',
      optional: true,
      default: false,
    },
    maxResults: {
      type: 'integer',
      label: 'Max Results',
      description: 'The most designs to return.',
      min: 1,
      max: 1000,
      optional: true,
      default: 50,
    },
  },
  /** @param {any} options */
  async run({ $ }) {
    const client = this.app.client($);
    return translateErrors(
      async () => {
        const designs = [];
        const max = this.maxResults ?? 50;
        const params = {
          search: this.search || undefined,
          isTemplate: this.templatesOnly ? true : undefined,
          limit: Math.min(max, 100),
        };
        for await (const design of client.designs.iterate(params)) {
          designs.push(design);
          if (designs.length >= max) break;
        }
        $.export('$summary', `Found ${designs.length} design${designs.length === 1 ? '' : 's'}`);
        return designs;
      },
      { labels: { search: 'Search', limit: 'Max Results' } },
    );
  },
};
