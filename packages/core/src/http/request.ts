import { randomUUID } from 'node:crypto';
import { ADVICE, CanveleteError } from '../errors/index.js';
import { VERSION } from '../version.js';
import { errorFromResponse, redactSecrets, tryParseJson } from './error-response.js';
import {
  backoffDelay,
  isRetryableStatus,
  parseRateLimit,
  type RateLimitState,
  type RetryPolicy,
  serverRequestedDelay,
} from './retry-timing.js';
import type { Sleep } from './sleep.js';
import type { HttpMethod, Transport, TransportResponse } from './transport.js';

/** Per-call options every resource method accepts. */
export interface RequestOptions {
  signal?: AbortSignal;
  /** Epoch ms after which the call gives up with TIMEOUT (retries and waits included). */
  deadline?: number;
  /** Wins over the key the core generates for retryable POSTs. */
  idempotencyKey?: string;
  /** Per attempt; defaults to the client's `timeoutMs`. */
  timeoutMs?: number;
}

export interface HttpClientConfig {
  apiKey?: string;
  /** Values never to show in an error (the API key, and secrets the platform holds for us). */
  redact: readonly string[];
  baseUrl: string;
  transport: Transport;
  sleep: Sleep;
  now: () => number;
  random: () => number;
  timeoutMs: number;
  retry: RetryPolicy;
  userAgent?: string;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface HttpRequest {
  method: HttpMethod;
  /** A path under the base URL (`/api/…`) or an absolute URL. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Serialised as JSON. */
  body?: unknown;
  /** Generate an Idempotency-Key (so the POST/PATCH may be retried). */
  idempotent?: boolean;
  /** Defaults to true; false sends no credentials. */
  auth?: boolean;
  responseType?: 'json' | 'bytes';
  options?: RequestOptions;
}

/** Observed throttling, for callers that schedule many requests (renderMany). */
export interface ThrottleState {
  /** Epoch ms before which a 429 asked us not to send; 0 when not throttled. */
  pausedUntil: number;
  /** How many 429 answers this client has seen. */
  throttledCount: number;
}

/** The one request path every resource uses: auth, retries, timeouts, idempotency, errors. */
export class HttpClient {
  readonly config: HttpClientConfig;
  rateLimit: RateLimitState | undefined;
  readonly throttle: ThrottleState = { pausedUntil: 0, throttledCount: 0 };

  constructor(config: HttpClientConfig) {
    this.config = config;
  }

  get userAgent(): string {
    const suffix = this.config.userAgent?.trim();
    return `canvelete-core/${VERSION}${suffix ? ` ${suffix}` : ''}`;
  }

  buildUrl(path: string, query?: Record<string, QueryValue>): URL {
    const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(this.config.baseUrl + path);
    for (const [name, value] of Object.entries(query ?? {})) {
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(name, String(value));
      }
    }
    return url;
  }

  /** Sends with retries; returns a 2xx response or throws a CanveleteError. */
  async send(request: HttpRequest): Promise<TransportResponse> {
    const { config } = this;
    const options = request.options ?? {};
    const url = this.buildUrl(request.path, request.query);
    const auth = request.auth !== false;
    const headers: Record<string, string> = {
      accept: request.responseType === 'bytes' ? '*/*' : 'application/json',
      'user-agent': this.userAgent,
    };
    if (auth && config.apiKey) headers['authorization'] = `Bearer ${config.apiKey}`;
    let body: string | undefined;
    if (request.body !== undefined) {
      body = JSON.stringify(request.body);
      headers['content-type'] = 'application/json';
    }
    const idempotencyKey =
      options.idempotencyKey ?? (request.idempotent ? `cvt-core-${randomUUID()}` : undefined);
    if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
    const mayRetry =
      request.method === 'GET' ||
      request.method === 'PUT' ||
      request.method === 'DELETE' ||
      idempotencyKey !== undefined;
    const where = { method: request.method, path: url.pathname };

    for (let attempt = 0; ; attempt++) {
      const now = config.now();
      if (options.deadline !== undefined && now >= options.deadline) {
        throw deadlineError(where, attempt);
      }
      const remaining = options.deadline === undefined ? Infinity : options.deadline - now;
      const timeoutMs = Math.min(options.timeoutMs ?? config.timeoutMs, remaining);
      let response: TransportResponse;
      try {
        response = await config.transport({
          method: request.method,
          url: url.toString(),
          headers: { ...headers },
          body,
          auth,
          timeoutMs,
          signal: options.signal,
          responseType: request.responseType ?? 'json',
        });
      } catch (cause) {
        const error = this.failureError(cause, options.signal, where, timeoutMs);
        if (!error.retryable || !mayRetry || attempt >= config.retry.maxRetries) throw error;
        await this.pause(backoffDelay(attempt, config.retry, config.random), options, error, where);
        continue;
      }
      this.observe(response);
      if (response.status < 400) return response;
      const error = errorFromResponse(response, {
        apiKey: config.redact,
        now: config.now(),
        ...where,
      });
      if (!isRetryableStatus(response.status) || !mayRetry || attempt >= config.retry.maxRetries) {
        throw error;
      }
      const asked = serverRequestedDelay(response.headers, config.now());
      if (asked !== undefined && asked > config.retry.maxDelayMs) {
        // Longer than we are willing to block: hand the wait to the caller (retryAfterSeconds).
        throw error;
      }
      await this.pause(
        asked ?? backoffDelay(attempt, config.retry, config.random),
        options,
        error,
        where,
      );
    }
  }

  /** Sends and parses a JSON answer; a 2xx body that is not JSON is INVALID_RESPONSE. */
  async json(request: HttpRequest): Promise<unknown> {
    const response = await this.send(request);
    if (response.status === 204 || response.body.length === 0) return undefined;
    const parsed = tryParseJson(response.body);
    if (parsed === undefined) {
      throw invalidResponse(`${request.method} ${request.path} did not answer with JSON`);
    }
    return parsed;
  }

  private observe(response: TransportResponse): void {
    const now = this.config.now();
    const rateLimit = parseRateLimit(response.headers, now);
    if (rateLimit) this.rateLimit = rateLimit;
    if (response.status === 429) this.throttle.throttledCount++;
    // Only a refusal pauses everyone; an exhausted allowance is paced by the caller (renderMany),
    // since a token bucket's reset ("full again") is much later than its next token.
    const asked = serverRequestedDelay(response.headers, now);
    if (asked !== undefined && response.status === 429) {
      this.throttle.pausedUntil = Math.max(this.throttle.pausedUntil, now + asked);
    }
  }

  /** Waits before a retry, but never past the deadline: then the call ends with TIMEOUT now. */
  private async pause(
    delayMs: number,
    options: RequestOptions,
    lastError: CanveleteError,
    where: { method: string; path: string },
  ): Promise<void> {
    const now = this.config.now();
    if (options.deadline !== undefined && now + delayMs >= options.deadline) {
      throw new CanveleteError({
        code: 'TIMEOUT',
        message: `${ADVICE.TIMEOUT} The deadline leaves no time to retry after: ${lastError.message}`,
        status: lastError.status,
        requestId: lastError.requestId,
        retryAfterSeconds: lastError.retryAfterSeconds,
        details: { ...lastError.details, reason: 'DEADLINE', lastCode: lastError.code },
        cause: lastError,
      });
    }
    try {
      await this.config.sleep(delayMs, options.signal);
    } catch (cause) {
      throw abortedError(where, cause);
    }
  }

  private failureError(
    cause: unknown,
    signal: AbortSignal | undefined,
    where: { method: string; path: string },
    timeoutMs: number,
  ): CanveleteError {
    if (signal?.aborted) return abortedError(where, cause);
    const name = cause instanceof Error ? cause.name : '';
    const raw = cause instanceof Error ? cause.message : String(cause);
    const detail = redactSecrets(raw, this.config.redact);
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new CanveleteError({
        code: 'TIMEOUT',
        message: `${ADVICE.TIMEOUT} (${where.method} ${where.path}: no answer within ${Math.round(timeoutMs)} ms)`,
        details: { reason: 'REQUEST_TIMEOUT' },
        cause,
      });
    }
    return new CanveleteError({
      code: 'NETWORK_ERROR',
      message: `${ADVICE.NETWORK_ERROR} (${where.method} ${where.path}: ${detail})`,
      cause,
    });
  }
}

function abortedError(where: { method: string; path: string }, cause: unknown): CanveleteError {
  return new CanveleteError({
    code: 'TIMEOUT',
    message: `The request was cancelled by the caller (${where.method} ${where.path}).`,
    retryable: false,
    details: { reason: 'ABORTED' },
    cause,
  });
}

function deadlineError(where: { method: string; path: string }, attempt: number): CanveleteError {
  return new CanveleteError({
    code: 'TIMEOUT',
    message: `${ADVICE.TIMEOUT} (${where.method} ${where.path}: the deadline passed${attempt > 0 ? ` after ${attempt} attempt(s)` : ' before the request was sent'})`,
    details: { reason: 'DEADLINE' },
  });
}

export function invalidResponse(problem: string, details: Record<string, unknown> = {}) {
  return new CanveleteError({
    code: 'INVALID_RESPONSE',
    message: `${ADVICE.INVALID_RESPONSE} (${problem})`,
    details,
  });
}
