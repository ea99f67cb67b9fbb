import { CanveleteError, type CanveleteErrorCode } from '@canvelete/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

/** Which z.errors class a core code becomes, and the code string Zapier shows with it. */
export type ZapierErrorKind = 'ExpiredAuthError' | 'ThrottledError' | 'HaltedError' | 'Error';

export interface ZapierErrorRule {
  kind: ZapierErrorKind;
  /** For `z.errors.Error(message, code, status)`. */
  zapierCode?: string;
}

/**
 * The one mapping from the core's closed set of codes to Zapier errors (ARCHITECTURE seam 3).
 * - A revoked or wrong key asks the user to reconnect (ExpiredAuthError).
 * - Rate limits and outages let Zapier retry later without counting towards pausing the Zap.
 * - A delivery that fails signature checks is halted: forged traffic must not turn the Zap off.
 * - Everything the user can fix is an Error whose code names the problem (and, for input, the field).
 */
export const ZAPIER_ERROR_RULES: Readonly<Record<CanveleteErrorCode, ZapierErrorRule>> = {
  UNAUTHORIZED: { kind: 'ExpiredAuthError' },
  FORBIDDEN: { kind: 'Error', zapierCode: 'Forbidden' },
  INSUFFICIENT_SCOPE: { kind: 'Error', zapierCode: 'InsufficientScope' },
  NOT_FOUND: { kind: 'Error', zapierCode: 'NotFound' },
  VALIDATION_ERROR: { kind: 'Error', zapierCode: 'InvalidData' },
  INVALID_ELEMENT: { kind: 'Error', zapierCode: 'InvalidData' },
  INSUFFICIENT_CREDITS: { kind: 'Error', zapierCode: 'InsufficientCredits' },
  CONFLICT: { kind: 'Error', zapierCode: 'Conflict' },
  PAYLOAD_TOO_LARGE: { kind: 'Error', zapierCode: 'PayloadTooLarge' },
  RATE_LIMITED: { kind: 'ThrottledError' },
  SERVICE_UNAVAILABLE: { kind: 'ThrottledError' },
  NETWORK_ERROR: { kind: 'ThrottledError' },
  SERVER_ERROR: { kind: 'Error', zapierCode: 'ServerError' },
  TIMEOUT: { kind: 'Error', zapierCode: 'Timeout' },
  RENDER_FAILED: { kind: 'Error', zapierCode: 'RenderFailed' },
  INVALID_RESPONSE: { kind: 'Error', zapierCode: 'InvalidResponse' },
  WEBHOOK_VERIFICATION_FAILED: { kind: 'HaltedError' },
  NOT_SUPPORTED: { kind: 'Error', zapierCode: 'NotSupported' },
};

/** Zapier's retry delay when Canvelete named none. */
export const DEFAULT_THROTTLE_DELAY_SECONDS = 60;

const ZAPIER_ERROR_NAMES = new Set([
  'AppError',
  'ResponseError',
  'ThrottledError',
  'CheckError',
  'DehydrateError',
  'ExpiredAuthError',
  'HaltedError',
  'RefreshAuthError',
  'StopRequestError',
]);

/** The values that must never reach a message: the key and the signing secret. */
export function secretsOf(bundle: Bundle | undefined): string[] {
  const auth = (bundle?.authData ?? {}) as Record<string, unknown>;
  const subscribe = (bundle?.subscribeData ?? {}) as Record<string, unknown>;
  return [auth['apiKey'], auth['webhookSecret'], subscribe['secret']].filter(
    (value): value is string => typeof value === 'string' && value.length >= 4,
  );
}

function redact(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) result = result.split(secret).join('[redacted]');
  return result;
}

function describe(error: CanveleteError): string {
  const extras = [`Canvelete ${error.code}`];
  const field = error.details.field;
  if (typeof field === 'string' && !error.message.includes(field)) extras.push(`field ${field}`);
  const renderId = error.details['renderId'];
  if (typeof renderId === 'string') extras.push(`render ${renderId}`);
  if (error.requestId) extras.push(`request ${error.requestId}`);
  return `${error.message} (${extras.join(', ')})`;
}

/**
 * Zapier's runtime appends the whole bundle (all but authData) to the message of any error that is
 * not marked `doNotContextify` — subscribeData with the hook's signing secret included. Ours are
 * complete without it.
 */
function uncontextified<E extends Error>(error: E): E {
  return Object.assign(error, { doNotContextify: true });
}

/** One Zapier error for anything thrown inside an operation; never a stack trace or a secret. */
export function toZapierError(z: ZObject, error: unknown, secrets: string[] = []): Error {
  return uncontextified(zapierErrorFor(z, error, secrets));
}

function zapierErrorFor(z: ZObject, error: unknown, secrets: string[]): Error {
  if (error instanceof Error && ZAPIER_ERROR_NAMES.has(error.name)) return error;
  if (!CanveleteError.isInstance(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new z.errors.Error(
      redact(`Unexpected problem in the Canvelete app: ${message}`, secrets),
      'Unexpected',
    );
  }
  const message = redact(describe(error), secrets);
  const rule = ZAPIER_ERROR_RULES[error.code] ?? { kind: 'Error', zapierCode: error.code };
  switch (rule.kind) {
    case 'ExpiredAuthError':
      return new z.errors.ExpiredAuthError(message);
    case 'ThrottledError':
      return new z.errors.ThrottledError(
        message,
        Math.ceil(error.retryAfterSeconds ?? DEFAULT_THROTTLE_DELAY_SECONDS),
      );
    case 'HaltedError':
      return new z.errors.HaltedError(message);
    default:
      return new z.errors.Error(message, rule.zapierCode, error.status);
  }
}

/** Wraps an operation function so whatever it throws leaves as a Zapier error. */
export function withErrors<B extends Bundle, R>(
  operation: (z: ZObject, bundle: B) => Promise<R>,
): (z: ZObject, bundle: B) => Promise<R> {
  return async (z, bundle) => {
    try {
      return await operation(z, bundle);
    } catch (error) {
      throw toZapierError(z, error, secretsOf(bundle));
    }
  };
}
