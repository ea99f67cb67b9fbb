// The API pipeline, outermost first: body (413) → chaos → auth → rate limit → idempotency → route.
import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { requestFingerprint } from './chaos.js';
import type { AppEnv, SandboxContext } from './context.js';
import { ApiError } from './errors.js';
import { sha256Hex } from './ids.js';
import { errorResponse } from './respond.js';

type Middleware = MiddlewareHandler<AppEnv>;

/** X-Request-Id on every response, request counters, and the 429 counter. */
export function requestIdentity(sandbox: SandboxContext): Middleware {
  return async (c, next) => {
    const requestId = `req_${randomBytes(10).toString('hex')}`;
    c.set('requestId', requestId);
    sandbox.stats.requests += 1;
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    if (c.res.status === 429) sandbox.stats.rateLimited += 1;
  };
}

/** Reads the raw body once, refusing bodies over the limit with 413 before reading them. */
export function bodyReader(sandbox: SandboxContext): Middleware {
  return async (c, next) => {
    sandbox.stats.apiRequests += 1;
    const limit = sandbox.options.maxBodyBytes;
    const tooLarge = () =>
      new ApiError(413, 'PAYLOAD_TOO_LARGE', `Request body over the ${limit}-byte limit`, {
        field: 'body',
        limitBytes: limit,
      });
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > limit) throw tooLarge();
    const stream = c.req.raw.body;
    if (stream) {
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > limit) {
          await reader.cancel().catch(() => {});
          throw tooLarge();
        }
        chunks.push(value);
      }
      c.set('rawBody', Buffer.concat(chunks));
    }
    await next();
  };
}

function dropConnection(c: Parameters<Middleware>[0]): void {
  c.env.incoming.socket?.destroy();
}

/** Reproducible faults on API routes (never on files, assets or /__sandbox). */
export function chaosInjector(sandbox: SandboxContext): Middleware {
  return async (c, next) => {
    if (!sandbox.chaos.enabled) return next();
    const url = new URL(c.req.url);
    const fingerprint = requestFingerprint(
      c.req.method,
      url.pathname + url.search,
      c.req.header('idempotency-key'),
      c.get('rawBody'),
    );
    const fault = sandbox.chaos.decide(fingerprint);
    if (!fault) return next();
    sandbox.stats.chaosInjected += 1;
    const mark = (response: Response) => {
      response.headers.set('X-Sandbox-Chaos', fault.kind);
      return response;
    };
    switch (fault.kind) {
      case 'status': {
        const codes = {
          500: 'INTERNAL_ERROR',
          502: 'BAD_GATEWAY',
          503: 'SERVICE_UNAVAILABLE',
        } as const;
        const error = new ApiError(
          fault.status,
          codes[fault.status],
          'Injected fault (sandbox chaos)',
        );
        c.res = mark(errorResponse(sandbox, error));
        return;
      }
      case 'rate-limit': {
        const error = new ApiError(
          429,
          'RATE_LIMITED',
          'Too many requests (sandbox chaos)',
          {},
          {
            'Retry-After': String(fault.retryAfterSeconds),
          },
        );
        c.res = mark(errorResponse(sandbox, error));
        return;
      }
      case 'slow':
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs).unref());
        await next();
        mark(c.res);
        return;
      case 'drop':
        dropConnection(c);
        c.res = new Response(null, { status: 500 });
        return;
      case 'lost':
        // The work happens (and is charged and stored for idempotent replay); only the answer is lost.
        await next();
        dropConnection(c);
        return;
    }
  };
}

/** Bearer auth, then the per-key token bucket. */
export function authenticate(sandbox: SandboxContext): Middleware {
  return async (c, next) => {
    const key = sandbox.keys.authenticate(c.req.header('authorization'));
    c.set('apiKey', key);
    sandbox.store.usage.apiCalls += 1;
    if (!sandbox.limiter) return next();
    const decision = sandbox.limiter.take(key.id);
    if (!decision.allowed) {
      throw new ApiError(
        429,
        'RATE_LIMITED',
        `Rate limit exceeded; retry after ${decision.retryAfterSeconds} s`,
        { legacyCode: 'RATE_LIMIT_EXCEEDED', retryAfterSeconds: decision.retryAfterSeconds },
        { ...decision.headers, 'Retry-After': String(decision.retryAfterSeconds) },
      );
    }
    await next();
    for (const [name, value] of Object.entries(decision.headers)) c.res.headers.set(name, value);
  };
}

/** Idempotency-Key on POST: replay the stored success, 409 on a different request with the same key. */
export function idempotency(sandbox: SandboxContext): Middleware {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || !key) return next();
    const raw = c.get('rawBody');
    const url = new URL(c.req.url);
    const fingerprint = `${url.pathname}${url.search}|${sha256Hex(raw ?? new Uint8Array())}`;
    const outcome = await sandbox.idempotency.begin(c.get('apiKey').id, key, fingerprint);
    if ('replay' in outcome) {
      sandbox.stats.idempotentReplays += 1;
      const { status, headers, body } = outcome.replay;
      const response = new Response(body, { status, headers });
      response.headers.set('Idempotent-Replayed', 'true');
      c.res = response;
      return;
    }
    try {
      await next();
    } catch (error) {
      outcome.settle(undefined);
      throw error;
    }
    if (c.res.status >= 200 && c.res.status < 300) {
      const body = new Uint8Array(await c.res.clone().arrayBuffer());
      const headers = [...c.res.headers.entries()].filter(
        ([name]) => !name.toLowerCase().startsWith('x-ratelimit') && name !== 'x-request-id',
      );
      outcome.settle({ status: c.res.status, headers, body });
    } else {
      outcome.settle(undefined);
    }
  };
}
