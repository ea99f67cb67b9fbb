// Public options of startSandbox and their defaults.
import type { Dialect } from '../webhooks/types.js';
import { secretHex } from './ids.js';

export interface SandboxKeyOption {
  key: string;
  /** Default `['*']`. Recognised: designs:read|write, templates:read, render:read|write, usage:read, webhooks:read|write … */
  scopes?: string[];
  revoked?: boolean;
  name?: string;
}

export interface SandboxOptions {
  /** Default 4010; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The main key (all scopes). Default `cvt_` + 64 hex (derived from `seed` when given). */
  apiKey?: string;
  /** Extra keys, e.g. a revoked one or one with limited scopes. */
  keys?: SandboxKeyOption[];
  /** Signs per-request callbacks (`webhook`/`webhookUrl`/`callbackUrl`). Default `whsec_` + 64 hex. */
  webhookSecret?: string;
  /** Requests per minute per key (token bucket); off when undefined or 0. */
  rateLimit?: number;
  /** Bucket size; default = rateLimit. */
  burst?: number;
  /** Credits available for renders (1 per successful render). Default 5000. */
  credits?: number;
  dialect?: Dialect;
  /** Serve the proposed subscription API (`/api/v1/webhooks`). Default true; false answers 404 like today's Canvelete. */
  webhookApi?: boolean;
  /** Persist designs, render records and files here. Default: memory only. */
  dataDir?: string;
  /** Probability 0–1 of a fault on each API request. Default 0. */
  chaos?: number;
  /** Makes keys and chaos decisions reproducible. */
  seed?: number;
  /** Let image elements fetch http(s) URLs. Default false. */
  allowRemoteImages?: boolean;
  /** Request body limit in bytes. Default 10 MiB. */
  maxBodyBytes?: number;
  /** Webhook retry delays (compressed schedule). Default [1000, 5000, 30000]. */
  webhookRetryScheduleMs?: number[];
  /** Per-attempt webhook timeout. Default 10000. */
  webhookTimeoutMs?: number;
  /** Parallel async renders. Default 2. */
  renderConcurrency?: number;
  /** Delay applied by chaos "slow" faults. Default 1500 ms. */
  chaosSlowMs?: number;
  /** Load the sample designs when the store is empty. Default true. */
  seedDesigns?: boolean;
  /** Folder served at /assets/*. Default: the package's `assets` folder. */
  assetsDir?: string;
}

export interface ResolvedOptions
  extends Required<
    Omit<
      SandboxOptions,
      'dataDir' | 'rateLimit' | 'burst' | 'seed' | 'keys' | 'chaos' | 'assetsDir'
    >
  > {
  keys: SandboxKeyOption[];
  dataDir: string | undefined;
  rateLimit: number | undefined;
  burst: number | undefined;
  chaos: number;
  seed: number;
  assetsDir: string | undefined;
}

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const seeded = options.seed;
  return {
    port: options.port ?? 4010,
    host: options.host ?? '127.0.0.1',
    apiKey: options.apiKey ?? `cvt_${secretHex('api-key', seeded)}`,
    keys: options.keys ?? [],
    webhookSecret: options.webhookSecret ?? `whsec_${secretHex('webhook-secret', seeded)}`,
    rateLimit: options.rateLimit && options.rateLimit > 0 ? options.rateLimit : undefined,
    burst: options.burst && options.burst > 0 ? options.burst : undefined,
    credits: options.credits ?? 5000,
    dialect: options.dialect ?? 'sdk',
    webhookApi: options.webhookApi ?? true,
    dataDir: options.dataDir,
    chaos: Math.min(Math.max(options.chaos ?? 0, 0), 1),
    seed,
    allowRemoteImages: options.allowRemoteImages ?? false,
    maxBodyBytes: options.maxBodyBytes ?? 10 * 1024 * 1024,
    webhookRetryScheduleMs: options.webhookRetryScheduleMs ?? [1000, 5000, 30000],
    webhookTimeoutMs: options.webhookTimeoutMs ?? 10_000,
    renderConcurrency: Math.max(1, options.renderConcurrency ?? 2),
    chaosSlowMs: options.chaosSlowMs ?? 1500,
    seedDesigns: options.seedDesigns ?? true,
    assetsDir: options.assetsDir,
  };
}
