import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from './multipart.ts';

/** A file `z.stashFile` uploaded through the fake presigned S3 form. */
export interface StashedFile {
  key: string;
  url: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

/** What Zapier hands a hook `perform` as `bundle.rawRequest`: header names get an `Http-` prefix. */
export interface ZapierRawRequest {
  method: string;
  querystring: string;
  headers: Record<string, string>;
  content: string;
}

/** One POST to a hook or callback URL, in the shape Zapier gives `perform` / `performResume`. */
export interface ZapierDelivery {
  rawRequest: ZapierRawRequest;
  cleanedRequest: unknown;
}

export interface RpcCall {
  method: string;
  storeKey: string | undefined;
  params: unknown[];
}

export interface FakeZapier {
  /** Base URL of the server (`http://127.0.0.1:<port>`). */
  url: string;
  /** Pass as `rpc_base` in a `createAppHandler` event. */
  rpcBase: string;
  /** A URL that records deliveries like a Zapier REST-hook target (`bundle.targetUrl`). */
  hookUrl(name: string): string;
  /** A URL that records POSTs like `z.generateCallbackUrl()` (pass as the event's `callback_url`). */
  callbackUrl(name: string): string;
  deliveries(name: string): ZapierDelivery[];
  /** Resolves once `count` deliveries reached `name` (hook or callback), or rejects after the timeout. */
  waitForDeliveries(name: string, count?: number, timeoutMs?: number): Promise<ZapierDelivery[]>;
  stashed: StashedFile[];
  /** Puts a file into the fake file storage, as if an earlier Zap step had produced it. */
  putFile(bytes: Uint8Array, contentType: string, filename?: string): string;
  rpcCalls: RpcCall[];
  /** The z.cache store: scoped key → JSON string. */
  cache: Map<string, string>;
  close(): Promise<void>;
}

/** Zapier's `Http-Title-Case` rendering of a header name. */
function zapierHeaderName(name: string): string {
  return `Http-${name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-')}`;
}

export function toZapierDelivery(
  method: string,
  url: string,
  headers: IncomingMessage['headers'],
  body: Buffer,
): ZapierDelivery {
  const zapierHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    zapierHeaders[zapierHeaderName(name)] = Array.isArray(value) ? value.join(', ') : value;
  }
  const content = body.toString('utf8');
  let cleanedRequest: unknown = {};
  try {
    cleanedRequest = JSON.parse(content);
  } catch {
    cleanedRequest = { content };
  }
  return {
    rawRequest: {
      method,
      querystring: url.includes('?') ? url.slice(url.indexOf('?') + 1) : '',
      headers: zapierHeaders,
      content,
    },
    cleanedRequest,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A loopback stand-in for the Zapier services the runtime calls out to: the CLI RPC (cursor,
 * z.cache, presigned uploads for z.stashFile), the S3 bucket the upload goes to, and the hook and
 * callback URLs Zapier would host. Use with `ZAPIER_DEPLOY_KEY` set and `rpc_base` in the event.
 */
export async function startFakeZapier(): Promise<FakeZapier> {
  const stashed: StashedFile[] = [];
  const rpcCalls: RpcCall[] = [];
  const cache = new Map<string, string>();
  const cacheExpiry = new Map<string, number>();
  const cursors = new Map<string, string>();
  const received = new Map<string, ZapierDelivery[]>();
  const waiters: Array<() => void> = [];
  let base = '';

  const cacheKey = (key: string, scope: unknown) =>
    Array.isArray(scope) && scope.length > 0 ? `${scope.join(',')}:${key}` : key;

  const rpc = (method: string, storeKey: string | undefined, params: unknown[]): unknown => {
    switch (method) {
      case 'get_cursor':
        return cursors.get(storeKey ?? '') ?? null;
      case 'set_cursor':
        cursors.set(storeKey ?? '', String(params[0]));
        return null;
      case 'zcache_get': {
        const key = cacheKey(String(params[0]), params[1]);
        const expiry = cacheExpiry.get(key);
        if (expiry !== undefined && expiry <= Date.now()) {
          cache.delete(key);
          cacheExpiry.delete(key);
        }
        return cache.get(key) ?? null;
      }
      case 'zcache_set': {
        const [rawKey, value, ttl, scope, nx] = params;
        const key = cacheKey(String(rawKey), scope);
        if (nx === true && cache.has(key)) return false;
        cache.set(key, String(value));
        if (typeof ttl === 'number') cacheExpiry.set(key, Date.now() + ttl * 1000);
        else cacheExpiry.delete(key);
        return true;
      }
      case 'zcache_delete':
        return cache.delete(cacheKey(String(params[0]), params[1]));
      case 'get_presigned_upload_post_data':
        return { url: `${base}/s3/`, fields: { key: `stash/${randomUUID()}` } };
      default:
        throw new Error(`Unexpected RPC method '${method}'`);
    }
  };

  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    try {
      if (req.method === 'POST' && path === '/rpc') {
        const call = JSON.parse(body.toString('utf8')) as {
          id: string;
          storeKey?: string;
          method: string;
          params?: unknown[];
        };
        rpcCalls.push({ method: call.method, storeKey: call.storeKey, params: call.params ?? [] });
        try {
          sendJson(res, 200, {
            id: call.id,
            result: rpc(call.method, call.storeKey, call.params ?? []),
          });
        } catch (error) {
          sendJson(res, 200, { id: call.id, error: (error as Error).message });
        }
        return;
      }
      if (req.method === 'POST' && path === '/s3/') {
        const parts = parseMultipart(body, req.headers['content-type'] ?? '');
        const key = parts.find((p) => p.name === 'key')?.data.toString('utf8');
        const file = parts.find((p) => p.name === 'file');
        if (!key || !file) return sendJson(res, 400, { error: 'key and file are required' });
        stashed.push({
          key,
          url: new URL(key, `${base}/s3/`).href,
          filename: file.filename ?? '',
          contentType: file.contentType ?? 'application/octet-stream',
          bytes: file.data,
        });
        res.writeHead(204);
        res.end();
        return;
      }
      if (req.method === 'GET' && path.startsWith('/s3/')) {
        const file = stashed.find((f) => f.url === `${base}${path}`);
        if (!file) return sendJson(res, 404, { error: 'no such file' });
        res.writeHead(200, { 'content-type': file.contentType });
        res.end(file.bytes);
        return;
      }
      const match = /^\/(hooks|callbacks)\/([^/]+)$/.exec(path);
      if (req.method === 'POST' && match) {
        const name = decodeURIComponent(match[2] ?? '');
        const list = received.get(name) ?? [];
        list.push(toZapierDelivery(req.method, req.url ?? '/', req.headers, body));
        received.set(name, list);
        for (const wake of waiters.splice(0)) wake();
        sendJson(res, 200, { status: 'success' });
        return;
      }
      sendJson(res, 404, { error: `no route for ${req.method} ${path}` });
    } catch (error) {
      sendJson(res, 500, { error: (error as Error).message });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const deliveries = (name: string) => [...(received.get(name) ?? [])];

  return {
    url: base,
    rpcBase: `${base}/rpc`,
    hookUrl: (name) => `${base}/hooks/${encodeURIComponent(name)}`,
    callbackUrl: (name) => `${base}/callbacks/${encodeURIComponent(name)}`,
    deliveries,
    waitForDeliveries: (name, count = 1, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`expected ${count} deliveries to "${name}" within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const check = () => {
          const got = deliveries(name);
          if (got.length >= count) {
            clearTimeout(timer);
            resolve(got);
          } else waiters.push(check);
        };
        check();
      }),
    stashed,
    putFile: (bytes, contentType, filename = 'file') => {
      const key = `files/${randomUUID()}/${filename}`;
      const url = new URL(key, `${base}/s3/`).href;
      stashed.push({ key, url, filename, contentType, bytes: Buffer.from(bytes) });
      return url;
    },
    rpcCalls,
    cache,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
