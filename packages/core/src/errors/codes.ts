/** Every code a `CanveleteError` can carry. Closed: adapters map each one to a platform error. */
export const CANVELETE_ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INSUFFICIENT_SCOPE',
  'NOT_FOUND',
  'VALIDATION_ERROR',
  'INVALID_ELEMENT',
  'INSUFFICIENT_CREDITS',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'NETWORK_ERROR',
  'RENDER_FAILED',
  'INVALID_RESPONSE',
  'WEBHOOK_VERIFICATION_FAILED',
  'NOT_SUPPORTED',
] as const;

export type CanveleteErrorCode = (typeof CANVELETE_ERROR_CODES)[number];

/** Codes worth retrying the same request for (after a wait). */
export const RETRYABLE_CODES: ReadonlySet<CanveleteErrorCode> = new Set<CanveleteErrorCode>([
  'RATE_LIMITED',
  'SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'NETWORK_ERROR',
]);

/** Server codes (ours, the docs', the help centre's) that name a more precise code than the status. */
const SERVER_CODE_TO_CODE: Readonly<Record<string, CanveleteErrorCode>> = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  INVALID_API_KEY: 'UNAUTHORIZED',
  AUTHENTICATION_ERROR: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  PERMISSION_ERROR: 'FORBIDDEN',
  INSUFFICIENT_SCOPE: 'INSUFFICIENT_SCOPE',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_DESIGN_ID: 'NOT_FOUND',
  VALIDATION_ERROR: 'VALIDATION_ERROR',
  INVALID_ELEMENT: 'INVALID_ELEMENT',
  INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  CONFLICT: 'CONFLICT',
  IDEMPOTENCY_CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  RATE_LIMIT_EXCEEDED: 'RATE_LIMITED',
  RATE_LIMIT_ERROR: 'RATE_LIMITED',
  INTERNAL_ERROR: 'SERVER_ERROR',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  RENDER_TIMEOUT: 'TIMEOUT',
  RENDER_FAILED: 'RENDER_FAILED',
};

/**
 * Our code for an HTTP error answer. The server's own code wins where it is more precise than the
 * status (403 + INSUFFICIENT_SCOPE, 400 + INVALID_ELEMENT, 504 + RENDER_TIMEOUT); a 403 whose
 * message mentions "scope" is INSUFFICIENT_SCOPE, as the official SDKs decide.
 */
export function codeForStatus(
  status: number,
  serverCode?: string,
  message?: string,
): CanveleteErrorCode {
  const fromServer = serverCode ? SERVER_CODE_TO_CODE[serverCode.toUpperCase()] : undefined;
  if (fromServer && fromServer !== 'SERVER_ERROR') return fromServer;
  switch (status) {
    case 400:
    case 422:
      return 'VALIDATION_ERROR';
    case 401:
      return 'UNAUTHORIZED';
    case 402:
      return 'INSUFFICIENT_CREDITS';
    case 403:
      return message && /scope/i.test(message) ? 'INSUFFICIENT_SCOPE' : 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 408:
    case 504:
      return 'TIMEOUT';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      if (status >= 500) return 'SERVER_ERROR';
      if (fromServer) return fromServer;
      return 'VALIDATION_ERROR';
  }
}

/** What the user should do about each code; the start of every message we build ourselves. */
export const ADVICE: Readonly<Record<CanveleteErrorCode, string>> = {
  UNAUTHORIZED:
    'Check the Canvelete API key: it may be mistyped, revoked or expired. Create a new one under Settings → API Keys and reconnect.',
  FORBIDDEN: 'This API key may not access that resource. Use a key from the account that owns it.',
  INSUFFICIENT_SCOPE:
    'This API key lacks the scope this operation needs. Create a key with that scope (or "*") and reconnect.',
  NOT_FOUND: 'Check the id: the design, template or render does not exist or was deleted.',
  VALIDATION_ERROR: 'Fix the input named in the message and try again.',
  INVALID_ELEMENT:
    'A dynamic element key names no element in the design. Check the layer names in the Canvelete editor.',
  INSUFFICIENT_CREDITS:
    'The Canvelete account has no render credits left. Top up or upgrade the plan, then retry.',
  CONFLICT:
    'The same idempotency key was used for a different request. Use a new key for a new request.',
  PAYLOAD_TOO_LARGE: 'The request is too large. Send smaller images (use URLs rather than files).',
  RATE_LIMITED: 'Canvelete rate limit reached. Wait and retry, or lower the concurrency.',
  SERVER_ERROR:
    'Canvelete had an internal error. Retry later; if it persists, contact support with the request id.',
  SERVICE_UNAVAILABLE: 'Canvelete is temporarily unavailable. Retry in a few minutes.',
  TIMEOUT: 'The request or render took too long. Retry, or raise the time limit.',
  NETWORK_ERROR: 'Could not reach Canvelete. Check the base URL and the network, then retry.',
  RENDER_FAILED: 'The render failed. Check the design and the dynamic data, then retry.',
  INVALID_RESPONSE:
    'Canvelete answered in an unexpected shape. Check the base URL points at the Canvelete API.',
  WEBHOOK_VERIFICATION_FAILED:
    'The webhook signature did not verify. Check the signing secret and that the raw request body is passed unchanged.',
  NOT_SUPPORTED: 'This Canvelete server does not offer that feature.',
};
