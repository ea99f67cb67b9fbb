import type { HttpClient, RequestOptions } from '../http/request.js';
import { normalizeTemplate, type Template } from '../schemas/design.js';
import { normalizePage, type Page } from '../schemas/page.js';
import { designPath } from './designs.js';
import { iteratePages } from './pagination.js';

export interface TemplateListParams {
  page?: number;
  limit?: number;
  search?: string;
  category?: string;
}

/** `/api/automation/templates`; a single template is read through the designs route. */
export class TemplatesResource {
  constructor(private readonly http: HttpClient) {}

  async list(params: TemplateListParams = {}, options?: RequestOptions): Promise<Page<Template>> {
    const body = await this.http.json({
      method: 'GET',
      path: '/api/automation/templates',
      query: { ...params },
      options,
    });
    return normalizePage(body, normalizeTemplate, params);
  }

  iterate(params: TemplateListParams = {}, options?: RequestOptions): AsyncIterable<Template> {
    return iteratePages((page) => this.list({ ...params, page }, options), params.page ?? 1);
  }

  async retrieve(id: string, options?: RequestOptions): Promise<Template> {
    return normalizeTemplate(
      await this.http.json({ method: 'GET', path: designPath(id), options }),
    );
  }
}
