import app from '../../canvelete.app.mjs';
import { translateErrors } from '../../common/errors.mjs';
import { runIdempotencyKey } from '../../common/render-wait.mjs';

const LABELS = {
  name: 'Name',
  description: 'Description',
  width: 'Width',
  height: 'Height',
  canvasData: 'Canvas Data',
  visibility: 'Visibility',
};

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-create-design',
  name: 'Create Design',
  description:
    'Create a Canvelete design, empty or from canvas data. [See the documentation](https://docs.canvelete.com/api-reference/designs)',
  version: '0.0.2',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
  props: {
    app,
    name: {
      type: 'string',
      label: 'Name',
      description: 'The design’s name.',
    },
    description: {
      type: 'string',
      label: 'Description',
      description: 'A description for the design.',
      optional: true,
    },
    width: {
      type: 'integer',
      label: 'Width',
      description: 'Canvas width in pixels (1–10,000).',
      optional: true,
      default: 1080,
    },
    height: {
      type: 'integer',
      label: 'Height',
      description: 'Canvas height in pixels (1–10,000).',
      optional: true,
      default: 1080,
    },
    canvasData: {
      type: 'object',
      label: 'Canvas Data',
      description:
        'The canvas as Canvelete’s JSON (`{ "elements": [ … ] }`), e.g. from an exported design.',
      optional: true,
    },
    visibility: {
      type: 'string',
      label: 'Visibility',
      description: 'Who can see the design.',
      options: ['PRIVATE', 'PUBLIC', 'TEAM', 'UNLISTED'],
      optional: true,
      default: 'PRIVATE',
    },
    isTemplate: {
      type: 'boolean',
      label: 'Is Template',
      description: 'Mark the design as a template.',
      optional: true,
      default: false,
    },
  },
  /** @param {any} options */
  async run({ $ }) {
    const client = this.app.client($);
    return translateErrors(
      async () => {
        const params = {
          name: this.name,
          description: this.description || undefined,
          width: this.width,
          height: this.height,
          canvasData: this.canvasData || undefined,
          visibility: this.visibility || undefined,
          isTemplate: this.isTemplate,
        };
        const design = await client.designs.create(params, {
          idempotencyKey: runIdempotencyKey($, 'create-design', params),
        });
        $.export('$summary', `Created design "${design.name}" (${design.id})`);
        return design;
      },
      { labels: LABELS },
    );
  },
};
