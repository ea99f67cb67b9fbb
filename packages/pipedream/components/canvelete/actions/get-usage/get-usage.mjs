import app from '../../canvelete.app.mjs';
import { translateErrors } from '../../common/errors.mjs';

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-get-usage',
  name: 'Get Usage',
  description:
    'Get the account’s credits used and remaining, and API usage. [See the documentation](https://docs.canvelete.com/api-reference/usage)',
  version: '0.0.2',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: true,
  },
  props: { app },
  /** @param {any} options */
  async run({ $ }) {
    const client = this.app.client($);
    return translateErrors(async () => {
      const usage = await client.usage.retrieve();
      $.export(
        '$summary',
        `${usage.creditsRemaining} of ${usage.creditLimit} credits remaining (${usage.creditsUsed} used)`,
      );
      return usage;
    });
  },
};
