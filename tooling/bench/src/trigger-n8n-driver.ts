// Benchmark 6, n8n: the real Canvelete Trigger node of n8n-nodes-canvelete in n8n-core's engine
// (@canvelete/testing/n8n). Activation (`webhookMethods.create`) subscribes n8n's webhook URL, whose
// base is a loopback receiver here; each signed delivery is forwarded as received into the node's
// `webhook()` through n8n-core's WebhookContext. The output is the item `webhook()` returns.
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { N8nHarness } from '@canvelete/testing/n8n';
import type { IDataObject, Workflow } from 'n8n-workflow';
import type { TriggerBenchContext, TriggerDriver } from './trigger-latency.js';
import { type LoopbackReceiver, startLoopbackReceiver } from './trigger-loopback.js';
import { TriggerWaiters } from './trigger-waiters.js';

const TRIGGER_NODE = 'Trigger';

type N8nRuntime = typeof import('./n8n-runtime.js');

/** n8n-core writes an encryption key under its user folder: keep it in a throwaway folder. */
function isolateN8nUserFolder(): void {
  process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'canvelete-bench-n8n-'));
  process.env.N8N_ENCRYPTION_KEY ??= 'canvelete-bench-encryption-key';
  process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
}

interface TriggerItem {
  createdAt?: string;
  data?: { reference?: string; completedAt?: string };
}

export function createN8nDriver(): TriggerDriver {
  let receiver: LoopbackReceiver | undefined;
  let harness: N8nHarness | undefined;
  let workflow: Workflow | undefined;
  const waiters = new TriggerWaiters();

  const forward = async (delivery: {
    headers: Record<string, string | string[] | undefined>;
    rawBody: Buffer;
  }): Promise<number> => {
    if (!harness || !workflow) return 503;
    const call = await harness.callWebhook(workflow, TRIGGER_NODE, {
      method: 'POST',
      headers: delivery.headers,
      rawBody: delivery.rawBody,
      body: JSON.parse(delivery.rawBody.toString('utf8')),
    });
    const outputAt = Date.now();
    for (const item of call.response.workflowData?.[0] ?? []) {
      const event = item.json as TriggerItem;
      // The event time the sandbox stamped at completion, as the baseline reads it.
      const completed = event.createdAt ?? event.data?.completedAt;
      if (completed) {
        waiters.settle(event.data?.reference, { outputAt, completedAt: Date.parse(completed) });
      }
    }
    return call.http.statusCode;
  };

  return {
    platform: 'n8n',
    async start(context: TriggerBenchContext) {
      isolateN8nUserFolder();
      // Loaded on demand (n8n-core is slow to load) from the CommonJS build next to this bundle.
      const { N8nHarness } = createRequire(import.meta.url)('./n8n-runtime.cjs') as N8nRuntime;
      receiver = await startLoopbackReceiver(forward);
      const packageDir = dirname(
        createRequire(import.meta.url).resolve('n8n-nodes-canvelete/package.json'),
      );
      harness = await N8nHarness.create({
        packageDir,
        baseUrl: receiver.url,
        credentials: {
          canveleteApi: { apiKey: context.apiKey, baseUrl: context.sandboxUrl, webhookSecret: '' },
        },
      });
      const staticData: IDataObject = {};
      workflow = harness.workflow({
        withoutStart: true,
        staticData,
        nodes: [
          {
            name: TRIGGER_NODE,
            type: 'canveleteTrigger',
            parameters: { events: ['render.completed'] },
          },
        ],
      });
      const created = await harness.webhookMethod(workflow, TRIGGER_NODE, 'create');
      if (created !== true) throw new Error('the Canvelete Trigger did not subscribe');
    },
    observe: (reference, timeoutMs) => waiters.wait(reference, timeoutMs),
    async stop() {
      waiters.clear();
      if (harness && workflow) await harness.webhookMethod(workflow, TRIGGER_NODE, 'delete');
      if (receiver) await receiver.close();
    },
  };
}
