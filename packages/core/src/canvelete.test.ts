import { describe, expect, it } from 'vitest';
import { Canvelete, DEFAULT_BASE_URL } from './canvelete.js';
import { CanveleteError } from './errors/index.js';
import type { TransportRequest } from './http/transport.js';

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (CanveleteError.isInstance(error)) return error.details.field;
    throw error;
  }
  return undefined;
}

describe('Canvelete options', () => {
  it('defaults the base URL and strips a trailing slash', () => {
    expect(new Canvelete({ apiKey: 'k' }).baseUrl).toBe(DEFAULT_BASE_URL);
    expect(new Canvelete({ baseUrl: 'http://127.0.0.1:4010///' }).baseUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it('refuses a base URL that is not http(s) and a negative maxRetries', () => {
    expect(fieldOf(() => new Canvelete({ baseUrl: 'ftp://x' }))).toBe('baseUrl');
    expect(fieldOf(() => new Canvelete({ baseUrl: 'not a url' }))).toBe('baseUrl');
    expect(fieldOf(() => new Canvelete({ maxRetries: -1 }))).toBe('maxRetries');
  });

  it('routes every call through the injected transport with absolute URLs', async () => {
    const seen: TransportRequest[] = [];
    const canvelete = new Canvelete({
      apiKey: ' cvt_key ',
      baseUrl: 'https://api.example.test/',
      transport: async (request) => {
        seen.push(request);
        const body = new TextEncoder().encode(
          JSON.stringify({ data: [], pagination: { page: 1, limit: 5, total: 0 } }),
        );
        return { status: 200, headers: { 'content-type': 'application/json' }, body };
      },
    });
    const page = await canvelete.templates.list({ limit: 5 });
    expect(page).toEqual({ items: [], page: 1, limit: 5, total: 0, totalPages: 1, hasMore: false });
    expect(seen[0]).toMatchObject({
      method: 'GET',
      url: 'https://api.example.test/api/automation/templates?limit=5',
      auth: true,
      timeoutMs: 30_000,
    });
    expect(seen[0]?.headers['authorization']).toBe('Bearer cvt_key');
    const all = [];
    for await (const template of canvelete.templates.iterate()) all.push(template);
    expect(all).toEqual([]);
  });
});
