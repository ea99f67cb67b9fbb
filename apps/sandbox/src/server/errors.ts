// The sandbox's error vocabulary (reference 8.7): one class carrying a server code, an HTTP status and
// details. Dialects decide how it is written on the wire (dialects.ts).

export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'INVALID_ELEMENT'
  | 'INVALID_DESIGN_ID'
  | 'UNAUTHORIZED'
  | 'INSUFFICIENT_CREDITS'
  | 'FORBIDDEN'
  | 'INSUFFICIENT_SCOPE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR'
  | 'BAD_GATEWAY'
  | 'SERVICE_UNAVAILABLE'
  | 'RENDER_TIMEOUT';

/**
 * How invalid input is classified. `malformed` (unparsable JSON, wrong JSON type, bad query syntax) is
 * 400 in every dialect; `semantic` (a value out of range or not in an enum) is 400 or 422 depending on
 * the dialect (SDK clients treat 422 as validation, the docs say 400).
 */
export type ValidationKind = 'malformed' | 'semantic';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
    readonly validationKind?: ValidationKind,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A semantic validation error naming the field (status decided by the dialect). */
export function invalid(field: string, problem: string): ApiError {
  return new ApiError(
    422,
    'VALIDATION_ERROR',
    `Invalid "${field}": ${problem}`,
    { field },
    {},
    'semantic',
  );
}

/** A malformed-input error naming the field: always 400. */
export function malformed(field: string, problem: string): ApiError {
  return new ApiError(
    400,
    'VALIDATION_ERROR',
    `Invalid "${field}": ${problem}`,
    { field },
    {},
    'malformed',
  );
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `${what} "${id}" not found`, { resource: what, id });
}

export function invalidElement(key: string): ApiError {
  return new ApiError(
    400,
    'INVALID_ELEMENT',
    `Invalid "dynamicElements.${key}": no element in the design has this id or name (check the layer names)`,
    { field: `dynamicElements.${key}`, element: key },
  );
}
