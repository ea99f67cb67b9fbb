// Runs a Zapier app in Zapier's real runtime (the production Lambda handler from
// zapier-platform-core) with a loopback fake of the Zapier services it calls (RPC for z.cache and
// z.stashFile, hook and callback URLs). Shared by the app's tests, the contract suite and the demo.
import { randomUUID } from 'node:crypto';
import zapier from 'zapier-platform-core';
import { type FakeZapier, startFakeZapier } from './fake-zapier.ts';

export interface ZapierRunOptions {
  /** Identifies the Zap step for z.cursor; default a fresh id per call. */
  storeKey?: string;
  /** What z.generateCallbackUrl() returns. */
  callbackUrl?: string;
  /** Extra fields of the Lambda event, e.g. `logToStdout`. */
  event?: Record<string, unknown>;
}

export type ZapierBundle = Record<string, unknown> & {
  authData?: Record<string, unknown>;
  inputData?: Record<string, unknown>;
  meta?: Record<string, unknown>;
};

export type ZapierAppHandler = (event: Record<string, unknown>) => Promise<unknown>;

export interface ZapierRuntime {
  fake: FakeZapier;
  handler: ZapierAppHandler;
  /** Executes `method` (e.g. `creates.render_design.operation.perform`) like Zapier's backend. */
  run<T = unknown>(method: string, bundle?: ZapierBundle, options?: ZapierRunOptions): Promise<T>;
  close(): Promise<void>;
}

/** The production Lambda handler (exported at run time, missing from the type definitions). */
export function createZapierHandler(app: object): ZapierAppHandler {
  const { createAppHandler } = zapier as unknown as {
    createAppHandler(app: object): ZapierAppHandler;
  };
  return createAppHandler(app);
}

/** Starts the fake Zapier services and returns a runner whose bundles carry `authData`. */
export async function startZapierRuntime(options: {
  app: object;
  authData: Record<string, unknown>;
}): Promise<ZapierRuntime> {
  const handler = createZapierHandler(options.app);
  const fake = await startFakeZapier();
  return {
    fake,
    handler,
    async run<T>(method: string, bundle: ZapierBundle = {}, runOptions: ZapierRunOptions = {}) {
      const response = (await handler({
        command: 'execute',
        method,
        bundle: {
          inputData: {},
          ...bundle,
          authData: { ...options.authData, ...(bundle.authData ?? {}) },
          meta: { page: 0, ...(bundle.meta ?? {}) },
        },
        storeKey: runOptions.storeKey ?? `zap-${randomUUID()}`,
        rpc_base: fake.rpcBase,
        callback_url: runOptions.callbackUrl ?? fake.callbackUrl(randomUUID()),
        ...runOptions.event,
      })) as { results: T };
      return response.results;
    },
    close: () => fake.close(),
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
