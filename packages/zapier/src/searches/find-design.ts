import { defineSearch } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';
import { DESIGN_OUTPUT_FIELDS, DESIGN_SAMPLE, designItem } from '../outputs';

/** Finds designs by name; an exact (case-insensitive) match comes first. None found is `[]`. */
export const findDesign = defineSearch({
  key: 'find_design',
  noun: 'Design',
  display: {
    label: 'Find Design',
    description: 'Finds a design by name.',
  },
  operation: {
    inputFields: [{ key: 'name', label: 'Name', required: true }],
    perform: withErrors(async (z, bundle) => {
      const name = String(bundle.inputData['name'] ?? '').trim();
      const page = await canveleteFor(z, bundle).designs.list({ page: 1, limit: 25, search: name });
      const wanted = name.toLowerCase();
      const matches = page.items.filter((design) => design.name.toLowerCase().includes(wanted));
      const exact = matches.filter((design) => design.name.toLowerCase() === wanted);
      const rest = matches.filter((design) => design.name.toLowerCase() !== wanted);
      return [...exact, ...rest].map(designItem);
    }),
    sample: DESIGN_SAMPLE,
    outputFields: DESIGN_OUTPUT_FIELDS,
  },
});
