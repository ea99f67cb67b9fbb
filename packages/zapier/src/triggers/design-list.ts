import type { Design } from '@canvelete/core';
import { defineTrigger } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';

/** One page of a dropdown. Zapier asks for the next page (bundle.meta.page) until one is empty. */
export const DROPDOWN_PAGE_SIZE = 25;

export function dropdownChoice(design: Design): { id: string; name: string } {
  return { id: design.id, name: `${design.name} (${design.width}×${design.height})` };
}

/** The hidden trigger behind every design dropdown: designs page by page, searchable by name. */
export const designList = defineTrigger({
  key: 'design_list',
  noun: 'Design',
  display: {
    label: 'List Designs',
    description: 'Lists designs for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields: [{ key: 'search', label: 'Name contains', required: false }],
    perform: withErrors(async (z, bundle) => {
      const page = await canveleteFor(z, bundle).designs.list({
        page: (bundle.meta?.page ?? 0) + 1,
        limit: DROPDOWN_PAGE_SIZE,
        search: (bundle.inputData['search'] as string | undefined) || undefined,
      });
      return page.items.map(dropdownChoice);
    }),
    sample: { id: 'dsg_sample', name: 'Instagram post (1080×1080)' },
    outputFields: [
      { key: 'id', label: 'Design ID' },
      { key: 'name', label: 'Name (size)' },
    ],
  },
});
