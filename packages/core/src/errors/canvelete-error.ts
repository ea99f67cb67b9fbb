import { ADVICE, type CanveleteErrorCode, RETRYABLE_CODES } from './codes.js';

const MARKER = Symbol.for('canvelete.error');

export interface CanveleteErrorDetails {
  /** The server's own error code, e.g. `INVALID_API_KEY`, `RATE_LIMIT_EXCEEDED`, `RENDER_TIMEOUT`. */
  serverCode?: string;
  /** The input field the error is about, when known (`format`, `width`, `dynamicData.name` …). */
  field?: string;
  /** Why a webhook failed to verify. */
  reason?: string;
  [key: string]: unknown;
}

export interface CanveleteErrorOptions {
  code: CanveleteErrorCode;
  message: string;
  status?: number;
  requestId?: string;
  retryAfterSeconds?: number;
  retryable?: boolean;
  details?: CanveleteErrorDetails;
  cause?: unknown;
}

/**
 * The one error the core throws. Switch on `code`, never on `instanceof`: adapters bundle their own
 * copy of the core, so use `CanveleteError.isInstance(e)`, which works across copies.
 */
export class CanveleteError extends Error {
  readonly [MARKER] = true;
  readonly code: CanveleteErrorCode;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly retryAfterSeconds: number | undefined;
  readonly retryable: boolean;
  readonly details: CanveleteErrorDetails;

  constructor(options: CanveleteErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CanveleteError';
    this.code = options.code;
    this.status = options.status;
    this.requestId = options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.retryable = options.retryable ?? RETRYABLE_CODES.has(options.code);
    this.details = options.details ?? {};
  }

  /** True for a CanveleteError from any bundled copy of the core. */
  static isInstance(value: unknown): value is CanveleteError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[MARKER] === true
    );
  }

  /** The advice for this error's code, for platforms that show a separate description. */
  get advice(): string {
    return ADVICE[this.code];
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      requestId: this.requestId,
      retryAfterSeconds: this.retryAfterSeconds,
      retryable: this.retryable,
      details: this.details,
    };
  }
}

/** Input the user must fix, found before any request is sent. */
export function validationError(field: string, problem: string): CanveleteError {
  return new CanveleteError({
    code: 'VALIDATION_ERROR',
    message: `Invalid "${field}": ${problem}`,
    details: { field },
  });
}

/** Turns anything thrown into a CanveleteError (network failures become NETWORK_ERROR). */
export function toCanveleteError(value: unknown): CanveleteError {
  if (CanveleteError.isInstance(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new CanveleteError({
    code: 'NETWORK_ERROR',
    message: `${ADVICE.NETWORK_ERROR} (${message})`,
    cause: value,
  });
}
