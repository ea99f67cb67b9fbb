// startSandbox: wires the store, dispatcher, render service and HTTP server together.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createAssetResolver } from '../render/index.js';
import { seedDesigns } from '../seed/index.js';
import { createWebhookDispatcher } from '../webhooks/index.js';
import type { DeliveryRecord } from '../webhooks/types.js';
import { createApp } from './app.js';
import { KeyRing } from './auth.js';
import { Chaos } from './chaos.js';
import type { SandboxContext, SandboxStats } from './context.js';
import { createWireFormat } from './dialects.js';
import { EventNotifier } from './events.js';
import { IdempotencyStore } from './idempotency.js';
import type { DesignRecord } from './model.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { createPersistence } from './persistence.js';
import { RateLimiter } from './rate-limit.js';
import { RenderService } from './render-service.js';
import { Store } from './store.js';

export interface Sandbox {
  /** Origin, e.g. `http://127.0.0.1:4010` (no trailing slash). */
  url: string;
  port: number;
  apiKey: string;
  webhookSecret: string;
  dialect: SandboxOptions['dialect'];
  seed: number;
  stats(): SandboxStats;
  deliveries(): DeliveryRecord[];
  /** Resolves when no render is queued and every webhook delivery has finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function loadSeed(store: Store): void {
  const now = new Date().toISOString();
  for (const seed of seedDesigns()) {
    const design: DesignRecord = {
      id: seed.id,
      name: seed.name,
      description: seed.description ?? null,
      width: seed.width,
      height: seed.height,
      status: seed.status,
      visibility: seed.visibility,
      isTemplate: seed.isTemplate,
      category: seed.category ?? null,
      canvasData: seed.canvasData,
      ...(seed.variables ? { variables: seed.variables } : {}),
      createdAt: now,
      updatedAt: now,
    };
    store.putDesign(design);
  }
}

export async function startSandbox(input: SandboxOptions = {}): Promise<Sandbox> {
  const options = resolveOptions(input);
  const store = new Store(createPersistence(options.dataDir));
  if (options.seedDesigns && store.designs.size === 0) loadSeed(store);

  let baseUrl = '';
  const stats: SandboxStats = {
    requests: 0,
    apiRequests: 0,
    rateLimited: 0,
    rendersPerformed: 0,
    rendersFailed: 0,
    creditsCharged: 0,
    idempotentReplays: 0,
    chaosInjected: 0,
  };
  const wire = createWireFormat(options.dialect, () => baseUrl);
  const dispatcher = createWebhookDispatcher({
    dialect: options.dialect,
    retryScheduleMs: options.webhookRetryScheduleMs,
    timeoutMs: options.webhookTimeoutMs,
  });
  const assets = createAssetResolver(options.assetsDir);
  const events = new EventNotifier({
    dispatcher,
    store,
    wire,
    webhookSecret: options.webhookSecret,
    baseUrl: () => baseUrl,
  });
  const common = {
    options,
    store,
    wire,
    dispatcher,
    events,
    assets,
    stats,
    baseUrl: () => baseUrl,
  };
  const sandbox: SandboxContext = {
    ...common,
    keys: new KeyRing(options.apiKey, options.keys),
    limiter: options.rateLimit ? new RateLimiter(options.rateLimit, options.burst) : undefined,
    idempotency: new IdempotencyStore(),
    chaos: new Chaos(options.chaos, options.seed, options.chaosSlowMs),
    renders: new RenderService(common),
  };
  const app = createApp(sandbox);

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
      resolve(created),
    );
    created.once('error', reject);
  });
  // Never let a broken client socket take the process down.
  server.on('clientError', (_error, socket) => socket.destroy());
  const address = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  baseUrl = `http://${host}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    port: address.port,
    apiKey: options.apiKey,
    webhookSecret: options.webhookSecret,
    dialect: options.dialect,
    seed: options.seed,
    stats: () => ({ ...stats }),
    deliveries: () => dispatcher.deliveries(),
    idle: async () => {
      await sandbox.renders.idle();
      await dispatcher.idle();
    },
    close: () => {
      closing ??= (async () => {
        await sandbox.renders.close();
        await dispatcher.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}
