import { webhookFailure } from './failure.js';
import type { WebhookSignatureScheme } from './types.js';

/** One signature the sender claims, decoded, with the exact timestamp text it covers (if any). */
export interface SignatureCandidate {
  scheme: WebhookSignatureScheme;
  mac: Uint8Array;
  /** The timestamp exactly as sent: the signed content is `<this>.<body>`. */
  signedTimestamp?: string;
}

const UNIX_SECONDS = /^\d{1,15}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

function decodeHex(text: string): Uint8Array | undefined {
  if (!HEX.test(text)) return undefined;
  const bytes = new Uint8Array(text.length / 2);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** The one timestamp among repeated values; several different ones make the header ambiguous. */
function singleTimestamp(values: string[], where: string): string | undefined {
  // A Headers object joins a repeated header with ", ", so split before comparing.
  const parts = values.flatMap((v) => v.split(',')).map((v) => v.trim());
  const distinct = [...new Set(parts.filter((v) => v !== ''))];
  if (distinct.length === 0) return undefined;
  const [only] = distinct;
  if (distinct.length > 1 || only === undefined || !UNIX_SECONDS.test(only)) {
    throw webhookFailure(
      'MALFORMED_SIGNATURE',
      `The webhook ${where} is not a single unix timestamp in seconds.`,
    );
  }
  return only;
}

interface ParsedValue {
  timestamps: string[];
  v1: string[];
  sha256: string[];
  bare: string[];
}

/** Splits `t=1,v1=ab,v1=cd` style lists. Each pair splits at its first `=`; unknown keys are ignored. */
function parseValue(value: string): ParsedValue {
  const parsed: ParsedValue = { timestamps: [], v1: [], sha256: [], bare: [] };
  for (const rawItem of value.split(',')) {
    const item = rawItem.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq === -1) {
      parsed.bare.push(item);
      continue;
    }
    const key = item.slice(0, eq).trim().toLowerCase();
    const text = item.slice(eq + 1).trim();
    if (key === 't') parsed.timestamps.push(text);
    else if (key === 'v1') parsed.v1.push(text);
    else if (key === 'sha256') parsed.sha256.push(text);
  }
  return parsed;
}

/**
 * Turns the `X-Canvelete-Signature` values (and `X-Canvelete-Timestamp`, used only by the bare-hex
 * form) into decoded candidates. Throws MISSING_SIGNATURE, MALFORMED_SIGNATURE or MISSING_TIMESTAMP.
 */
export function parseSignatureHeaders(
  signatureValues: string[],
  timestampHeaderValues: string[],
): SignatureCandidate[] {
  const values = signatureValues.map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) {
    throw webhookFailure(
      'MISSING_SIGNATURE',
      'The request has no X-Canvelete-Signature header, so it cannot be shown to come from Canvelete.',
    );
  }
  const candidates: SignatureCandidate[] = [];
  let malformed = 0;
  let v1WithoutTimestamp = false;
  const add = (scheme: WebhookSignatureScheme, hex: string, signedTimestamp?: string) => {
    const mac = decodeHex(hex);
    if (mac === undefined) malformed++;
    else candidates.push({ scheme, mac, signedTimestamp });
  };

  for (const value of values) {
    const parsed = parseValue(value);
    const t = singleTimestamp(parsed.timestamps, 'signature\'s "t=" value');
    if (parsed.v1.length > 0 && t === undefined) v1WithoutTimestamp = true;
    if (t !== undefined) for (const hex of parsed.v1) add('v1', hex, t);
    for (const hex of parsed.sha256) add('sha256', hex);
    if (parsed.bare.length > 0) {
      // Python SDK form: bare hex over "<t>.<body>" when X-Canvelete-Timestamp is sent, else the body.
      const headerT = singleTimestamp(timestampHeaderValues, 'X-Canvelete-Timestamp header');
      for (const hex of parsed.bare) add('hex', hex, headerT);
    }
  }

  if (candidates.length > 0) return candidates;
  if (v1WithoutTimestamp && malformed === 0) {
    throw webhookFailure(
      'MISSING_TIMESTAMP',
      'The X-Canvelete-Signature header has "v1=" but no "t=" timestamp.',
    );
  }
  throw webhookFailure(
    'MALFORMED_SIGNATURE',
    malformed > 0
      ? 'The X-Canvelete-Signature header holds a signature that is not hexadecimal.'
      : 'The X-Canvelete-Signature header is in none of the known forms ("t=<unix>,v1=<hex>", "sha256=<hex>" or bare hex).',
  );
}
