import { defineSearch, type PlainOutputField } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';
import { usageItem } from '../outputs';

/** Credits used and left, e.g. to warn before a big batch. Always one result. */
export const getUsage = defineSearch({
  key: 'get_usage',
  noun: 'Usage',
  display: {
    label: 'Get Usage',
    description: 'Gets the credits used and left on your Canvelete account.',
  },
  operation: {
    inputFields: [],
    perform: withErrors(async (z, bundle) => [
      usageItem(await canveleteFor(z, bundle).usage.retrieve()),
    ]),
    sample: {
      id: 'usage',
      creditsUsed: 120,
      creditsRemaining: 880,
      creditLimit: 1000,
      renders: 120,
      apiCalls: 430,
      apiCallLimit: 10000,
    },
    outputFields: [
      { key: 'creditsUsed', label: 'Credits Used', type: 'integer' },
      { key: 'creditsRemaining', label: 'Credits Left', type: 'integer' },
      { key: 'creditLimit', label: 'Credit Limit', type: 'integer' },
      { key: 'renders', label: 'Renders This Period', type: 'integer' },
      { key: 'apiCalls', label: 'API Calls This Period', type: 'integer' },
      { key: 'apiCallLimit', label: 'API Call Limit', type: 'integer' },
    ] as PlainOutputField[],
  },
});
