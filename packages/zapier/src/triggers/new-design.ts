import { defineTrigger } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';
import { DESIGN_OUTPUT_FIELDS, DESIGN_SAMPLE, designItem, newestFirst } from '../outputs';

const POLL_SIZE = 50;

/** Polls the design list; Zapier keeps the ids it has seen, so each design fires once. */
export const newDesign = defineTrigger({
  key: 'new_design',
  noun: 'Design',
  display: {
    label: 'New Design',
    description: 'Triggers when a design is created in your Canvelete account.',
  },
  operation: {
    type: 'polling',
    perform: withErrors(async (z, bundle) => {
      const page = await canveleteFor(z, bundle).designs.list({ page: 1, limit: POLL_SIZE });
      return [...page.items].sort(newestFirst).map(designItem);
    }),
    sample: DESIGN_SAMPLE,
    outputFields: DESIGN_OUTPUT_FIELDS,
  },
});
