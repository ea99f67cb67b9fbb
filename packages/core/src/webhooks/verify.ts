import { createHmac, timingSafeEqual } from 'node:crypto';
import { validationError } from '../errors/index.js';
import { normalizeWebhookEvent } from './event.js';
import { webhookFailure } from './failure.js';
import { headerValues } from './headers.js';
import { parseSignatureHeaders, type SignatureCandidate } from './signature-header.js';
import type {
  VerifiedSignature,
  VerifyWebhookInput,
  VerifyWebhookSignatureInput,
  WebhookEvent,
} from './types.js';

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;
const SIGNATURE_HEADER = 'X-Canvelete-Signature';
const TIMESTAMP_HEADER = 'X-Canvelete-Timestamp';

/** HMAC-SHA256 over `<t>.<body>` (when a timestamp is signed) or the body alone. */
export function computeWebhookMac(
  secret: string,
  payload: string | Uint8Array,
  signedTimestamp?: string,
): Uint8Array {
  const hmac = createHmac('sha256', secret);
  if (signedTimestamp !== undefined) hmac.update(`${signedTimestamp}.`, 'utf8');
  if (typeof payload === 'string') hmac.update(payload, 'utf8');
  else hmac.update(payload);
  return hmac.digest();
}

export function assertRawPayload(payload: unknown): asserts payload is string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return;
  const got = payload === null ? 'null' : Array.isArray(payload) ? 'an array' : typeof payload;
  throw webhookFailure(
    'INVALID_PAYLOAD_TYPE',
    `Webhook verification needs the raw request body as a string or bytes (Uint8Array/Buffer), exactly as received; got ${got}. ` +
      'A parsed JSON body cannot be verified: serialising it again changes whitespace, key order or escaping, so the bytes no longer match the signature. ' +
      'Pass the unparsed body (Zapier: bundle.rawRequest.content, n8n: the request rawBody, Pipedream: event.bodyRaw).',
  );
}

function collectSecrets(input: VerifyWebhookSignatureInput): string[] {
  const all = [input.secret, ...(Array.isArray(input.secrets) ? input.secrets : [])];
  const secrets = all.filter((s): s is string => typeof s === 'string' && s !== '');
  if (secrets.length === 0) {
    throw webhookFailure(
      'NO_SECRET',
      'No webhook signing secret is configured, so the request cannot be verified (and is refused).',
    );
  }
  return secrets;
}

function toleranceOf(input: VerifyWebhookSignatureInput): number {
  const tolerance = input.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (typeof tolerance !== 'number' || Number.isNaN(tolerance) || tolerance < 0) {
    throw validationError('toleranceSeconds', 'must be a number of seconds, 0 or more.');
  }
  return tolerance;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  // The MAC length is public (32 bytes), so checking it first leaks nothing.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The outcome of a signature check that did not throw. */
export type WebhookSignatureCheck =
  | ({ ok: true } & VerifiedSignature)
  | {
      ok: false;
      reason: 'NO_MATCHING_SIGNATURE' | 'TIMESTAMP_OUT_OF_TOLERANCE';
      message: string;
      details?: Record<string, unknown>;
    };

/**
 * Checks the signature of a Canvelete webhook without throwing for a wrong or stale signature, so
 * a receiver can answer 401 directly, and a refusal costs the same as an acceptance (no error is
 * built). Still throws for what is the caller's mistake: no secret, a parsed body, or unreadable
 * signature headers.
 *
 * Forms accepted: `t=<unix>,v1=<hex>` over `<t>.<body>` (any of several v1 values);
 * `sha256=<hex>` over the body; bare hex over `<t>.<body>` with `X-Canvelete-Timestamp`, or over the
 * body without it. Only the forms that sign a timestamp get the tolerance (replay) check; the other
 * two cannot be protected against replays, so deduplicate on the event id.
 */
export function checkWebhookSignature(input: VerifyWebhookSignatureInput): WebhookSignatureCheck {
  assertRawPayload(input.payload);
  const secrets = collectSecrets(input);
  const tolerance = toleranceOf(input);
  const candidates = parseSignatureHeaders(
    headerValues(input.headers, SIGNATURE_HEADER),
    headerValues(input.headers, TIMESTAMP_HEADER),
  );

  const expectedCache = new Map<string, Uint8Array>();
  const expected = (secretIndex: number, signedTimestamp?: string): Uint8Array => {
    const cacheKey = `${secretIndex}:${signedTimestamp ?? ''}`;
    let mac = expectedCache.get(cacheKey);
    if (mac === undefined) {
      mac = computeWebhookMac(secrets[secretIndex]!, input.payload, signedTimestamp);
      expectedCache.set(cacheKey, mac);
    }
    return mac;
  };
  const matches: SignatureCandidate[] = candidates.filter((candidate) =>
    secrets.some((_, i) => sameBytes(candidate.mac, expected(i, candidate.signedTimestamp))),
  );

  if (matches.length === 0) {
    const hint = secrets.some((s) => s !== s.trim())
      ? ' A configured secret starts or ends with whitespace (often a stray newline); remove it.'
      : '';
    return {
      ok: false,
      reason: 'NO_MATCHING_SIGNATURE',
      message: `No webhook signature matched the body with the configured secret${secrets.length > 1 ? 's' : ''}.${hint}`,
    };
  }

  const nowSeconds = Math.floor((input.now ?? Date.now)() / 1000);
  for (const match of matches) {
    if (match.signedTimestamp === undefined) return { ok: true, scheme: match.scheme };
    const timestamp = Number(match.signedTimestamp);
    if (Math.abs(nowSeconds - timestamp) <= tolerance) {
      return { ok: true, scheme: match.scheme, timestamp };
    }
  }
  const timestamp = Number(matches[0]!.signedTimestamp);
  return {
    ok: false,
    reason: 'TIMESTAMP_OUT_OF_TOLERANCE',
    message: `The webhook was signed ${Math.abs(nowSeconds - timestamp)} s ${timestamp < nowSeconds ? 'ago' : 'in the future'}, more than the ${tolerance} s allowed: a replay, or a clock that is off.`,
    details: { timestamp, now: nowSeconds, toleranceSeconds: tolerance },
  };
}

/**
 * Checks the signature of a Canvelete webhook and returns which form matched. Throws a
 * `CanveleteError` (code WEBHOOK_VERIFICATION_FAILED, `details.reason`) otherwise.
 */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): VerifiedSignature {
  const check = checkWebhookSignature(input);
  if (check.ok) {
    return check.timestamp === undefined
      ? { scheme: check.scheme }
      : { scheme: check.scheme, timestamp: check.timestamp };
  }
  throw webhookFailure(check.reason, check.message, check.details);
}

function decodeBody(payload: string | Uint8Array): string {
  if (typeof payload === 'string') return payload.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    throw webhookFailure('INVALID_JSON', 'The webhook body is not valid UTF-8 text.');
  }
}

/**
 * Verifies a Canvelete webhook, then parses and normalises its body. Verify before parsing: nothing
 * in an unverified body is trusted.
 */
export function verifyWebhook(input: VerifyWebhookInput): WebhookEvent {
  const verified = verifyWebhookSignature(input);
  const text = decodeBody(input.payload);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw webhookFailure(
      'INVALID_JSON',
      'The webhook signature is valid but the body is not JSON.',
    );
  }
  const receivedAt =
    verified.timestamp !== undefined ? verified.timestamp * 1000 : (input.now ?? Date.now)();
  return normalizeWebhookEvent(body, { receivedAt });
}
