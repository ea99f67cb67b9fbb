export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** What the core asks a transport to send. */
export interface TransportRequest {
  method: HttpMethod;
  /** Absolute URL. */
  url: string;
  /** Includes `Authorization` only when `auth` is true and the core knows an API key. */
  headers: Record<string, string>;
  /** JSON already serialised. */
  body?: string | Uint8Array;
  /** `false`: the transport must send no credentials at all (CDN downloads on another origin). */
  auth: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** A hint only; the body always comes back as bytes. */
  responseType?: 'json' | 'bytes';
}

/** What a transport hands back. Every HTTP status is a response, never a throw. */
export interface TransportResponse {
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Uint8Array;
}

/**
 * The only way the core performs HTTP. It throws only for a network failure or a timeout / abort;
 * adapters pass the platform's own client so calls show up in the platform's logs.
 */
export type Transport = (request: TransportRequest) => Promise<TransportResponse>;

export interface FetchTransportOptions {
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
}

/** The default transport, on the runtime's `fetch`. */
export function createFetchTransport(options: FetchTransportOptions = {}): Transport {
  return async (request) => {
    const fetchImpl = options.fetch ?? fetch;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      // Defence in depth: whatever the caller put in, an unauthenticated request carries no key.
      if (!request.auth && isCredentialHeader(name)) continue;
      headers[name] = value;
    }
    const response = await fetchImpl(request.url, {
      method: request.method,
      headers,
      body: request.body,
      signal: combineSignals(request.signal, request.timeoutMs),
      redirect: 'follow',
      credentials: request.auth ? 'same-origin' : 'omit',
    });
    const body = new Uint8Array(await response.arrayBuffer());
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    return { status: response.status, headers: responseHeaders, body };
  };
}

function isCredentialHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'authorization' || lower === 'cookie' || lower === 'x-api-key';
}

/** One signal for "the caller gave up" and "this attempt took too long". */
export function combineSignals(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): AbortSignal | undefined {
  const signals: AbortSignal[] = [];
  if (signal) signals.push(signal);
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) {
    signals.push(AbortSignal.timeout(Math.max(1, Math.ceil(timeoutMs))));
  }
  if (signals.length <= 1) return signals[0];
  return AbortSignal.any(signals);
}
