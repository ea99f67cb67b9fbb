import { validationError } from '../errors/index.js';
import type { HttpClient, RequestOptions } from '../http/request.js';
import { type Design, normalizeDesign } from '../schemas/design.js';
import { normalizePage, type Page } from '../schemas/page.js';
import { iteratePages } from './pagination.js';

export interface DesignListParams {
  page?: number;
  limit?: number;
  search?: string;
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' | (string & {});
  isTemplate?: boolean;
}

export interface DesignCreateParams {
  name: string;
  description?: string;
  width?: number;
  height?: number;
  /** An object, or a JSON string (as Zapier users paste it). */
  canvasData?: Record<string, unknown> | string;
  visibility?: 'PRIVATE' | 'PUBLIC' | 'TEAM' | 'UNLISTED' | (string & {});
  isTemplate?: boolean;
}

export type DesignUpdateParams = Partial<DesignCreateParams> & {
  status?: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' | (string & {});
};

const DESIGNS_PATH = '/api/automation/designs';

export function designPath(id: string): string {
  return `${DESIGNS_PATH}/${encodeURIComponent(id)}`;
}

/**
 * Sends `canvasData` as an object: a JSON string the user pasted is parsed first, so a typo is
 * caught here (naming the field) rather than stored as a string the editor cannot open.
 */
function withCanvasObject<T extends { canvasData?: Record<string, unknown> | string }>(params: T) {
  if (typeof params.canvasData !== 'string') return params;
  if (params.canvasData.trim() === '') return { ...params, canvasData: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(params.canvasData);
  } catch (error) {
    throw validationError(
      'canvasData',
      `is not valid JSON (${(error as Error).message}). Paste the design's canvas JSON object.`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw validationError('canvasData', 'must be a JSON object such as {"elements": []}.');
  }
  return { ...params, canvasData: parsed as Record<string, unknown> };
}

/** `/api/automation/designs`. */
export class DesignsResource {
  constructor(private readonly http: HttpClient) {}

  async list(params: DesignListParams = {}, options?: RequestOptions): Promise<Page<Design>> {
    const body = await this.http.json({
      method: 'GET',
      path: DESIGNS_PATH,
      query: { ...params },
      options,
    });
    return normalizePage(body, normalizeDesign, params);
  }

  iterate(params: DesignListParams = {}, options?: RequestOptions): AsyncIterable<Design> {
    return iteratePages((page) => this.list({ ...params, page }, options), params.page ?? 1);
  }

  async retrieve(id: string, options?: RequestOptions): Promise<Design> {
    return normalizeDesign(await this.http.json({ method: 'GET', path: designPath(id), options }));
  }

  async create(params: DesignCreateParams, options?: RequestOptions): Promise<Design> {
    const body = await this.http.json({
      method: 'POST',
      path: DESIGNS_PATH,
      body: withCanvasObject(params),
      idempotent: true,
      options,
    });
    return normalizeDesign(body);
  }

  async update(id: string, patch: DesignUpdateParams, options?: RequestOptions): Promise<Design> {
    const body = await this.http.json({
      method: 'PATCH',
      path: designPath(id),
      body: withCanvasObject(patch),
      idempotent: true,
      options,
    });
    return normalizeDesign(body);
  }

  async delete(id: string, options?: RequestOptions): Promise<void> {
    await this.http.send({ method: 'DELETE', path: designPath(id), options });
  }
}
