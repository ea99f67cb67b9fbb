// Test-only helper (never bundled: tsup builds from src/index.ts). A local copy of the idea in
// @canvelete/testing, because that package depends on the core and a devDependency back would be
// a workspace cycle for turbo.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Step =
  | {
      status: number;
      headers?: Record<string, string>;
      body?: string | Uint8Array | object;
      delayMs?: number;
    }
  | { drop: true };

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LoopbackServer {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

/** Answers request n with step n (the last step repeats), or with what a function returns. */
export async function startServer(
  steps: Step[] | ((request: Recorded, index: number) => Step),
): Promise<LoopbackServer> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: Recorded = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = requests.push(recorded) - 1;
      const step =
        typeof steps === 'function'
          ? steps(recorded, index)
          : (steps[Math.min(index, steps.length - 1)] as Step);
      if ('drop' in step) {
        req.socket.destroy();
        return;
      }
      const send = () => {
        const isJson = typeof step.body === 'object' && !(step.body instanceof Uint8Array);
        const headers = {
          ...(isJson ? { 'content-type': 'application/json' } : {}),
          ...step.headers,
        };
        res.writeHead(step.status, headers);
        res.end(
          isJson ? JSON.stringify(step.body) : (step.body as string | Uint8Array | undefined),
        );
      };
      if (step.delayMs) setTimeout(send, step.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A virtual clock: `sleep` advances `now` instantly and records every wait. */
export function virtualClock(start = Date.UTC(2026, 0, 1)) {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      current += ms;
    },
    advance: (ms: number) => {
      current += ms;
    },
    sleeps,
  };
}
