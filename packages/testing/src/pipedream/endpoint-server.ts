import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpEvent, HttpResponseSpec } from './types.ts';

/**
 * One loopback HTTP server for everything the emulated platform exposes to the outside: each
 * source's `$.interface.http` endpoint and each step's rerun `resume_url` / `cancel_url`. Real
 * HTTP, so a sandbox can deliver webhooks and callbacks to it exactly as Canvelete would.
 */
export type EndpointHandler = (event: HttpEvent) => Promise<HttpResponseSpec>;

export interface EndpointServer {
  readonly baseUrl: string;
  /** Mounts a handler under `/<prefix>`; returns the endpoint URL. */
  mount(prefix: string, handler: EndpointHandler): string;
  unmount(prefix: string): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Pipedream parses JSON bodies into `body` and keeps the exact bytes in `bodyRaw`. */
function parseBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return undefined;
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  return raw;
}

function toHttpEvent(request: IncomingMessage, raw: string, path: string): HttpEvent {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return {
    method: request.method ?? 'GET',
    path,
    query: Object.fromEntries(url.searchParams),
    headers,
    bodyRaw: raw,
    body: parseBody(raw, headers['content-type']),
  };
}

function serialise(response: HttpResponseSpec): {
  body: string | Buffer;
  headers: Record<string, string>;
} {
  const headers = { ...(response.headers ?? {}) };
  const { body } = response;
  if (body === undefined || body === null) return { body: '', headers };
  if (typeof body === 'string' || Buffer.isBuffer(body)) return { body, headers };
  if (body instanceof Uint8Array) return { body: Buffer.from(body), headers };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  return { body: JSON.stringify(body), headers };
}

export async function startEndpointServer(): Promise<EndpointServer> {
  const handlers = new Map<string, EndpointHandler>();
  const server: Server = createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const [, prefix = '', ...rest] = url.pathname.split('/');
      const handler = handlers.get(prefix);
      const raw = await readBody(request);
      if (!handler) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: 'no such endpoint' }));
        return;
      }
      const answer = await handler(toHttpEvent(request, raw, `/${rest.join('/')}`));
      const { body, headers } = serialise(answer);
      response.writeHead(answer.status, headers);
      response.end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`harness endpoint failed: ${(error as Error).message}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    mount(prefix, handler) {
      handlers.set(prefix, handler);
      return `${baseUrl}/${prefix}`;
    },
    unmount(prefix) {
      handlers.delete(prefix);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
