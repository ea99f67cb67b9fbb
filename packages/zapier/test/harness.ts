// Runs the app in Zapier's real runtime (the Lambda handler) against the sandbox, with a loopback
// fake of the Zapier services the runtime calls (RPC for z.cache / z.stashFile, hook and callback
// URLs).
import { randomUUID } from 'node:crypto';
import { type Sandbox, type SandboxOptions, startSandbox } from '@canvelete/sandbox';
import { type FakeZapier, startFakeZapier } from '@canvelete/testing/zapier';
import zapier from 'zapier-platform-core';
import { App } from '../src/app';

export interface RunOptions {
  /** Identifies the Zap step for z.cursor; default a fresh id per call. */
  storeKey?: string;
  /** What z.generateCallbackUrl() returns. */
  callbackUrl?: string;
  /** Extra fields of the Lambda event, e.g. `logToStdout`. */
  event?: Record<string, unknown>;
}

export type Bundle = Record<string, unknown> & {
  authData?: Record<string, unknown>;
  inputData?: Record<string, unknown>;
  meta?: Record<string, unknown>;
};

export interface Harness {
  sandbox: Sandbox;
  fake: FakeZapier;
  authData: Record<string, string>;
  /** Executes `method` (e.g. `creates.render_design.operation.perform`) like Zapier's backend. */
  run<T = unknown>(method: string, bundle?: Bundle, options?: RunOptions): Promise<T>;
  close(): Promise<void>;
}

/** The production Lambda handler (exported at run time, missing from the type definitions). */
const { createAppHandler } = zapier as unknown as {
  createAppHandler(app: object): (event: Record<string, unknown>) => Promise<unknown>;
};
export const handler = createAppHandler(App);

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, seed: 7, ...options });
  const fake = await startFakeZapier();
  const authData = {
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    webhookSecret: sandbox.webhookSecret,
  };
  return {
    sandbox,
    fake,
    authData,
    async run<T>(method: string, bundle: Bundle = {}, runOptions: RunOptions = {}) {
      const response = (await handler({
        command: 'execute',
        method,
        bundle: {
          inputData: {},
          ...bundle,
          authData: { ...authData, ...(bundle.authData ?? {}) },
          meta: { page: 0, ...(bundle.meta ?? {}) },
        },
        storeKey: runOptions.storeKey ?? `zap-${randomUUID()}`,
        rpc_base: fake.rpcBase,
        callback_url: runOptions.callbackUrl ?? fake.callbackUrl(randomUUID()),
        ...runOptions.event,
      })) as { results: T };
      return response.results;
    },
    async close() {
      await fake.close();
      await sandbox.close();
    },
  };
}

/** What a z.errors error carries: its class name and the parts Zapier packs into the message. */
export interface CaughtZapierError {
  name: string;
  message: string;
  code?: string;
  status?: number;
  delay?: number;
}

export function readZapierError(error: unknown): CaughtZapierError {
  if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`);
  try {
    const packed = JSON.parse(error.message) as Record<string, unknown>;
    return {
      name: error.name,
      message: String(packed['message'] ?? ''),
      code: packed['code'] as string | undefined,
      status: packed['status'] as number | undefined,
      delay: packed['delay'] as number | undefined,
    };
  } catch {
    return { name: error.name, message: error.message };
  }
}

/** Awaits a promise that must reject, and reads the Zapier error it rejected with. */
export async function zapierErrorOf(promise: Promise<unknown>): Promise<CaughtZapierError> {
  try {
    await promise;
  } catch (error) {
    return readZapierError(error);
  }
  throw new Error('expected the operation to fail');
}
