// One sandbox per dialect per test file: started in beforeAll, closed in afterAll. Tests share it,
// so each test creates what it changes and asserts on deltas (of stats, of credits), never totals.
import { Canvelete, CanveleteError, type CanveleteOptions } from '@canvelete/core';
import {
  type Sandbox,
  type SandboxOptions,
  type SandboxStats,
  startSandbox,
} from '@canvelete/sandbox';
import { afterAll, beforeAll } from 'vitest';

export type Dialect = 'sdk' | 'docs' | 'py';
export const DIALECTS: Dialect[] = ['sdk', 'docs', 'py'];

/** The sandbox's seeded designs (apps/sandbox/src/seed; the ids are not exported by the package). */
export const SEED = {
  certificate: 'cm4sbxcert1f1cate00000001',
  productCard: 'cm4sbxprodct0card00000002',
  ogImage: 'cm4sbx0graph1mage00000003',
  dailyPost: 'cm4sbxda1lypost0000000004',
  ticketTemplate: 'cm4sbxt1cket0tmpl00000005',
  staticBanner: 'cm4sbxstat1cbanner0000006',
} as const;

/** Extra keys every fixture sandbox knows: a revoked one and one that may only read designs. */
export const REVOKED_KEY = 'cvt_revoked0000000000000000000000';
export const READ_ONLY_KEY = 'cvt_designsread000000000000000000';
/** A second all-scopes key: its own rate-limit bucket, for warm-ups and side reads. */
export const SPARE_KEY = 'cvt_spare00000000000000000000000';

/** Fast polling: the sandbox renders in milliseconds, so the core's 2 s default would only slow us. */
export const FAST_POLL = { pollIntervalMs: 40 } as const;

export interface SandboxFixture {
  readonly sandbox: Sandbox;
  readonly dialect: Dialect;
  /** A client on the main key (all scopes). */
  readonly client: Canvelete;
  /** A new client on this sandbox, e.g. with another key. */
  clientWith(options?: CanveleteOptions): Canvelete;
  stats(): SandboxStats;
}

/**
 * Registers beforeAll/afterAll that start and close a sandbox in `dialect`. Call inside a
 * `describe`; read the returned object's properties inside tests only.
 */
export function useSandbox(dialect: Dialect, options: SandboxOptions = {}): SandboxFixture {
  let sandbox: Sandbox | undefined;
  let client: Canvelete | undefined;
  const started = () => {
    if (!sandbox) throw new Error('the sandbox is not started yet: use the fixture inside a test');
    return sandbox;
  };
  const clientWith = (extra: CanveleteOptions = {}) =>
    new Canvelete({
      apiKey: started().apiKey,
      baseUrl: started().url,
      // Short backoff: the sandbox's own Retry-After still wins when it sends one.
      retry: { baseDelayMs: 25, maxDelayMs: 5_000 },
      ...extra,
    });

  beforeAll(async () => {
    sandbox = await startSandbox({
      port: 0,
      dialect,
      seed: 11,
      keys: [
        { key: REVOKED_KEY, revoked: true },
        { key: READ_ONLY_KEY, scopes: ['designs:read'] },
        { key: SPARE_KEY },
      ],
      ...options,
    });
    client = clientWith();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  return {
    get sandbox() {
      return started();
    },
    dialect,
    get client() {
      if (!client) throw new Error('the sandbox is not started yet: use the fixture inside a test');
      return client;
    },
    clientWith,
    stats: () => started().stats(),
  };
}

/**
 * Renders once on the spare key. The first render in a process loads fonts and the rasteriser
 * (hundreds of ms); rate-limit tests warm up first so that their requests arrive close together.
 */
export async function warmUp(fixture: SandboxFixture): Promise<void> {
  const spare = fixture.clientWith({ apiKey: SPARE_KEY });
  await spare.renders.render({ designId: SEED.staticBanner, format: 'png', scale: 0.1 });
}

/** The CanveleteError a promise rejects with (fails the test if it resolves or throws anything else). */
export async function caught(promise: Promise<unknown>): Promise<CanveleteError> {
  try {
    await promise;
  } catch (error) {
    if (CanveleteError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the call to fail with a CanveleteError, but it succeeded');
}

/** Reads a dynamic-field key set the same way in every dialect: sorted `key:kind` pairs. */
export function keyKinds(specs: { key: string; kind: string }[]): string[] {
  return specs.map((spec) => `${spec.key}:${spec.kind}`).sort();
}
