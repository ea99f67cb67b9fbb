import type { Design, Page } from '@canvelete/core';
import { type Bundle, defineTrigger, type ZObject } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';

/** One page of a dropdown. Zapier asks for the next page (bundle.meta.page) until one is empty. */
export const DROPDOWN_PAGE_SIZE = 25;

export function dropdownChoice(design: Design): { id: string; name: string } {
  return { id: design.id, name: `${design.name} (${design.width}×${design.height})` };
}

type Lister = (
  canvelete: ReturnType<typeof canveleteFor>,
  params: { page: number; limit: number; search?: string },
) => Promise<Page<Design>>;

/** A hidden trigger backing a dropdown: one page per `bundle.meta.page`, searchable by name. */
export function dropdownTrigger(options: {
  key: string;
  noun: string;
  description: string;
  list: Lister;
  sample: { id: string; name: string };
}) {
  return defineTrigger({
    key: options.key,
    noun: options.noun,
    display: {
      label: `List ${options.noun}s`,
      description: options.description,
      hidden: true,
    },
    operation: {
      type: 'polling',
      canPaginate: true,
      inputFields: [{ key: 'search', label: 'Name contains', required: false }],
      perform: withErrors(async (z: ZObject, bundle: Bundle) => {
        const page = await options.list(canveleteFor(z, bundle), {
          page: (bundle.meta?.page ?? 0) + 1,
          limit: DROPDOWN_PAGE_SIZE,
          search: (bundle.inputData['search'] as string | undefined) || undefined,
        });
        return page.items.map(dropdownChoice);
      }),
      sample: options.sample,
      outputFields: [
        { key: 'id', label: `${options.noun} ID` },
        { key: 'name', label: 'Name (size)' },
      ],
    },
  });
}
