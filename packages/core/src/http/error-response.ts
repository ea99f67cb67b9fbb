import {
  ADVICE,
  CanveleteError,
  type CanveleteErrorDetails,
  codeForStatus,
} from '../errors/index.js';
import { serverRequestedDelay } from './retry-timing.js';
import type { TransportResponse } from './transport.js';

const MAX_SERVER_MESSAGE = 300;

/**
 * Removes the API key (and anything shaped like a Canvelete key or a bearer token) from text that
 * may have been echoed by a server or a proxy.
 */
export function redactSecrets(text: string, secrets?: string | readonly string[]): string {
  let result = text;
  for (const secret of typeof secrets === 'string' ? [secrets] : (secrets ?? [])) {
    if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  // Anything shaped like a Canvelete key or signing secret, even one we were not told about.
  return result
    .replace(/\b(cvt|cvl)_[A-Za-z0-9_-]{6,}/g, '$1_[redacted]')
    .replace(/\bwhsec_[A-Za-z0-9_-]{6,}/g, 'whsec_[redacted]')
    .replace(/(Bearer\s+)[A-Za-z0-9._~+/=-]{6,}/gi, '$1[redacted]');
}

/** Deep copy of server-supplied details with every string redacted. */
function redactValue(
  value: unknown,
  apiKey: string | readonly string[] | undefined,
  depth = 0,
): unknown {
  if (typeof value === 'string') return redactSecrets(value, apiKey);
  if (depth > 5 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, apiKey, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item, apiKey, depth + 1);
  return copy;
}

export function decodeText(body: Uint8Array): string {
  return new TextDecoder().decode(body);
}

/** Parses a body as JSON; undefined when it is empty or not JSON. */
export function tryParseJson(body: Uint8Array): unknown {
  const text = decodeText(body).trim();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

interface ServerError {
  serverCode?: string;
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * Reads both error shapes Canvelete is known to send: the documented object form
 * `{error: {code, message, details}}` and the flat form the SDKs parse (`{error: "…"}`,
 * `{message: "…"}`, optionally with a top-level `code`).
 */
export function readServerError(body: unknown): ServerError {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return {};
  const record = body as Record<string, unknown>;
  const error = record['error'];
  const result: ServerError = {};
  if (typeof error === 'object' && error !== null && !Array.isArray(error)) {
    const inner = error as Record<string, unknown>;
    if (typeof inner['code'] === 'string') result.serverCode = inner['code'];
    if (typeof inner['message'] === 'string') result.message = inner['message'];
    if (isPlainObject(inner['details'])) result.details = inner['details'];
  } else if (typeof error === 'string') {
    const message = record['message'];
    result.message =
      typeof message === 'string' && message !== error ? `${error}: ${message}` : error;
  }
  if (result.message === undefined && typeof record['message'] === 'string') {
    result.message = record['message'];
  }
  if (result.serverCode === undefined && typeof record['code'] === 'string') {
    result.serverCode = record['code'];
  }
  if (result.details === undefined && isPlainObject(record['details'])) {
    result.details = record['details'];
  }
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns an HTTP error answer into a CanveleteError whose message says what to do. */
export function errorFromResponse(
  response: TransportResponse,
  context: { apiKey?: string | readonly string[]; now: number; method: string; path: string },
): CanveleteError {
  const { status, headers } = response;
  const server = readServerError(tryParseJson(response.body));
  const serverMessage = server.message
    ? redactSecrets(server.message, context.apiKey).slice(0, MAX_SERVER_MESSAGE)
    : undefined;
  const code = codeForStatus(status, server.serverCode, serverMessage);
  const requestId = headers['x-request-id'] || undefined;
  const delay = serverRequestedDelay(headers, context.now);
  const retryAfterSeconds = delay === undefined ? undefined : Math.ceil(delay / 1000);
  const details: CanveleteErrorDetails = {
    ...((server.details ? redactValue(server.details, context.apiKey) : {}) as Record<
      string,
      unknown
    >),
  };
  if (server.serverCode) details.serverCode = server.serverCode;
  const where = `${context.method} ${context.path} → HTTP ${status}${requestId ? `, request id ${requestId}` : ''}`;
  const said = serverMessage ? `Canvelete said: "${serverMessage}". ` : '';
  return new CanveleteError({
    code,
    message: `${said}${ADVICE[code]} (${where})`,
    status,
    requestId,
    retryAfterSeconds,
    details,
  });
}
