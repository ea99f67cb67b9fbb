import { Canvelete } from '@canvelete/core';
import { FORMAT_OPTIONS, OPTIONS_PAGE_SIZE, USER_AGENT } from './common/constants.mjs';
import { pipedreamTransport } from './common/transport.mjs';

/**
 * One dropdown page. `prevContext` is `{}` on the first call; the page number travels in
 * `context.nextPageToken`, and `null` there means the last page was served.
 */
async function optionsPage(prevContext, load) {
  const token = prevContext?.nextPageToken;
  if (token === null) return { options: [] };
  const page = typeof token === 'number' ? token : 1;
  const result = await load(page);
  return {
    options: result.options,
    context: { nextPageToken: result.hasMore ? page + 1 : null },
  };
}

function sizeLabel(item) {
  return item.width && item.height ? ` (${item.width}×${item.height})` : '';
}

/** @type {import('@pipedream/types').App<any, any>} */
export default {
  type: 'app',
  app: 'canvelete',
  propDefinitions: {
    designId: {
      type: 'string',
      label: 'Design',
      description:
        'The design to render. Search by name, or enter a design ID (from the editor URL).',
      useQuery: true,
      async options({ prevContext, query }) {
        return optionsPage(prevContext, async (page) => {
          const result = await this.client().designs.list({
            page,
            limit: OPTIONS_PAGE_SIZE,
            search: query || undefined,
          });
          return {
            hasMore: result.hasMore,
            options: result.items.map((design) => ({
              label: `${design.name}${sizeLabel(design)}`,
              value: design.id,
            })),
          };
        });
      },
    },
    templateId: {
      type: 'string',
      label: 'Template',
      description: 'A template from the Canvelete library. Search by name, or enter its ID.',
      useQuery: true,
      async options({ prevContext, query }) {
        return optionsPage(prevContext, async (page) => {
          const result = await this.client().templates.list({
            page,
            limit: OPTIONS_PAGE_SIZE,
            search: query || undefined,
          });
          return {
            hasMore: result.hasMore,
            options: result.items.map((template) => ({
              label: `${template.name}${sizeLabel(template)}`,
              value: template.id,
            })),
          };
        });
      },
    },
    renderId: {
      type: 'string',
      label: 'Render',
      description: 'A render from your history, or a render ID from an earlier step.',
      async options({ prevContext }) {
        return optionsPage(prevContext, async (page) => {
          const result = await this.client().renders.list({ page, limit: OPTIONS_PAGE_SIZE });
          return {
            hasMore: result.hasMore,
            options: result.items.map((render) => ({
              label: `${render.id} · ${render.status}${render.createdAt ? ` · ${render.createdAt}` : ''}`,
              value: render.id,
            })),
          };
        });
      },
    },
    format: {
      type: 'string',
      label: 'Format',
      description: 'The output file format. Leave empty for the design’s default (PNG).',
      options: FORMAT_OPTIONS,
      optional: true,
    },
    reference: {
      type: 'string',
      label: 'Reference',
      description:
        'Your own correlation value (up to 256 characters), returned on the render and in its webhooks; triggers can filter on it.',
      optional: true,
    },
    saveFile: {
      type: 'boolean',
      label: 'Save File',
      description:
        'Also download the output into the workflow’s temp folder (`STASH_DIR`, or `/tmp`) and return its path.',
      optional: true,
      default: false,
    },
  },
  methods: {
    /**
     * A core client on Pipedream's own axios. Pass the step's `$` so requests appear in its
     * logs; dropdowns and hooks have no `$` and pass nothing (the app itself stands in).
     * @this {any}
     */
    client($) {
      return new Canvelete({
        apiKey: this.$auth.api_key,
        baseUrl: this.$auth.base_url || undefined,
        transport: pipedreamTransport($ ?? this),
        userAgent: USER_AGENT,
      });
    },
    /** The signing secret configured on the connected account, if any. */
    accountSigningSecret() {
      return this.$auth.signing_secret || undefined;
    },
  },
};
