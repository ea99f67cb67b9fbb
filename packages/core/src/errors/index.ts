export {
  CanveleteError,
  type CanveleteErrorDetails,
  type CanveleteErrorOptions,
  toCanveleteError,
  validationError,
} from './canvelete-error.js';
export {
  ADVICE,
  CANVELETE_ERROR_CODES,
  type CanveleteErrorCode,
  codeForStatus,
  RETRYABLE_CODES,
} from './codes.js';
