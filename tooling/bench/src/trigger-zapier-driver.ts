// Benchmark 6, Zapier: the built Canvelete app (@canvelete/zapier's dist) in zapier-platform-core's
// production handler (createAppHandler, the Lambda entry). performSubscribe registers a loopback
// receiver as the REST-hook target; each signed delivery is turned into the `bundle.rawRequest`
// Zapier would give `perform` (Http- headers, raw content) and the output is the item perform
// returns, in the mode `zapier invoke` uses. z.cache (the trigger's dedupe) goes over the fake Zapier RPC of @canvelete/testing.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { type FakeZapier, startFakeZapier, toZapierDelivery } from '@canvelete/testing/zapier';
import type { TriggerBenchContext, TriggerDriver } from './trigger-latency.js';
import { type LoopbackReceiver, startLoopbackReceiver } from './trigger-loopback.js';
import { TriggerWaiters } from './trigger-waiters.js';

const HOOK = 'triggers.new_render_complete.operation';

type AppHandler = (event: Record<string, unknown>) => Promise<{ results: unknown }>;

/** The production Lambda handler (exported at run time, missing from the type definitions). */
type ZapierRuntime = { createAppHandler(app: object): AppHandler };

interface HookItem {
  reference?: string | null;
  occurredAt?: string | null;
}

export function createZapierDriver(): TriggerDriver {
  let fake: FakeZapier | undefined;
  let receiver: LoopbackReceiver | undefined;
  let handler: AppHandler | undefined;
  let authData: Record<string, string> = {};
  let subscribeData: unknown;
  // One Zap step: z.cache keys (the dedupe memory) are scoped to it across deliveries.
  const storeKey = `bench-zap-${randomUUID()}`;
  const inputData = { events: ['completed'] };
  const waiters = new TriggerWaiters();

  const run = async (method: string, bundle: Record<string, unknown>): Promise<unknown> => {
    if (!handler || !fake) throw new Error('the Zapier driver is not started');
    const response = await handler({
      command: 'execute',
      method,
      bundle: { inputData, authData, meta: { page: 0 }, ...bundle },
      storeKey,
      rpc_base: fake.rpcBase,
      callback_url: fake.callbackUrl(randomUUID()),
      // As `zapier invoke` runs it: otherwise the handler patches this process's http and fetch for
      // its request log (leaking into the other drivers' rows) and prints memory lines per call.
      calledFromCli: true,
    });
    return response.results;
  };

  return {
    platform: 'zapier',
    async start(context: TriggerBenchContext) {
      // The runtime reads a deploy key before it calls its RPC; the fake RPC accepts any.
      process.env.ZAPIER_DEPLOY_KEY ??= 'bench-deploy-key';
      // Loaded on demand, so the other benchmarks' processes never load the Zapier runtime.
      const require = createRequire(import.meta.url);
      const { createAppHandler } = require('zapier-platform-core') as ZapierRuntime;
      handler = createAppHandler(require('@canvelete/zapier') as object);
      fake = await startFakeZapier();
      authData = { apiKey: context.apiKey, baseUrl: context.sandboxUrl, webhookSecret: '' };
      receiver = await startLoopbackReceiver(async (delivery) => {
        const { rawRequest, cleanedRequest } = toZapierDelivery(
          delivery.method,
          delivery.path,
          delivery.headers,
          delivery.rawBody,
        );
        const items = (await run(`${HOOK}.perform`, {
          subscribeData,
          rawRequest,
          cleanedRequest,
        })) as HookItem[];
        const outputAt = Date.now();
        for (const item of items) {
          // occurredAt is the event time the sandbox stamped at completion, as the baseline reads it.
          if (item.occurredAt) {
            waiters.settle(item.reference, { outputAt, completedAt: Date.parse(item.occurredAt) });
          }
        }
        return 200;
      });
      subscribeData = await run(`${HOOK}.performSubscribe`, {
        targetUrl: `${receiver.url}/hooks/catch/bench/`,
      });
    },
    observe: (reference, timeoutMs) => waiters.wait(reference, timeoutMs),
    async stop() {
      waiters.clear();
      if (subscribeData) await run(`${HOOK}.performUnsubscribe`, { subscribeData });
      if (receiver) await receiver.close();
      if (fake) await fake.close();
    },
  };
}
