// A loopback HTTP server that answers with scripted steps. Dependency-free on purpose: the core's
// own tests use it, and @canvelete/testing (which depends on the core) re-exports it.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer: status, headers and body, or a dropped connection, optionally after a delay. */
export type ScriptedStep =
  | {
      status: number;
      headers?: Record<string, string>;
      body?: string | Uint8Array | object;
      delayMs?: number;
    }
  | { drop: true; delayMs?: number };

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The body decoded as UTF-8. */
  text: string;
}

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that answers each request with the next scripted step (the last step
 * repeats). For transport and retry tests that need exact failure sequences.
 */
export async function startScriptedServer(
  steps: ScriptedStep[] | ((request: RecordedRequest, index: number) => ScriptedStep),
): Promise<ScriptedServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body,
        text: body.toString('utf8'),
      };
      const index = requests.push(recorded) - 1;
      const step =
        typeof steps === 'function'
          ? steps(recorded, index)
          : (steps[Math.min(index, steps.length - 1)] as ScriptedStep);
      const answer = () => {
        if ('drop' in step) {
          req.socket.destroy();
          return;
        }
        const body =
          step.body === undefined
            ? ''
            : typeof step.body === 'string' || step.body instanceof Uint8Array
              ? step.body
              : JSON.stringify(step.body);
        const headers: Record<string, string> = { ...(step.headers ?? {}) };
        if (typeof step.body === 'object' && !(step.body instanceof Uint8Array)) {
          headers['content-type'] ??= 'application/json';
        }
        res.writeHead(step.status, headers);
        res.end(body);
      };
      if (step.delayMs) setTimeout(answer, step.delayMs);
      else answer();
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
