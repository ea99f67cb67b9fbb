import type { WebhookHeaders } from './types.js';

/**
 * Folds a header name to one comparable form: lower case, `_` as `-`, and without the `http-`
 * prefix some runners add (Zapier's legacy runner hands over `Http-X-Canvelete-Signature`, CGI-style
 * environments `HTTP_X_CANVELETE_SIGNATURE`).
 */
function foldName(name: string): string {
  const folded = name.trim().toLowerCase().replace(/_/g, '-');
  return folded.startsWith('http-') ? folded.slice('http-'.length) : folded;
}

/**
 * Every value of one header, in the order received. A `Headers` object joins repeated headers with
 * ", ", so its single value may hold several; a record may hold an array (Node's IncomingMessage
 * style) or the same header under differently cased keys.
 */
export function headerValues(headers: WebhookHeaders, name: string): string[] {
  const wanted = foldName(name);
  const found: string[] = [];
  if (typeof Headers !== 'undefined' && headers instanceof Headers) {
    for (const [key, value] of headers) if (foldName(key) === wanted) found.push(value);
    return found;
  }
  if (typeof headers !== 'object' || headers === null) return found;
  for (const [key, value] of Object.entries(headers)) {
    if (foldName(key) !== wanted) continue;
    const values: unknown[] = Array.isArray(value) ? value : [value];
    for (const one of values) if (typeof one === 'string') found.push(one);
  }
  return found;
}
