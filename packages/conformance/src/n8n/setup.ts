import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { type Sandbox, type SandboxOptions, startSandbox } from '@canvelete/sandbox';
import { type ScriptedServer, startScriptedServer } from '@canvelete/testing/http';
import { N8nHarness } from '@canvelete/testing/n8n';

const require = createRequire(import.meta.url);

/** The built n8n-nodes-canvelete package (what `pnpm pack` ships: package.json + dist). */
export const N8N_PACKAGE_DIR = dirname(require.resolve('n8n-nodes-canvelete/package.json'));

export interface N8nSandboxSetup {
  sandbox: Sandbox;
  harness: N8nHarness;
  /** Stands in for n8n's public URL: it records the callbacks Canvelete sends to resume URLs. */
  receiver: ScriptedServer;
  close(): Promise<void>;
}

/**
 * A sandbox Canvelete and the n8n engine harness with a Canvelete credential pointing at it.
 * `withSecret` puts the sandbox's signing secret on the credential.
 */
export async function startN8nSandbox(
  options: SandboxOptions & { withSecret?: boolean } = {},
): Promise<N8nSandboxSetup> {
  const { withSecret = true, ...sandboxOptions } = options;
  const sandbox = await startSandbox({ port: 0, seed: 7, ...sandboxOptions });
  const receiver = await startScriptedServer([{ status: 200, body: { ok: true } }]);
  const harness = await N8nHarness.create({
    packageDir: N8N_PACKAGE_DIR,
    baseUrl: receiver.url,
    credentials: {
      canveleteApi: {
        apiKey: sandbox.apiKey,
        baseUrl: sandbox.url,
        webhookSecret: withSecret ? sandbox.webhookSecret : '',
      },
    },
  });
  return {
    sandbox,
    harness,
    receiver,
    close: async () => {
      await receiver.close();
      await sandbox.close();
    },
  };
}
