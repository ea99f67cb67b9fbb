// Helpers for the server's tests: a started sandbox, an authenticated fetch, and a loopback receiver
// that records webhook deliveries with their raw bodies.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { startSandbox } from '../index.js';
import type { SandboxOptions } from './options.js';
import type { Sandbox } from './start.js';

const open: Array<{ close(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((item) => item.close()));
});

export async function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started = await startSandbox({ port: 0, webhookRetryScheduleMs: [50, 50], ...options });
  open.push(started);
  return started;
}

export interface CallOptions {
  body?: unknown;
  headers?: Record<string, string>;
  key?: string | null;
}

/** A fetch against the sandbox with its API key (unless `key: null`). */
export async function call(
  box: Sandbox,
  method: string,
  path: string,
  options: CallOptions = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
): Promise<{ status: number; headers: Headers; json: any; bytes: Uint8Array }> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? box.apiKey : options.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const response = await fetch(`${box.url}${path}`, { method, headers, body });
  const bytes = new Uint8Array(await response.arrayBuffer());
  let json: unknown;
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    json = JSON.parse(new TextDecoder().decode(bytes));
  }
  return { status: response.status, headers: response.headers, json, bytes };
}

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON shapes
  json: any;
}

export async function receiver(status = 200) {
  const received: ReceivedWebhook[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, body, json: JSON.parse(body) });
      res.statusCode = status;
      res.end('ok');
      for (const wake of waiters.splice(0)) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const handle = {
    url,
    received,
    /** Waits until `count` deliveries (matching `filter`) arrived. */
    async waitFor(count: number, filter: (w: ReceivedWebhook) => boolean = () => true) {
      while (received.filter(filter).length < count) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return received.filter(filter);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  open.push(handle);
  return handle;
}

/** Polls a render's status until it is terminal. */
export async function waitForRender(box: Sandbox, id: string) {
  for (;;) {
    const res = await call(box, 'GET', `/api/v1/render/status/${id}`);
    if (res.status !== 200) throw new Error(`status ${res.status}: ${JSON.stringify(res.json)}`);
    const status = res.json?.data?.status;
    if (status === 'completed' || status === 'failed') return res;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
