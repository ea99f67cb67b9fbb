import { fileURLToPath } from 'node:url';
import { type Sandbox, type SandboxOptions, startSandbox } from '@canvelete/sandbox';
import { type PipedreamHarness, startPipedreamHarness } from '@canvelete/testing/pipedream';

/** Seed designs of the sandbox (apps/sandbox/src/seed). */
export const OG_IMAGE_ID = 'cm4sbx0graph1mage00000003';
export const STATIC_BANNER_ID = 'cm4sbxstat1cbanner0000006';
export const PRODUCT_CARD_ID = 'cm4sbxprodct0card00000002';
/** A template with declared variables: text, image, number and boolean; 1000×400. */
export const TICKET_TEMPLATE_ID = 'cm4sbxt1cket0tmpl00000005';

export const componentPath = (rel: string): string =>
  fileURLToPath(new URL(`../components/canvelete/${rel}`, import.meta.url));

export interface World {
  sandbox: Sandbox;
  pd: PipedreamHarness;
  auth: { canvelete: Record<string, string> };
  close(): Promise<void>;
}

/** A sandbox and an emulated Pipedream runtime, with a connected account for the sandbox. */
export async function startWorld(options: SandboxOptions = {}): Promise<World> {
  const sandbox = await startSandbox({
    port: 0,
    seed: 7,
    webhookRetryScheduleMs: [50],
    ...options,
  });
  const pd = await startPipedreamHarness();
  return {
    sandbox,
    pd,
    auth: {
      canvelete: {
        api_key: sandbox.apiKey,
        base_url: sandbox.url,
        signing_secret: sandbox.webhookSecret,
      },
    },
    async close() {
      await pd.close();
      await sandbox.close();
    },
  };
}
