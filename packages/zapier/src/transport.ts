import type { Transport, TransportRequest, TransportResponse } from '@canvelete/core';
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';

/** Request options z.request honours at run time that its type definitions leave out. */
interface ZapierRequestOptions extends HttpRequestOptions {
  url: string;
  signal?: AbortSignal;
  /** false: no requestTemplate merge and no `{{curly}}` check on our (user-authored) bodies. */
  merge: boolean;
  throwForThrottlingEarly: boolean;
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'x-api-key']);

function requestHeaders(request: TransportRequest): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    // An unauthenticated request (a CDN download) carries no key, whatever the caller put in.
    if (!request.auth && CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = value;
  }
  return headers;
}

function plainHeaders(headers: { forEach(fn: (value: string, name: string) => void): void }) {
  const result: Record<string, string> = {};
  headers.forEach((value, name) => {
    result[name.toLowerCase()] = value;
  });
  return result;
}

/**
 * The core's transport on `z.request`, so every Canvelete call shows in Zapier's logs (with the key
 * scrubbed). Statuses never throw here: the core reads 4xx/5xx itself, 429 included
 * (`throwForThrottlingEarly: false` keeps Zapier's own 429 middleware out of the way; in core
 * 19.1.0 `true` is what makes it throw, despite the schema text). Binary answers go `raw` so their
 * bytes are not decoded as text.
 */
export function zapierTransport(z: ZObject): Transport {
  return async (request: TransportRequest): Promise<TransportResponse> => {
    const raw = request.responseType === 'bytes';
    const options: ZapierRequestOptions = {
      url: request.url,
      method: request.method,
      headers: requestHeaders(request),
      body:
        request.body === undefined
          ? undefined
          : typeof request.body === 'string'
            ? request.body
            : Buffer.from(request.body),
      raw,
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
      merge: false,
      removeMissingValuesFrom: { params: false, body: false },
      timeout: request.timeoutMs,
      signal: request.signal,
    };
    if (raw) {
      const response = await z.request({ ...options, raw: true });
      const bytes = await response.buffer();
      return { status: response.status, headers: plainHeaders(response.headers), body: bytes };
    }
    const response = await z.request(options);
    return {
      status: response.status,
      headers: plainHeaders(response.headers),
      body: Buffer.from(response.content ?? '', 'utf8'),
    };
  };
}
