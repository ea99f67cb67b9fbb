// One row per core error code, one column per platform: how the code is provoked (against the
// sandbox where it can produce the condition, otherwise a loopback server answering like Canvelete)
// and the platform-native error the user must see.
import type { CanveleteErrorCode } from '@canvelete/core';
import type { SandboxOptions } from '@canvelete/sandbox';
import type { DriverRenderRequest } from '@canvelete/testing/drivers';
import { CANARY_READ_ONLY_KEY, CANARY_UNKNOWN_KEY } from './canaries.ts';
import type { PerPlatform } from './platforms.ts';
import { SEED } from './world.ts';

/** How a row provokes its code. */
export type Fault =
  /** A render against the sandbox, with these options and this request. */
  | {
      via: 'sandbox';
      sandbox?: SandboxOptions;
      /** Connect with this key instead of the sandbox's main key. */
      apiKey?: string;
      request?: Partial<DriverRenderRequest>;
    }
  /** A render against a server that answers every request like this. */
  | { via: 'answer'; status: number; body: unknown; headers?: Record<string, string> }
  /** A render against a port nothing listens on. */
  | { via: 'unreachable' }
  /** A delivery to the instant trigger whose body changed after signing. */
  | { via: 'forged-delivery' }
  /** Activating the instant trigger on a server without the subscription API. */
  | { via: 'no-webhook-api' };

/** What the user sees on a platform; `none` = the platform handles it without an error. */
export type Seen =
  | { kind: string; httpStatus?: number; platformCode?: string }
  | { kind: 'none'; because: string };

export interface ErrorRow {
  code: CanveleteErrorCode;
  fault: Fault;
  /** A word every platform's message must contain (the field to fix, the thing to do). */
  mentions?: RegExp;
  seen: PerPlatform<Seen>;
}

/** A Canvelete error body in the documented object form; the message echoes the key, as a careless server might. */
const answer = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Fault => ({
  via: 'answer',
  status,
  headers,
  body: { error: { code, message } },
});

const BASE: DriverRenderRequest = { designId: SEED.productCard, format: 'png', scale: 0.25 };
export const RENDER_REQUEST = BASE;

const zapier = (kind: string, platformCode?: string): Seen => ({ kind, platformCode });
const api = (httpStatus: number): Seen => ({ kind: 'NodeApiError', httpStatus });
const operation: Seen = { kind: 'NodeOperationError' };
const configuration: Seen = { kind: 'ConfigurationError' };
const plain: Seen = { kind: 'Error' };

export const ERROR_TABLE: ErrorRow[] = [
  {
    code: 'UNAUTHORIZED',
    fault: { via: 'sandbox', apiKey: CANARY_UNKNOWN_KEY },
    mentions: /key/i,
    seen: { zapier: zapier('ExpiredAuthError'), n8n: api(401), pipedream: configuration },
  },
  {
    code: 'FORBIDDEN',
    fault: answer(403, 'FORBIDDEN', 'This design belongs to another team.'),
    seen: { zapier: zapier('AppError', 'Forbidden'), n8n: api(403), pipedream: configuration },
  },
  {
    code: 'INSUFFICIENT_SCOPE',
    fault: {
      via: 'sandbox',
      sandbox: { keys: [{ key: CANARY_READ_ONLY_KEY, scopes: ['designs:read'] }] },
      apiKey: CANARY_READ_ONLY_KEY,
    },
    mentions: /scope/i,
    seen: {
      zapier: zapier('AppError', 'InsufficientScope'),
      n8n: api(403),
      pipedream: configuration,
    },
  },
  {
    code: 'NOT_FOUND',
    fault: { via: 'sandbox', request: { designId: 'cm4sbxn0tthere000000000099' } },
    mentions: /design/i,
    seen: { zapier: zapier('AppError', 'NotFound'), n8n: api(404), pipedream: configuration },
  },
  {
    code: 'VALIDATION_ERROR',
    fault: { via: 'sandbox', request: { width: 20_000 } },
    mentions: /width/i,
    seen: { zapier: zapier('AppError', 'InvalidData'), n8n: operation, pipedream: configuration },
  },
  {
    code: 'INVALID_ELEMENT',
    fault: answer(400, 'INVALID_ELEMENT', 'Element "price" cannot take an image.'),
    seen: { zapier: zapier('AppError', 'InvalidData'), n8n: api(400), pipedream: configuration },
  },
  {
    code: 'INSUFFICIENT_CREDITS',
    fault: { via: 'sandbox', sandbox: { credits: 0 } },
    mentions: /credit/i,
    seen: { zapier: zapier('AppError', 'InsufficientCredits'), n8n: api(402), pipedream: plain },
  },
  {
    code: 'CONFLICT',
    fault: answer(409, 'IDEMPOTENCY_CONFLICT', 'Idempotency key reused with a different body.'),
    seen: { zapier: zapier('AppError', 'Conflict'), n8n: api(409), pipedream: plain },
  },
  {
    code: 'PAYLOAD_TOO_LARGE',
    fault: answer(413, 'PAYLOAD_TOO_LARGE', 'Request body too large.'),
    seen: {
      zapier: zapier('AppError', 'PayloadTooLarge'),
      n8n: api(413),
      pipedream: configuration,
    },
  },
  {
    code: 'RATE_LIMITED',
    fault: answer(429, 'RATE_LIMIT_EXCEEDED', 'Slow down.', { 'retry-after': '1' }),
    seen: { zapier: zapier('ThrottledError'), n8n: api(429), pipedream: plain },
  },
  {
    code: 'SERVER_ERROR',
    fault: answer(500, 'INTERNAL_ERROR', 'Something broke.'),
    seen: { zapier: zapier('AppError', 'ServerError'), n8n: api(500), pipedream: plain },
  },
  {
    code: 'SERVICE_UNAVAILABLE',
    fault: answer(503, 'SERVICE_UNAVAILABLE', 'Down for maintenance.', { 'retry-after': '1' }),
    seen: { zapier: zapier('ThrottledError'), n8n: api(503), pipedream: plain },
  },
  {
    code: 'TIMEOUT',
    fault: answer(408, 'RENDER_TIMEOUT', 'Timed out.'),
    seen: { zapier: zapier('AppError', 'Timeout'), n8n: api(408), pipedream: plain },
  },
  {
    code: 'NETWORK_ERROR',
    fault: { via: 'unreachable' },
    seen: { zapier: zapier('ThrottledError'), n8n: operation, pipedream: plain },
  },
  {
    code: 'RENDER_FAILED',
    fault: { via: 'sandbox', request: { reference: 'sandbox:fail-contract' } },
    seen: { zapier: zapier('AppError', 'RenderFailed'), n8n: operation, pipedream: plain },
  },
  {
    code: 'INVALID_RESPONSE',
    fault: { via: 'answer', status: 200, body: '<html>not the API</html>' },
    seen: { zapier: zapier('AppError', 'InvalidResponse'), n8n: operation, pipedream: plain },
  },
  {
    code: 'WEBHOOK_VERIFICATION_FAILED',
    fault: { via: 'forged-delivery' },
    seen: {
      zapier: zapier('HaltedError'),
      n8n: { kind: 'Refused', httpStatus: 401 },
      pipedream: { kind: 'Refused', httpStatus: 401 },
    },
  },
  {
    code: 'NOT_SUPPORTED',
    fault: { via: 'no-webhook-api' },
    mentions: /poll|dashboard|url/i,
    seen: {
      zapier: zapier('AppError', 'NotSupported'),
      n8n: { kind: 'none', because: 'activates with its URL for the dashboard (manual mode)' },
      pipedream: { kind: 'none', because: 'activates and logs its endpoint for the dashboard' },
    },
  },
];
