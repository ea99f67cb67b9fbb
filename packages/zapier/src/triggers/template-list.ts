import { defineTrigger } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';
import { DROPDOWN_PAGE_SIZE, dropdownChoice } from './design-list';

/** The hidden trigger behind the template dropdown. */
export const templateList = defineTrigger({
  key: 'template_list',
  noun: 'Template',
  display: {
    label: 'List Templates',
    description: 'Lists templates for dropdowns.',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    inputFields: [{ key: 'search', label: 'Name contains', required: false }],
    perform: withErrors(async (z, bundle) => {
      const page = await canveleteFor(z, bundle).templates.list({
        page: (bundle.meta?.page ?? 0) + 1,
        limit: DROPDOWN_PAGE_SIZE,
        search: (bundle.inputData['search'] as string | undefined) || undefined,
      });
      return page.items.map(dropdownChoice);
    }),
    sample: { id: 'tpl_sample', name: 'Event ticket (1200×600)' },
    outputFields: [
      { key: 'id', label: 'Template ID' },
      { key: 'name', label: 'Name (size)' },
    ],
  },
});
