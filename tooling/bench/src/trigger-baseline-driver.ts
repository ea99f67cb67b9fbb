// The baseline for benchmark 6: a bare loopback receiver subscribed through the core, verifying each
// delivery with verifyWebhook, with no platform runtime in between.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Canvelete, verifyWebhook } from '@canvelete/core';
import type { TriggerBenchContext, TriggerDriver, TriggerObservation } from './trigger-latency.js';

interface Waiter {
  resolve: (observation: TriggerObservation) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export function createBaselineDriver(): TriggerDriver {
  let server: Server | undefined;
  let secret = '';
  let subscriptionId: string | undefined;
  let client: Canvelete | undefined;
  const waiters = new Map<string, Waiter>();

  const receive = (body: Buffer, headers: Record<string, string | string[] | undefined>) => {
    const outputAt = Date.now();
    const event = verifyWebhook({ payload: body, headers, secret });
    const data = event.data as { reference?: string };
    const waiter = data.reference ? waiters.get(data.reference) : undefined;
    if (!waiter || !data.reference) return;
    waiters.delete(data.reference);
    clearTimeout(waiter.timer);
    waiter.resolve({ outputAt, completedAt: Date.parse(event.createdAt) });
  };

  return {
    platform: 'baseline',
    async start(context: TriggerBenchContext) {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          try {
            receive(Buffer.concat(chunks), req.headers);
            res.writeHead(200).end();
          } catch {
            res.writeHead(401).end();
          }
        });
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      client = new Canvelete({ apiKey: context.apiKey, baseUrl: context.sandboxUrl });
      const subscription = await client.webhooks.subscribe({
        url: `http://127.0.0.1:${port}/hook`,
        events: ['render.completed'],
      });
      subscriptionId = subscription.id;
      secret = subscription.secret ?? '';
    },
    observe(reference, timeoutMs) {
      return new Promise<TriggerObservation>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(reference);
          reject(new Error(`no trigger output for ${reference} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(reference, { resolve, reject, timer });
      });
    },
    async stop() {
      for (const waiter of waiters.values()) clearTimeout(waiter.timer);
      waiters.clear();
      if (client && subscriptionId) await client.webhooks.unsubscribe(subscriptionId);
      if (server) {
        const closing = server;
        await new Promise<void>((resolve) => closing.close(() => resolve()));
        closing.closeAllConnections();
      }
    },
  };
}
