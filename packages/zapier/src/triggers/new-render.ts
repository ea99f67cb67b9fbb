import { defineTrigger } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';
import { dehydratedRenderFile } from '../hydrators';
import {
  newestFirst,
  RENDER_FILE_OUTPUT_FIELD,
  RENDER_OUTPUT_FIELDS,
  RENDER_SAMPLE,
  renderItem,
} from '../outputs';
import { RENDER_FILTER_FIELDS, renderMatches } from './render-filters';

const POLL_SIZE = 50;

/**
 * Polls render history, for Canvelete servers without the webhook subscription API (or for users
 * who prefer polling). Zapier dedupes by render id, so each finished render fires once.
 */
export const newRender = defineTrigger({
  key: 'new_render',
  noun: 'Render',
  display: {
    label: 'New Render (Polling)',
    description:
      'Triggers when a render finishes, checked every few minutes. Use "Render Completed" for instant triggering.',
  },
  operation: {
    type: 'polling',
    inputFields: RENDER_FILTER_FIELDS,
    perform: withErrors(async (z, bundle) => {
      const page = await canveleteFor(z, bundle).renders.list({ page: 1, limit: POLL_SIZE });
      return [...page.items]
        .sort(newestFirst)
        .filter((render) => renderMatches(render, bundle.inputData))
        .map((render) => ({
          ...renderItem(render),
          file: render.status === 'completed' ? dehydratedRenderFile(z, render.id) : null,
        }));
    }),
    sample: { ...RENDER_SAMPLE, file: RENDER_SAMPLE.url },
    outputFields: [...RENDER_OUTPUT_FIELDS, RENDER_FILE_OUTPUT_FIELD],
  },
});
