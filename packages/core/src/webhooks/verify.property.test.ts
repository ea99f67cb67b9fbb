import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanveleteError } from '../errors/index.js';
import type { WebhookSignatureScheme } from './types.js';
import { verifyWebhookSignature } from './verify.js';

type SignedHeaders = Record<string, string> & { 'X-Canvelete-Signature': string };

// The oracle: headers built straight from node:crypto, not through signWebhook.
function headersFor(
  scheme: WebhookSignatureScheme,
  body: Uint8Array,
  secret: string,
  t: number,
): SignedHeaders {
  const mac = (prefix: string) =>
    createHmac('sha256', secret).update(prefix).update(body).digest('hex');
  if (scheme === 'sha256') return { 'X-Canvelete-Signature': `sha256=${mac('')}` };
  if (scheme === 'hex')
    return { 'X-Canvelete-Signature': mac(`${t}.`), 'X-Canvelete-Timestamp': String(t) };
  return { 'X-Canvelete-Signature': `t=${t},v1=${mac(`${t}.`)}` };
}

function rejects(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (!CanveleteError.isInstance(error)) throw error;
    return error.code === 'WEBHOOK_VERIFICATION_FAILED';
  }
}

const schemes: WebhookSignatureScheme[] = ['v1', 'sha256', 'hex'];
const asciiSecret = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  minLength: 1,
  maxLength: 80,
});
const body = fc.uint8Array({ maxLength: 300 });
const timestamp = fc.integer({ min: 1, max: 4_000_000_000 });

describe.each(schemes)('verifyWebhookSignature properties, scheme %s', (scheme) => {
  const verify = (
    payload: Uint8Array | string,
    headers: Record<string, string>,
    secret: string,
    t: number,
  ) => verifyWebhookSignature({ payload, headers, secret, now: () => t * 1000 });

  it('accepts every correctly signed body (bytes or text, any secret)', () => {
    fc.assert(
      fc.property(
        fc.oneof(body, fc.string({ unit: 'grapheme', maxLength: 200 })),
        fc.string({ unit: 'grapheme', minLength: 1 }),
        timestamp,
        (payload, secret, t) => {
          const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
          expect(verify(payload, headersFor(scheme, bytes, secret, t), secret, t).scheme).toBe(
            scheme,
          );
        },
      ),
    );
  });

  it('rejects any single-byte change to the body', () => {
    fc.assert(
      fc.property(
        body,
        asciiSecret,
        timestamp,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (payload, secret, t, at, flip) => {
          const headers = headersFor(scheme, payload, secret, t);
          const tampered = payload.length === 0 ? Uint8Array.of(flip) : Uint8Array.from(payload);
          if (payload.length > 0) tampered[at % payload.length]! ^= flip;
          expect(rejects(() => verify(tampered, headers, secret, t))).toBe(true);
        },
      ),
    );
  });

  it('rejects any single hex digit changed in the signature', () => {
    fc.assert(
      fc.property(
        body,
        asciiSecret,
        timestamp,
        fc.nat(),
        fc.integer({ min: 1, max: 15 }),
        (payload, secret, t, at, delta) => {
          const headers = headersFor(scheme, payload, secret, t);
          const value = headers['X-Canvelete-Signature'];
          const start = value.length - 64; // the hex is always the last 64 characters
          const i = start + (at % 64);
          const digit = ((Number.parseInt(value[i]!, 16) + delta) % 16).toString(16);
          const tamperedHeaders = {
            ...headers,
            'X-Canvelete-Signature': value.slice(0, i) + digit + value.slice(i + 1),
          };
          expect(rejects(() => verify(payload, tamperedHeaders, secret, t))).toBe(true);
        },
      ),
    );
  });

  it('rejects any single character changed in the secret', () => {
    fc.assert(
      fc.property(
        body,
        asciiSecret,
        timestamp,
        fc.nat(),
        fc.integer({ min: 1, max: 93 }),
        (payload, secret, t, at, delta) => {
          const headers = headersFor(scheme, payload, secret, t);
          const i = at % secret.length;
          const changed = String.fromCharCode(((secret.charCodeAt(i) - 0x21 + delta) % 94) + 0x21);
          const wrongSecret = secret.slice(0, i) + changed + secret.slice(i + 1);
          expect(rejects(() => verify(payload, headers, wrongSecret, t))).toBe(true);
        },
      ),
    );
  });

  if (scheme !== 'sha256') {
    it('rejects any change to the signed timestamp, even one inside the tolerance', () => {
      fc.assert(
        fc.property(
          body,
          asciiSecret,
          timestamp,
          fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
          (payload, secret, t, delta) => {
            const headers = headersFor(scheme, payload, secret, t);
            const other = String(Math.max(0, t + delta) === t ? t + 1 : Math.max(0, t + delta));
            const tampered =
              scheme === 'v1'
                ? {
                    'X-Canvelete-Signature': headers['X-Canvelete-Signature'].replace(
                      `t=${t},`,
                      `t=${other},`,
                    ),
                  }
                : { ...headers, 'X-Canvelete-Timestamp': other };
            expect(rejects(() => verify(payload, tampered, secret, t))).toBe(true);
          },
        ),
      );
    });

    it('rejects a correct signature outside the tolerance, in either direction', () => {
      fc.assert(
        fc.property(
          body,
          asciiSecret,
          timestamp,
          fc.integer({ min: 301, max: 10_000_000 }),
          fc.boolean(),
          (payload, secret, t, skew, late) => {
            const headers = headersFor(scheme, payload, secret, t);
            const receivedAt = late ? t + skew : t - skew;
            expect(rejects(() => verify(payload, headers, secret, receivedAt))).toBe(true);
          },
        ),
      );
    });
  }
});
