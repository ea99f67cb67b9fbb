// One connected Zapier app: the production Lambda handler with a loopback fake of Zapier's services,
// a record of everything the runtime logged or returned, and Zapier errors read into DriverFailure.
import { randomUUID } from 'node:crypto';
import {
  readZapierError,
  startZapierRuntime,
  type ZapierBundle,
  type ZapierRunOptions,
  type ZapierRuntime,
} from '../zapier/app-runtime.ts';
import { type DriverCredentials, type DriverErrorView, DriverFailure } from './types.ts';

/**
 * `private`: Zapier keeps the output to itself and shows it nowhere (performSubscribe's
 * subscribeData, which holds the subscription's signing secret), so the transcript notes only that.
 */
export type OutputVisibility = 'shown' | 'private';

export interface ZapierSession {
  runtime: ZapierRuntime;
  /** Runs an operation method as Zapier's backend would; a Zapier error becomes a DriverFailure. */
  run<T>(
    method: string,
    bundle?: ZapierBundle,
    options?: ZapierRunOptions,
    visibility?: OutputVisibility,
  ): Promise<T>;
  /** Adds a line to the transcript (notices, step outputs the driver saw elsewhere). */
  note(text: string): void;
  transcript(): string;
}

/** The Canvelete code the app writes into its messages: `… (Canvelete RENDER_FAILED, …)`. */
const CANVELETE_CODE = /\(Canvelete ([A-Z][A-Z_]*)[,)]/;

/** What the user sees for a failed step: the z.errors class, its message, code and status. */
export function zapierErrorView(error: unknown): DriverErrorView {
  if (!(error instanceof Error)) return { kind: 'Error', message: String(error), raw: error };
  const caught = readZapierError(error);
  return {
    kind: caught.name,
    message: caught.message,
    code: CANVELETE_CODE.exec(caught.message)?.[1],
    platformCode: caught.code,
    httpStatus: caught.status,
    raw: caught,
  };
}

function stringify(value: unknown): string {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch {
    return String(value);
  }
}

export async function startZapierSession(
  app: object,
  credentials: DriverCredentials,
): Promise<ZapierSession> {
  // The runtime refuses to call its RPC (z.cache, z.stashFile) without a deploy key; the fake RPC
  // accepts any, and a real one must never be needed here.
  process.env['ZAPIER_DEPLOY_KEY'] ??= 'driver-deploy-key';
  // With a logging token the runtime streams every log line to Zapier's log server; nothing may
  // leave 127.0.0.1 here.
  if (process.env['LOGGING_TOKEN']) {
    throw new Error('unset LOGGING_TOKEN: the Zapier runtime would send its logs to Zapier');
  }
  const authData: Record<string, unknown> = {
    apiKey: credentials.apiKey,
    baseUrl: credentials.baseUrl,
    webhookSecret: credentials.webhookSecret ?? '',
  };
  const runtime = await startZapierRuntime({ app, authData });
  const lines: string[] = [];
  // Zapier's logger hands every z.console line and every z.request log (already scrubbed of the
  // connection's secrets) to `customLogger`, as `zapier invoke` does. Without an event `token` it
  // streams nothing to Zapier's log server, so no log leaves 127.0.0.1.
  const customLogger = (message: unknown, data: unknown) => {
    lines.push(`[log] ${stringify(message)}`);
    if (data !== undefined) lines.push(`[log data] ${stringify(data)}`);
  };

  return {
    runtime,
    async run<T>(
      method: string,
      bundle: ZapierBundle = {},
      options: ZapierRunOptions = {},
      visibility: OutputVisibility = 'shown',
    ) {
      try {
        const result = await runtime.run<T>(method, bundle, {
          storeKey: options.storeKey ?? `zap-${randomUUID()}`,
          ...options,
          event: {
            // `zapier invoke`'s mode: the handler then leaves this process's http module and
            // global fetch unpatched, so other platforms' traffic stays out of Zapier's log.
            calledFromCli: true,
            customLogger,
            ...options.event,
          },
        });
        lines.push(
          visibility === 'shown'
            ? `[output ${method}] ${stringify(result)}`
            : `[output ${method}] (kept by Zapier, not shown)`,
        );
        return result;
      } catch (error) {
        const view = zapierErrorView(error);
        // The message as thrown (Zapier packs code and status into it as JSON).
        lines.push(`[error ${method}] ${view.kind}: ${(error as Error)?.message ?? view.message}`);
        throw new DriverFailure(view);
      }
    },
    note: (text) => {
      lines.push(text);
    },
    // What the app stored: z.cache entries (the trigger's dedupe memory) as the fake RPC holds them.
    transcript: () =>
      [
        ...lines,
        ...[...runtime.fake.cache].map(([key, value]) => `[stored z.cache ${key}] ${value}`),
      ].join('\n'),
  };
}
