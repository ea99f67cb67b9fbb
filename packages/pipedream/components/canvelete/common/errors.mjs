import { CanveleteError } from '@canvelete/core';
import { ConfigurationError } from '@pipedream/platform';

/**
 * The one place Canvelete error codes become Pipedream errors (ARCHITECTURE seam 3):
 * `ConfigurationError` only for what the user must fix in the step's props or connected account;
 * a plain `Error` carrying `code`, `status`, `requestId` and `retryable` for everything else.
 */
const USER_FIXABLE = new Set([
  'VALIDATION_ERROR',
  'INVALID_ELEMENT',
  'NOT_FOUND',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INSUFFICIENT_SCOPE',
]);

/** Codes about the connected account rather than a prop. */
const ACCOUNT_CODES = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'INSUFFICIENT_SCOPE']);

function suffix(error) {
  const parts = [error.code];
  if (error.status) parts.push(`HTTP ${error.status}`);
  if (error.requestId) parts.push(`request id ${error.requestId}`);
  return ` [${parts.join(', ')}]`;
}

/**
 * Which prop a core field name belongs to: `labels` maps core fields (`designId`, `quality`,
 * `dynamicData.title`) to the prop labels the user sees.
 */
function propFor(field, labels) {
  if (!field) return undefined;
  if (labels[field]) return labels[field];
  const root = String(field).split(/[.[]/)[0];
  return labels[field] ?? labels[root];
}

/**
 * The Pipedream error for a Canvelete error; anything else is returned unchanged.
 * @param {any} error
 * @param {{ labels?: Record<string, string>, subject?: string }} [options] `subject`: the prop a
 *   NOT_FOUND is about when the server names no field (e.g. "Design").
 */
export function toPipedreamError(error, { labels = {}, subject } = {}) {
  if (!CanveleteError.isInstance(error)) return error;
  if (USER_FIXABLE.has(error.code)) {
    const prop = ACCOUNT_CODES.has(error.code)
      ? 'Canvelete account'
      : (propFor(error.details?.field, labels) ??
        (error.code === 'NOT_FOUND' ? subject : undefined));
    const message = `${prop ? `${prop}: ` : ''}${error.message}${suffix(error)}`;
    const configurationError = new ConfigurationError(message);
    Object.assign(configurationError, { code: error.code, requestId: error.requestId });
    return configurationError;
  }
  const plain = new Error(`${error.message}${suffix(error)}`);
  Object.assign(plain, {
    code: error.code,
    status: error.status,
    requestId: error.requestId,
    retryable: error.retryable,
    retryAfterSeconds: error.retryAfterSeconds,
  });
  return plain;
}

/** Runs `work`; any Canvelete error leaves as the Pipedream error for its code. */
export async function translateErrors(work, options) {
  try {
    return await work();
  } catch (error) {
    throw toPipedreamError(error, options);
  }
}
