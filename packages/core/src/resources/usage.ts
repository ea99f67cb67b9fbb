import type { HttpClient, RequestOptions } from '../http/request.js';
import { normalizeUsage, type Usage } from '../schemas/usage.js';

/** `/api/v1/usage/stats`. */
export class UsageResource {
  constructor(private readonly http: HttpClient) {}

  async retrieve(options?: RequestOptions): Promise<Usage> {
    return normalizeUsage(
      await this.http.json({ method: 'GET', path: '/api/v1/usage/stats', options }),
    );
  }
}
