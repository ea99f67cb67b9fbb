// What every route and middleware shares, plus the Hono environment type.
import type { HttpBindings } from '@hono/node-server';
import type { AssetResolver } from '../render/index.js';
import type { WebhookDispatcher } from '../webhooks/types.js';
import type { ApiKeyEntry, KeyRing } from './auth.js';
import type { Chaos } from './chaos.js';
import type { WireFormat } from './dialects.js';
import type { EventNotifier } from './events.js';
import type { IdempotencyStore } from './idempotency.js';
import type { ResolvedOptions } from './options.js';
import type { RateLimiter } from './rate-limit.js';
import type { RenderService } from './render-service.js';
import type { Store } from './store.js';

export interface SandboxStats {
  requests: number;
  apiRequests: number;
  rateLimited: number;
  rendersPerformed: number;
  rendersFailed: number;
  creditsCharged: number;
  idempotentReplays: number;
  chaosInjected: number;
}

export interface SandboxContext {
  options: ResolvedOptions;
  store: Store;
  wire: WireFormat;
  keys: KeyRing;
  limiter: RateLimiter | undefined;
  idempotency: IdempotencyStore;
  chaos: Chaos;
  assets: AssetResolver;
  dispatcher: WebhookDispatcher;
  renders: RenderService;
  events: EventNotifier;
  stats: SandboxStats;
  baseUrl(): string;
}

export interface AppEnv {
  Bindings: HttpBindings;
  Variables: {
    requestId: string;
    rawBody: Uint8Array | undefined;
    apiKey: ApiKeyEntry;
  };
}
