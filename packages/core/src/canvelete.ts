import { validationError } from './errors/index.js';
import { HttpClient } from './http/request.js';
import { DEFAULT_RETRY_POLICY, type RateLimitState } from './http/retry-timing.js';
import { defaultSleep, type Sleep } from './http/sleep.js';
import { createFetchTransport, type Transport } from './http/transport.js';
import { type RenderManyOptions, type RenderManyResult, renderMany } from './render-many.js';
import { DesignsResource } from './resources/designs.js';
import { RendersResource } from './resources/renders.js';
import { TemplatesResource } from './resources/templates.js';
import { UsageResource } from './resources/usage.js';
import { WebhooksResource } from './resources/webhooks.js';
import type { RenderInput } from './validation/render-input.js';

export interface CanveleteOptions {
  /** `cvt_…`. Optional when the transport authenticates by itself (n8n credentials). */
  apiKey?: string;
  /**
   * Secrets to keep out of every error message besides `apiKey`, for platforms whose transport
   * adds the credential itself (n8n) or that hold a webhook signing secret.
   */
  redact?: string[];
  /** Default `https://api.canvelete.com`; a trailing slash is ignored. */
  baseUrl?: string;
  /** Default: `createFetchTransport()` on the global `fetch`. */
  transport?: Transport;
  sleep?: Sleep;
  /** Epoch ms; default `Date.now`. */
  now?: () => number;
  /** For jitter; default `Math.random`. */
  random?: () => number;
  /** Per request attempt; default 30 000. */
  timeoutMs?: number;
  /** Default 3. */
  maxRetries?: number;
  /** Default 500 / 30 000 ms. */
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Appended to `canvelete-core/<VERSION>`, e.g. `canvelete-zapier/1.2.3`. */
  userAgent?: string;
}

export const DEFAULT_BASE_URL = 'https://api.canvelete.com';

/**
 * The Canvelete API client.
 *
 * @example
 * const canvelete = new Canvelete({ apiKey: 'cvt_…' });
 * const render = await canvelete.renders.create({ designId: 'd_1', dynamicData: { name: 'Ada' } });
 */
export class Canvelete {
  readonly designs: DesignsResource;
  readonly templates: TemplatesResource;
  readonly renders: RendersResource;
  readonly webhooks: WebhooksResource;
  readonly usage: UsageResource;
  readonly #http: HttpClient;

  constructor(options: CanveleteOptions = {}) {
    const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
    try {
      const parsed = new URL(baseUrl);
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('protocol');
    } catch {
      throw validationError('baseUrl', 'must be an http(s) URL such as https://api.canvelete.com');
    }
    const maxRetries = options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries;
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      throw validationError('maxRetries', 'must be a whole number, 0 or more');
    }
    const apiKey = options.apiKey?.trim() || undefined;
    this.#http = new HttpClient({
      apiKey,
      redact: [apiKey, ...(options.redact ?? [])].filter((value): value is string =>
        Boolean(value),
      ),
      baseUrl,
      transport: options.transport ?? createFetchTransport(),
      sleep: options.sleep ?? defaultSleep,
      now: options.now ?? Date.now,
      random: options.random ?? Math.random,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: {
        maxRetries,
        baseDelayMs: options.retry?.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
        maxDelayMs: options.retry?.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
      },
      userAgent: options.userAgent,
    });
    this.designs = new DesignsResource(this.#http);
    this.templates = new TemplatesResource(this.#http);
    this.renders = new RendersResource(this.#http);
    this.webhooks = new WebhooksResource(this.#http);
    this.usage = new UsageResource(this.#http);
  }

  /** Rate-limit state from the last response that carried `X-RateLimit-*` headers. */
  get rateLimit(): RateLimitState | undefined {
    return this.#http.rateLimit;
  }

  /** The base URL requests go to (no trailing slash). */
  get baseUrl(): string {
    return this.#http.config.baseUrl;
  }

  /**
   * Renders many inputs; one result per input, in input order. A bad item never fails the batch.
   */
  renderMany(items: RenderInput[], options?: RenderManyOptions): Promise<RenderManyResult[]> {
    return renderMany(this.#http, this.renders, items, options);
  }
}
