import { validationError } from '../errors/index.js';
import type { SignWebhookInput } from './types.js';
import { computeWebhookMac } from './verify.js';

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The headers Canvelete would send for `payload` (for tests, the sandbox and local replays):
 * `v1` → `X-Canvelete-Signature: t=<unix>,v1=<hex>` plus `X-Canvelete-Timestamp`;
 * `sha256` → `X-Canvelete-Signature: sha256=<hex>`; `hex` → bare hex plus `X-Canvelete-Timestamp`.
 */
export function signWebhook(input: SignWebhookInput): Record<string, string> {
  const { payload, secret, scheme = 'v1' } = input;
  if (typeof payload !== 'string' && !(payload instanceof Uint8Array)) {
    throw validationError('payload', 'must be the exact body to send, as a string or bytes.');
  }
  if (typeof secret !== 'string' || secret === '') {
    throw validationError('secret', 'must be a non-empty signing secret.');
  }
  if (scheme === 'sha256') {
    return { 'X-Canvelete-Signature': `sha256=${toHex(computeWebhookMac(secret, payload))}` };
  }
  if (scheme !== 'v1' && scheme !== 'hex') {
    throw validationError('scheme', 'must be "v1", "sha256" or "hex".');
  }
  const timestamp = input.timestamp ?? Math.floor((input.now ?? Date.now)() / 1000);
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw validationError('timestamp', 'must be whole unix seconds, 0 or more.');
  }
  const t = String(timestamp);
  const hex = toHex(computeWebhookMac(secret, payload, t));
  return {
    'X-Canvelete-Signature': scheme === 'v1' ? `t=${t},v1=${hex}` : hex,
    'X-Canvelete-Timestamp': t,
  };
}
