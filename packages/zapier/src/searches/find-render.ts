import { CanveleteError } from '@canvelete/core';
import { defineSearch } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';
import { dehydratedRenderFile } from '../hydrators';
import {
  RENDER_FILE_OUTPUT_FIELD,
  RENDER_OUTPUT_FIELDS,
  RENDER_SAMPLE,
  renderItem,
} from '../outputs';

/** Looks a render up by id; an unknown id is "nothing found", not an error. */
export const findRender = defineSearch({
  key: 'find_render',
  noun: 'Render',
  display: {
    label: 'Find Render',
    description: 'Finds a render by its ID, with its status and file.',
  },
  operation: {
    inputFields: [{ key: 'renderId', label: 'Render ID', required: true }],
    perform: withErrors(async (z, bundle) => {
      const id = String(bundle.inputData['renderId'] ?? '').trim();
      try {
        const render = await canveleteFor(z, bundle).renders.retrieve(id);
        return [
          {
            ...renderItem(render),
            file: render.status === 'completed' ? dehydratedRenderFile(z, render.id) : null,
          },
        ];
      } catch (error) {
        if (CanveleteError.isInstance(error) && error.code === 'NOT_FOUND') return [];
        throw error;
      }
    }),
    sample: { ...RENDER_SAMPLE, file: RENDER_SAMPLE.url },
    outputFields: [...RENDER_OUTPUT_FIELDS, RENDER_FILE_OUTPUT_FIELD],
  },
});
