import { describe, expect, it } from 'vitest';
import { CanveleteError } from '../errors/index.js';
import { signWebhook } from './sign.js';
import { checkWebhookSignature, verifyWebhook, verifyWebhookSignature } from './verify.js';

/*
 * Fixed vectors, computed once outside this code with OpenSSL, e.g.:
 *   printf '%s' "1796022000.$BODY" | openssl dgst -sha256 -hmac 'whsec_test_secret'   # v1 / hex
 *   printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'whsec_test_secret'              # sha256= / bare
 * with BODY set to the exact text below (no trailing newline).
 */
const BODY =
  '{"id":"evt_1","type":"render.completed","timestamp":"2026-11-30T07:00:00.000Z","data":{"renderId":"r_1"}}';
const SECRET = 'whsec_test_secret';
const T = 1796022000; // 2026-11-30T07:00:00Z
const MAC_T_BODY = '57eb7d3dc71513ff625e8652d1e365038b5780258910f11ef5e2b58d370927a6';
const MAC_BODY = '34afed3bf5153eaddd3db1275ccc2671e832a4efedd736339e67e48fdde5f342';
const OLD_SECRET_MAC_T_BODY = '633935b79835f985e494e82dc3a1924aacd2b7f6cd1bb63f7dbe5c7ccedce9f1';
// Non-ASCII body: the MAC is over its UTF-8 bytes.
const UTF8_BODY = '{"id":"evt_2","type":"design.updated","data":{"name":"Café ☕"}}';
const UTF8_MAC_T_BODY = 'f0dadab2d00f2cbfdd504f432694cb8dacd1df0fb4647aabb68b1187e2d8fb22';

const now = () => T * 1000;
const v1Header = { 'X-Canvelete-Signature': `t=${T},v1=${MAC_T_BODY}` };

function failure(run: () => unknown): CanveleteError {
  try {
    run();
  } catch (error) {
    if (CanveleteError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CanveleteError');
}

describe('verifyWebhook: the three published forms (fixed vectors)', () => {
  it('accepts t=<unix>,v1=<hex> over "<t>.<body>" and returns the normalised event', () => {
    const event = verifyWebhook({ payload: BODY, headers: v1Header, secret: SECRET, now });
    expect(event).toEqual({
      id: 'evt_1',
      type: 'render.completed',
      createdAt: '2026-11-30T07:00:00.000Z',
      data: { renderId: 'r_1' },
    });
  });

  it('accepts sha256=<hex> over the body (no timestamp, so no tolerance check)', () => {
    const headers = { 'x-canvelete-signature': `sha256=${MAC_BODY}` };
    const result = verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: () => 0 });
    expect(result).toEqual({ scheme: 'sha256' });
  });

  it('accepts bare hex with X-Canvelete-Timestamp over "<t>.<body>"', () => {
    const headers = { 'X-Canvelete-Signature': MAC_T_BODY, 'X-Canvelete-Timestamp': String(T) };
    expect(verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now })).toEqual({
      scheme: 'hex',
      timestamp: T,
    });
  });

  it('accepts bare hex without a timestamp header over the body alone (Python SDK form)', () => {
    const headers = { 'X-Canvelete-Signature': MAC_BODY };
    expect(
      verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now: () => 0 }),
    ).toEqual({ scheme: 'hex' });
  });

  it('signs UTF-8 bytes, from a string or from bytes', () => {
    const headers = { 'X-Canvelete-Signature': `t=${T},v1=${UTF8_MAC_T_BODY}` };
    const bytes = new TextEncoder().encode(UTF8_BODY);
    for (const payload of [UTF8_BODY, bytes, Buffer.from(bytes)]) {
      expect(verifyWebhook({ payload, headers, secret: SECRET, now }).data).toEqual({
        name: 'Café ☕',
      });
    }
  });

  it('accepts upper-case hex, several v1 values and unknown keys', () => {
    const headers = {
      'X-Canvelete-Signature': `t=${T}, v0=zz, v1=${'0'.repeat(64)}, v1=${MAC_T_BODY.toUpperCase()}, x=a=b`,
    };
    expect(verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now }).scheme).toBe(
      'v1',
    );
  });

  it('agrees with signWebhook for every scheme', () => {
    expect(signWebhook({ payload: BODY, secret: SECRET, timestamp: T })).toEqual({
      'X-Canvelete-Signature': `t=${T},v1=${MAC_T_BODY}`,
      'X-Canvelete-Timestamp': String(T),
    });
    expect(signWebhook({ payload: BODY, secret: SECRET, scheme: 'sha256' })).toEqual({
      'X-Canvelete-Signature': `sha256=${MAC_BODY}`,
    });
    expect(signWebhook({ payload: BODY, secret: SECRET, timestamp: T, scheme: 'hex' })).toEqual({
      'X-Canvelete-Signature': MAC_T_BODY,
      'X-Canvelete-Timestamp': String(T),
    });
    expect(signWebhook({ payload: BODY, secret: SECRET, now })['X-Canvelete-Timestamp']).toBe(
      String(T),
    );
  });
});

describe('verifyWebhook: headers in every shape', () => {
  const value = `t=${T},v1=${MAC_T_BODY}`;
  it.each([
    ['a Headers object', new Headers({ 'x-canvelete-signature': value })],
    ['a record with odd casing', { 'X-CANVELETE-SIGNATURE': value }],
    ['a record with an array value', { 'x-canvelete-signature': ['garbage', value] }],
    ['a Zapier-style Http- prefixed key', { 'Http-X-Canvelete-Signature': value }],
    ['a CGI-style HTTP_ key', { HTTP_X_CANVELETE_SIGNATURE: value }],
  ])('reads the signature from %s', (_name, headers) => {
    expect(verifyWebhook({ payload: BODY, headers, secret: SECRET, now }).id).toBe('evt_1');
  });

  it('reads a repeated X-Canvelete-Timestamp joined by Headers, but not two different ones', () => {
    const headers = new Headers({ 'X-Canvelete-Signature': MAC_T_BODY });
    headers.append('X-Canvelete-Timestamp', String(T));
    headers.append('X-Canvelete-Timestamp', String(T));
    expect(verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now }).timestamp).toBe(
      T,
    );
    headers.append('X-Canvelete-Timestamp', String(T + 1));
    expect(
      failure(() => verifyWebhookSignature({ payload: BODY, headers, secret: SECRET, now })).details
        .reason,
    ).toBe('MALFORMED_SIGNATURE');
  });

  it('reads repeated headers joined by Headers', () => {
    const headers = new Headers();
    headers.append('X-Canvelete-Signature', `t=${T},v1=${'ab'.repeat(32)}`);
    headers.append('X-Canvelete-Signature', value);
    expect(verifyWebhook({ payload: BODY, headers, secret: SECRET, now }).id).toBe('evt_1');
  });
});

describe('verifyWebhook: rejections', () => {
  const reasonOf = (input: Partial<Parameters<typeof verifyWebhook>[0]>) =>
    failure(() =>
      verifyWebhook({ payload: BODY, headers: v1Header, secret: SECRET, now, ...input }),
    ).details.reason;

  it('rejects a wrong secret', () => {
    expect(reasonOf({ secret: 'whsec_wrong' })).toBe('NO_MATCHING_SIGNATURE');
  });
  it('rejects a tampered body', () => {
    expect(reasonOf({ payload: BODY.replace('r_1', 'r_2') })).toBe('NO_MATCHING_SIGNATURE');
  });
  it('rejects a tampered timestamp', () => {
    const headers = { 'X-Canvelete-Signature': `t=${T + 1},v1=${MAC_T_BODY}` };
    expect(reasonOf({ headers })).toBe('NO_MATCHING_SIGNATURE');
  });
  it('rejects stale and future timestamps beyond the tolerance, in both directions', () => {
    expect(reasonOf({ now: () => (T + 301) * 1000 })).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
    expect(reasonOf({ now: () => (T - 301) * 1000 })).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
    // Exactly at the limit is still accepted, both ways.
    for (const at of [T + 300, T - 300]) {
      const event = verifyWebhook({
        payload: BODY,
        headers: v1Header,
        secret: SECRET,
        now: () => at * 1000,
      });
      expect(event.id).toBe('evt_1');
    }
    expect(reasonOf({ now: () => (T + 31) * 1000, toleranceSeconds: 30 })).toBe(
      'TIMESTAMP_OUT_OF_TOLERANCE',
    );
  });
  it('applies the tolerance to bare hex with X-Canvelete-Timestamp', () => {
    const headers = { 'X-Canvelete-Signature': MAC_T_BODY, 'X-Canvelete-Timestamp': String(T) };
    expect(reasonOf({ headers, now: () => (T + 3600) * 1000 })).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
  });
  it('rejects a missing or empty signature header', () => {
    expect(reasonOf({ headers: {} })).toBe('MISSING_SIGNATURE');
    expect(reasonOf({ headers: { 'X-Canvelete-Signature': '  ' } })).toBe('MISSING_SIGNATURE');
    expect(reasonOf({ headers: new Headers() })).toBe('MISSING_SIGNATURE');
  });
  it.each([
    ['non-hex v1', `t=${T},v1=${'g'.repeat(64)}`],
    ['odd-length hex', `t=${T},v1=${MAC_T_BODY.slice(1)}`],
    ['no known scheme', 'v2=abcd'],
    ['a non-numeric t', `t=soon,v1=${MAC_T_BODY}`],
    ['sha256 with garbage', 'sha256=not-hex'],
  ])('rejects a malformed header: %s', (_name, value) => {
    expect(reasonOf({ headers: { 'X-Canvelete-Signature': value } })).toBe('MALFORMED_SIGNATURE');
  });
  it('rejects a malformed X-Canvelete-Timestamp for bare hex', () => {
    const headers = { 'X-Canvelete-Signature': MAC_T_BODY, 'X-Canvelete-Timestamp': 'yesterday' };
    expect(reasonOf({ headers })).toBe('MALFORMED_SIGNATURE');
  });
  it('rejects v1 without t', () => {
    expect(reasonOf({ headers: { 'X-Canvelete-Signature': `v1=${MAC_T_BODY}` } })).toBe(
      'MISSING_TIMESTAMP',
    );
  });
  it('refuses a parsed object payload and explains the raw-body rule', () => {
    const error = failure(() =>
      verifyWebhook({
        payload: JSON.parse(BODY) as unknown as string,
        headers: v1Header,
        secret: SECRET,
        now,
      }),
    );
    expect(error.code).toBe('WEBHOOK_VERIFICATION_FAILED');
    expect(error.details.reason).toBe('INVALID_PAYLOAD_TYPE');
    expect(error.message).toMatch(/raw request body/);
    expect(error.message).toMatch(/serialising it again changes/);
  });
  it('refuses to verify without a secret', () => {
    expect(reasonOf({ secret: undefined })).toBe('NO_SECRET');
    expect(reasonOf({ secret: '', secrets: [] })).toBe('NO_SECRET');
  });
  it('reports a valid signature over a body that is not JSON as INVALID_JSON', () => {
    const payload = 'not json';
    const headers = signWebhook({ payload, secret: SECRET, timestamp: T });
    expect(reasonOf({ payload, headers })).toBe('INVALID_JSON');
  });
  it('rejects a negative tolerance as a validation error', () => {
    const error = failure(() =>
      verifyWebhook({ payload: BODY, headers: v1Header, secret: SECRET, toleranceSeconds: -1 }),
    );
    expect(error.code).toBe('VALIDATION_ERROR');
  });
  it('never puts the secret or the expected signature in the message', () => {
    const secret = 'whsec_super_secret_value';
    const error = failure(() => verifyWebhook({ payload: BODY, headers: v1Header, secret, now }));
    const expected = signWebhook({ payload: BODY, secret, timestamp: T })['X-Canvelete-Signature'];
    const v1 = expected!.split('v1=')[1]!;
    const text = JSON.stringify(error.toJSON()) + error.message;
    expect(text).not.toContain(secret);
    expect(text).not.toContain(v1);
  });
  it('hints at whitespace around a secret without echoing it', () => {
    const error = failure(() =>
      verifyWebhook({ payload: BODY, headers: v1Header, secret: `${SECRET}x\n`, now }),
    );
    expect(error.message).toMatch(/whitespace/);
  });
});

describe('verifyWebhook: secret rotation', () => {
  it('accepts a signature made with any configured secret', () => {
    const oldHeaders = { 'X-Canvelete-Signature': `t=${T},v1=${OLD_SECRET_MAC_T_BODY}` };
    const secrets = ['whsec_new_secret', 'whsec_old_secret'];
    expect(verifyWebhook({ payload: BODY, headers: oldHeaders, secrets, now }).id).toBe('evt_1');
    expect(verifyWebhook({ payload: BODY, headers: v1Header, secrets: [SECRET], now }).id).toBe(
      'evt_1',
    );
    expect(
      verifyWebhook({ payload: BODY, headers: v1Header, secret: 'x', secrets: [SECRET], now }).id,
    ).toBe('evt_1');
  });
  it('still rejects when no configured secret matches', () => {
    const error = failure(() =>
      verifyWebhook({ payload: BODY, headers: v1Header, secrets: ['a', 'b'], now }),
    );
    expect(error.details.reason).toBe('NO_MATCHING_SIGNATURE');
  });
});

describe('checkWebhookSignature (no throw for a wrong or stale signature)', () => {
  it('accepts the fixed vector and names the form', () => {
    expect(
      checkWebhookSignature({ payload: BODY, headers: v1Header, secret: SECRET, now }),
    ).toEqual({
      ok: true,
      scheme: 'v1',
      timestamp: T,
    });
  });

  it('refuses a wrong signature and a stale one with a reason, without throwing', () => {
    const wrong = checkWebhookSignature({
      payload: BODY,
      headers: v1Header,
      secret: 'whsec_other',
      now,
    });
    expect(wrong).toMatchObject({ ok: false, reason: 'NO_MATCHING_SIGNATURE' });
    const stale = checkWebhookSignature({
      payload: BODY,
      headers: v1Header,
      secret: SECRET,
      now: () => (T + 301) * 1000,
    });
    expect(stale).toMatchObject({ ok: false, reason: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    expect(JSON.stringify([wrong, stale])).not.toContain(SECRET);
  });

  it("still throws for the caller's own mistakes (a parsed body, no secret)", () => {
    expect(() =>
      checkWebhookSignature({ payload: {} as never, headers: v1Header, secret: SECRET }),
    ).toThrow(/raw request body/);
    expect(() => checkWebhookSignature({ payload: BODY, headers: v1Header })).toThrow(
      /No webhook signing secret/,
    );
  });
});
