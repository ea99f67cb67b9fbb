// Small helpers every route uses to answer in the active dialect.
import type { Context } from 'hono';
import type { AppEnv, SandboxContext } from './context.js';
import { ApiError } from './errors.js';
import { type JsonObject, parseJsonBody } from './validation.js';

export type AppContext = Context<AppEnv>;

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}

export function errorResponse(sandbox: SandboxContext, error: unknown): Response {
  const apiError =
    error instanceof ApiError
      ? error
      : new ApiError(500, 'INTERNAL_ERROR', 'The sandbox hit an unexpected error', {});
  const response = new Response(JSON.stringify(sandbox.wire.errorBody(apiError)), {
    status: sandbox.wire.errorStatus(apiError),
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
  for (const [name, value] of Object.entries(apiError.headers)) response.headers.set(name, value);
  return response;
}

export function bodyOf(c: AppContext): JsonObject {
  return parseJsonBody(c.get('rawBody'));
}

export function query(c: AppContext): (name: string) => string | undefined {
  return (name) => c.req.query(name);
}
