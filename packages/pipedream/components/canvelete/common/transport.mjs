import { axios } from '@pipedream/platform';

/**
 * The core's transport on Pipedream's own `axios($, …)`, so every Canvelete call shows up in the
 * step's logs (ARCHITECTURE seam 1). It never throws on an HTTP status (full response, every
 * status accepted, body as bytes); it throws only for a network failure ("TimeoutError" /
 * "AbortError" names for timeouts and cancels, as the core expects); it honours the request's
 * signal and timeout; and with `auth: false` it sends no credentials at all.
 */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'x-api-key']);

function requestHeaders(request) {
  const headers = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (!request.auth && CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    headers[name] = value;
  }
  return headers;
}

function responseHeaders(headers) {
  const plain = typeof headers?.toJSON === 'function' ? headers.toJSON() : (headers ?? {});
  /** @type {Record<string, string>} */
  const result = {};
  for (const [name, value] of Object.entries(plain)) {
    if (value === undefined || value === null) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

function combinedSignal(signal, timeoutMs) {
  const timeout = timeoutMs ? AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs))) : undefined;
  const signals = [signal, timeout].filter(Boolean);
  return {
    timeout,
    signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
  };
}

// A clean error: the axios error carries the request config (and so the API key) — never rethrow it.
function networkError(error, request, timeout) {
  const where = `${request.method} ${new URL(request.url).pathname}`;
  const failure = new Error(`${where}: ${error?.code ?? 'network error'}`);
  if (timeout?.aborted || error?.code === 'ECONNABORTED' || error?.code === 'ETIMEDOUT') {
    failure.name = 'TimeoutError';
    failure.message = `${where}: no answer in time`;
  } else if (request.signal?.aborted || error?.code === 'ERR_CANCELED') {
    failure.name = 'AbortError';
    failure.message = `${where}: cancelled`;
  }
  return failure;
}

export function pipedreamTransport($) {
  return async (request) => {
    // Query parameters go through `params`: @pipedream/platform re-parses a query left in the URL
    // and would turn an encoded "+" or "&" in a search text into something else.
    const url = new URL(request.url);
    const params = new URLSearchParams(url.search);
    url.search = '';
    const { signal, timeout } = combinedSignal(request.signal, request.timeoutMs);
    let response;
    try {
      response = await axios($, {
        method: request.method,
        url: url.toString(),
        params: [...params.keys()].length ? params : undefined,
        headers: requestHeaders(request),
        data:
          request.body instanceof Uint8Array
            ? Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength)
            : request.body,
        responseType: 'arraybuffer',
        transformResponse: [(data) => data],
        validateStatus: () => true,
        returnFullResponse: true,
        signal,
        maxRedirects: 5,
      });
    } catch (error) {
      throw networkError(error, request, timeout);
    }
    const data = response.data ?? new Uint8Array();
    return {
      status: response.status,
      headers: responseHeaders(response.headers),
      body: new Uint8Array(
        data.buffer ?? data,
        data.byteOffset ?? 0,
        data.byteLength ?? data.length,
      ),
    };
  };
}
