// The app in Zapier's real runtime (the Lambda handler, via @canvelete/testing/zapier) against the
// sandbox.
import { type Sandbox, type SandboxOptions, startSandbox } from '@canvelete/sandbox';
import {
  createZapierHandler,
  startZapierRuntime,
  type ZapierBundle,
  type ZapierRuntime,
} from '@canvelete/testing/zapier';
import { App } from '../src/app';

export {
  type CaughtZapierError,
  readZapierError,
  zapierErrorOf,
} from '@canvelete/testing/zapier';
export type Bundle = ZapierBundle;

export interface Harness {
  sandbox: Sandbox;
  fake: ZapierRuntime['fake'];
  authData: Record<string, string>;
  run: ZapierRuntime['run'];
  close(): Promise<void>;
}

export const handler = createZapierHandler(App);

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, seed: 7, ...options });
  const authData = {
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    webhookSecret: sandbox.webhookSecret,
  };
  const runtime = await startZapierRuntime({ app: App, authData });
  return {
    sandbox,
    fake: runtime.fake,
    authData,
    run: runtime.run,
    async close() {
      await runtime.close();
      await sandbox.close();
    },
  };
}
