// Benchmark 6, Pipedream: the real `new-render-completed` source deployed in the emulated runtime
// (@canvelete/testing/pipedream). Its activate hook subscribes its own loopback HTTP endpoint, so the
// sandbox delivers straight to it; the output is the event the harness records from `$emit`.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type PipedreamHarness,
  type SourceHandle,
  startPipedreamHarness,
} from '@canvelete/testing/pipedream';
import type { TriggerBenchContext, TriggerDriver } from './trigger-latency.js';
import { TriggerWaiters } from './trigger-waiters.js';

function sourcePath(): string {
  const manifest = createRequire(import.meta.url).resolve('@canvelete/pipedream/package.json');
  return join(
    dirname(manifest),
    'components/canvelete/sources/new-render-completed/new-render-completed.mjs',
  );
}

interface EmittedRenderEvent {
  createdAt?: string;
  render?: { reference?: string; completedAt?: string };
}

export function createPipedreamDriver(): TriggerDriver {
  let harness: PipedreamHarness | undefined;
  let source: SourceHandle | undefined;
  const waiters = new TriggerWaiters();

  return {
    platform: 'pipedream',
    async start(context: TriggerBenchContext) {
      harness = await startPipedreamHarness();
      source = await harness.source(sourcePath(), {
        auth: { canvelete: { api_key: context.apiKey, base_url: context.sandboxUrl } },
        props: { designId: context.designId },
      });
      // The harness appends each execution's deduplicated emits here; that moment is the output.
      const emitted = source.emitted;
      const record = emitted.push.bind(emitted);
      emitted.push = (...events) => {
        const outputAt = Date.now();
        for (const { event } of events) {
          const payload = event as EmittedRenderEvent;
          // The event time the sandbox stamped at completion, as the baseline reads it.
          const completed = payload.createdAt ?? payload.render?.completedAt;
          if (completed) {
            waiters.settle(payload.render?.reference, {
              outputAt,
              completedAt: Date.parse(completed),
            });
          }
        }
        return record(...events);
      };
      await source.deploy();
    },
    observe: (reference, timeoutMs) => waiters.wait(reference, timeoutMs),
    async stop() {
      waiters.clear();
      if (source) await source.delete();
      if (harness) await harness.close();
    },
  };
}
