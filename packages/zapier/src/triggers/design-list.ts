import { dropdownTrigger } from './dropdown';

export { DROPDOWN_PAGE_SIZE, dropdownChoice } from './dropdown';

/** The hidden trigger behind every design dropdown. */
export const designList = dropdownTrigger({
  key: 'design_list',
  noun: 'Design',
  description: 'Lists designs for dropdowns.',
  list: (canvelete, params) => canvelete.designs.list(params),
  sample: { id: 'dsg_sample', name: 'Instagram post (1080×1080)' },
});
