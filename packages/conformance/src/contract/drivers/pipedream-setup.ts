// Shared by the Pipedream driver's test files: a sandbox and driver options pointing at it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { signWebhook } from '@canvelete/core';
import { type Sandbox, type SandboxOptions, startSandbox } from '@canvelete/sandbox';
import type { PipedreamDriverOptions } from '@canvelete/testing/drivers';

const require = createRequire(import.meta.url);
export const COMPONENTS_DIR = join(
  dirname(require.resolve('@canvelete/pipedream/package.json')),
  'components/canvelete',
);

export function start(options: SandboxOptions = {}) {
  return startSandbox({ port: 0, seed: 11, webhookRetryScheduleMs: [100], ...options });
}

export function options(sandbox: Sandbox, extra: Partial<PipedreamDriverOptions> = {}) {
  return {
    componentsDir: COMPONENTS_DIR,
    credentials: {
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      webhookSecret: sandbox.webhookSecret,
    },
    ...extra,
  };
}

export function signed(event: Record<string, unknown>, secret: string) {
  const body = JSON.stringify(event);
  return {
    body,
    headers: { 'content-type': 'application/json', ...signWebhook({ payload: body, secret }) },
  };
}
