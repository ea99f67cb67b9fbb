import { DEFAULT_BASE_URL } from '@canvelete/core';
import type { Bundle, ZObject } from 'zapier-platform-core';
import { authDataOf, canveleteFor } from './client';
import { withErrors } from './errors';

/** The connection test: a cheap authenticated call whose answer also feeds the label. */
const test = withErrors(async (z: ZObject, bundle: Bundle) => {
  const usage = await canveleteFor(z, bundle).usage.retrieve();
  const baseUrl = authDataOf(bundle).baseUrl?.trim() || DEFAULT_BASE_URL;
  return {
    host: new URL(baseUrl).host,
    creditsRemaining: usage.creditsRemaining,
    creditLimit: usage.creditLimit,
  };
});

/**
 * Canvelete's API names no account (no "me" route), so the label names the server the key
 * belongs to; a sandbox or self-hosted connection is told apart from production at a glance.
 */
async function connectionLabel(_z: ZObject, bundle: Bundle): Promise<string> {
  const host = String(bundle.inputData['host'] ?? '');
  return host && host !== new URL(DEFAULT_BASE_URL).host ? `Canvelete (${host})` : 'Canvelete';
}

export const authentication = {
  type: 'custom' as const,
  fields: [
    {
      key: 'apiKey',
      label: 'API Key',
      type: 'password' as const,
      required: true,
      helpText:
        'Create a key in Canvelete under Settings → API Keys ([open](https://www.canvelete.com/settings/api-keys)).',
    },
    {
      key: 'baseUrl',
      label: 'API Base URL',
      type: 'string' as const,
      required: false,
      helpText: `Leave blank for ${DEFAULT_BASE_URL}. Set it only to test against a Canvelete sandbox.`,
    },
    {
      key: 'webhookSecret',
      label: 'Webhook Signing Secret',
      type: 'password' as const,
      required: false,
      helpText:
        'Optional. The signing secret from Canvelete Settings → Webhooks. When set, render callbacks must carry a valid signature.',
    },
  ],
  test,
  connectionLabel,
};
