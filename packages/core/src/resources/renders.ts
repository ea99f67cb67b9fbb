import { ADVICE, CanveleteError, validationError } from '../errors/index.js';
import { redactSecrets, tryParseJson } from '../http/error-response.js';
import type { HttpClient, RequestOptions } from '../http/request.js';
import { normalizePage, type Page } from '../schemas/page.js';
import { type Batch, normalizeBatch, normalizeRender, type Render } from '../schemas/render.js';
import {
  type RenderInput,
  renderRequestBody,
  validateCallbackUrl,
  validateRenderInput,
} from '../validation/render-input.js';
import { iteratePages } from './pagination.js';
import { pollUntil, type WaitOptions } from './poll.js';
import {
  type DownloadOptions,
  downloadFile,
  missingUrlError,
  type RenderedFile,
  toRenderedFile,
} from './render-files.js';

export interface BatchParams {
  items: RenderInput[];
  callbackUrl?: string;
}

export interface RenderListParams {
  page?: number;
  limit?: number;
}

export type CreateRenderOptions = RequestOptions & Pick<WaitOptions, 'pollIntervalMs'>;

const RENDER_PATH = '/api/v1/render';

/** Renders: async records (`create`, `wait`), synchronous files (`render`), batches, history. */
export class RendersResource {
  constructor(private readonly http: HttpClient) {}

  /** Starts an async render and waits until it is completed (or throws RENDER_FAILED / TIMEOUT). */
  async create(input: RenderInput, options: CreateRenderOptions = {}): Promise<Render> {
    const started = await this.createAsync(input, options);
    if (started.status === 'completed') return started;
    if (started.status === 'failed') throw renderFailed(started, this.http.config.redact);
    return this.wait(started.id, {
      deadline: options.deadline,
      signal: options.signal,
      pollIntervalMs: options.pollIntervalMs,
    });
  }

  /** Starts an async render (`POST /api/v1/render/async`); returns it pending or processing. */
  async createAsync(input: RenderInput, options?: RequestOptions): Promise<Render> {
    const valid = validateRenderInput(input);
    const body = await this.http.json({
      method: 'POST',
      path: `${RENDER_PATH}/async`,
      body: { ...renderRequestBody(valid), async: true },
      idempotent: true,
      options,
    });
    return normalizeRender(body);
  }

  async retrieve(id: string, options?: RequestOptions): Promise<Render> {
    const body = await this.http.json({
      method: 'GET',
      path: `${RENDER_PATH}/status/${encodeURIComponent(id)}`,
      options,
    });
    return normalizeRender(body);
  }

  /** Polls until the render completes; keeps waiting through 429 and 5xx answers. */
  async wait(id: string, options: WaitOptions = {}): Promise<Render> {
    const secrets = this.http.config.redact;
    return pollUntil(
      this.http,
      (deadline) => this.retrieve(id, { deadline, signal: options.signal }),
      (render) => {
        if (render.status === 'failed') throw renderFailed(render, secrets);
        return render.status === 'completed' ? render : undefined;
      },
      {
        ...options,
        defaultIntervalMs: 2_000,
        describe: (last) => `render ${id}${last ? ` (last status: ${last.status})` : ''}`,
      },
    );
  }

  /** Renders synchronously (`POST /api/v1/render`) and returns the file's bytes. */
  async render(input: RenderInput, options: RequestOptions = {}): Promise<RenderedFile> {
    const valid = validateRenderInput(input);
    const response = await this.http.send({
      method: 'POST',
      path: RENDER_PATH,
      body: renderRequestBody(valid),
      idempotent: true,
      responseType: 'bytes',
      options,
    });
    const contentType = response.headers['content-type'] ?? '';
    if (!/json/i.test(contentType)) {
      return toRenderedFile(response, {
        format: valid.format === 'jpeg' ? 'jpg' : valid.format,
      });
    }
    // The documented render routes answer with a record and a URL instead of bytes.
    let render = normalizeRender(tryParseJson(response.body));
    if (render.status === 'failed') throw renderFailed(render, this.http.config.redact);
    if (render.status !== 'completed') {
      render = await this.wait(render.id, { deadline: options.deadline, signal: options.signal });
    }
    if (!render.url) throw missingUrlError(render);
    return this.download(render, { signal: options.signal, deadline: options.deadline });
  }

  /** Starts several renders at once (`POST /api/v1/render/batch`). */
  async batch(params: BatchParams, options?: RequestOptions): Promise<Batch> {
    if (!Array.isArray(params.items) || params.items.length === 0) {
      throw validationError('items', 'give at least one render');
    }
    const renders = params.items.map((item, index) =>
      renderRequestBody(validateRenderInput(item, `items[${index}].`)),
    );
    validateCallbackUrl(params.callbackUrl);
    const body = await this.http.json({
      method: 'POST',
      path: `${RENDER_PATH}/batch`,
      body: { renders, webhook: params.callbackUrl },
      idempotent: true,
      options,
    });
    return normalizeBatch(body);
  }

  async retrieveBatch(id: string, options?: RequestOptions): Promise<Batch> {
    const body = await this.http.json({
      method: 'GET',
      path: `${RENDER_PATH}/batch/${encodeURIComponent(id)}/status`,
      options,
    });
    return normalizeBatch(body, id);
  }

  /** Polls until every render in the batch has finished (completed or failed). */
  async waitForBatch(id: string, options: WaitOptions = {}): Promise<Batch> {
    return pollUntil(
      this.http,
      (deadline) => this.retrieveBatch(id, { deadline, signal: options.signal }),
      (batch) => (batch.completed ? batch : undefined),
      { ...options, defaultIntervalMs: 5_000, describe: () => `batch ${id}` },
    );
  }

  /** Render history (`GET /api/v1/render/history`). */
  async list(params: RenderListParams = {}, options?: RequestOptions): Promise<Page<Render>> {
    const body = await this.http.json({
      method: 'GET',
      path: `${RENDER_PATH}/history`,
      query: { ...params },
      options,
    });
    return normalizePage(body, normalizeRender, params);
  }

  iterate(params: RenderListParams = {}, options?: RequestOptions): AsyncIterable<Render> {
    return iteratePages((page) => this.list({ ...params, page }, options), params.page ?? 1);
  }

  /** Downloads the file; no credentials go to an origin other than the API's. */
  download(renderOrUrl: Render | string, options?: DownloadOptions): Promise<RenderedFile> {
    return downloadFile(this.http, renderOrUrl, options);
  }
}

function renderFailed(render: Render, secrets: readonly string[]): CanveleteError {
  const serverError = render.error ? redactSecrets(render.error, secrets).slice(0, 300) : undefined;
  return new CanveleteError({
    code: 'RENDER_FAILED',
    message: `${serverError ? `Canvelete said: "${serverError}". ` : ''}${ADVICE.RENDER_FAILED} (render ${render.id})`,
    details: { renderId: render.id, serverError },
  });
}
