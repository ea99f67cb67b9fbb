import { dropdownTrigger } from './dropdown';

/** The hidden trigger behind the template dropdown. */
export const templateList = dropdownTrigger({
  key: 'template_list',
  noun: 'Template',
  description: 'Lists templates for dropdowns.',
  list: (canvelete, params) => canvelete.templates.list(params),
  sample: { id: 'tpl_sample', name: 'Event ticket (1200×600)' },
});
