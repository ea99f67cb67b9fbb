import { describe, expect, it } from 'vitest';
import { CanveleteError, toCanveleteError } from './canvelete-error.js';
import { CANVELETE_ERROR_CODES, codeForStatus, RETRYABLE_CODES } from './codes.js';

describe('codeForStatus', () => {
  it.each([
    [400, undefined, undefined, 'VALIDATION_ERROR'],
    [422, undefined, undefined, 'VALIDATION_ERROR'],
    [400, 'INVALID_ELEMENT', undefined, 'INVALID_ELEMENT'],
    [401, undefined, undefined, 'UNAUTHORIZED'],
    [401, 'INVALID_API_KEY', undefined, 'UNAUTHORIZED'],
    [402, undefined, undefined, 'INSUFFICIENT_CREDITS'],
    [403, undefined, 'Forbidden', 'FORBIDDEN'],
    [403, undefined, 'API key lacks the render:write scope', 'INSUFFICIENT_SCOPE'],
    [403, 'INSUFFICIENT_SCOPE', undefined, 'INSUFFICIENT_SCOPE'],
    [404, undefined, undefined, 'NOT_FOUND'],
    [408, undefined, undefined, 'TIMEOUT'],
    [409, undefined, undefined, 'CONFLICT'],
    [413, undefined, undefined, 'PAYLOAD_TOO_LARGE'],
    [429, undefined, undefined, 'RATE_LIMITED'],
    [429, 'RATE_LIMIT_EXCEEDED', undefined, 'RATE_LIMITED'],
    [500, undefined, undefined, 'SERVER_ERROR'],
    [500, 'INTERNAL_ERROR', undefined, 'SERVER_ERROR'],
    [502, undefined, undefined, 'SERVICE_UNAVAILABLE'],
    [503, undefined, undefined, 'SERVICE_UNAVAILABLE'],
    [504, 'RENDER_TIMEOUT', undefined, 'TIMEOUT'],
    [500, 'RENDER_FAILED', undefined, 'RENDER_FAILED'],
  ] as const)('%i %s %s -> %s', (status, serverCode, message, expected) => {
    expect(codeForStatus(status, serverCode, message)).toBe(expected);
  });

  it('only maps to codes in the closed set', () => {
    for (let status = 400; status < 600; status++) {
      expect(CANVELETE_ERROR_CODES).toContain(codeForStatus(status));
    }
  });
});

describe('CanveleteError', () => {
  it('is recognised across bundled copies by its Symbol.for marker, not by class identity', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('canvelete.error')]: true });
    expect(CanveleteError.isInstance(foreign)).toBe(true);
    expect(CanveleteError.isInstance(new Error('x'))).toBe(false);
    expect(CanveleteError.isInstance(null)).toBe(false);
  });

  it('derives retryable from the code unless told otherwise', () => {
    for (const code of CANVELETE_ERROR_CODES) {
      const error = new CanveleteError({ code, message: code });
      expect(error.retryable).toBe(RETRYABLE_CODES.has(code));
    }
    expect(
      new CanveleteError({ code: 'SERVER_ERROR', message: 'x', retryable: false }).retryable,
    ).toBe(false);
  });

  it('wraps unknown throws as NETWORK_ERROR and keeps CanveleteErrors as they are', () => {
    const original = new CanveleteError({ code: 'NOT_FOUND', message: 'gone' });
    expect(toCanveleteError(original)).toBe(original);
    const wrapped = toCanveleteError(new TypeError('fetch failed'));
    expect(wrapped.code).toBe('NETWORK_ERROR');
    expect(wrapped.message).toContain('fetch failed');
  });
});
