import * as v from 'valibot';
import { invalidResponse } from '../http/request.js';
import { isRecord, OptionalNumber, parseOrThrow } from './common.js';

/** One page of a page-numbered list. */
export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total?: number;
  totalPages: number;
  hasMore: boolean;
}

/** Pagination fields, wherever the server puts them (`pagination`, `meta` or top level). */
export const PaginationSchema = v.looseObject({
  page: OptionalNumber,
  limit: OptionalNumber,
  perPage: OptionalNumber,
  pageSize: OptionalNumber,
  total: OptionalNumber,
  totalPages: OptionalNumber,
  pages: OptionalNumber,
  hasMore: v.nullish(v.boolean()),
});

const LIST_KEYS = [
  'items',
  'data',
  'results',
  'designs',
  'templates',
  'renders',
  'jobs',
  'webhooks',
];

function findItems(body: Record<string, unknown>): unknown[] | undefined {
  for (const key of LIST_KEYS) {
    const value = body[key];
    if (Array.isArray(value)) return value;
  }
  return undefined;
}

/**
 * Normalises a list answer: a bare array, `{data: [...], pagination}`, `{success, data: {items}}`
 * or `{designs: [...]}`-style bodies. A missing `totalPages` is derived from `total` and `limit`,
 * else taken as 1.
 */
export function normalizePage<T>(
  body: unknown,
  normalizeItem: (item: unknown) => T,
  requested: { page?: number; limit?: number } = {},
): Page<T> {
  let rawItems: unknown[] | undefined;
  let pagination: Record<string, unknown> = {};
  if (Array.isArray(body)) {
    rawItems = body;
  } else if (isRecord(body)) {
    rawItems = findItems(body);
    const inner = body['data'];
    if (rawItems === undefined && isRecord(inner)) {
      rawItems = findItems(inner);
      pagination = { ...inner, ...(isRecord(inner['pagination']) ? inner['pagination'] : {}) };
    }
    const outer = isRecord(body['pagination'])
      ? body['pagination']
      : isRecord(body['meta'])
        ? body['meta']
        : body;
    pagination = { ...pagination, ...outer };
  }
  if (rawItems === undefined) {
    throw invalidResponse('the list in the answer has no items array');
  }
  const fields = parseOrThrow(PaginationSchema, pagination, 'pagination');
  const items = rawItems.map(normalizeItem);
  const page = fields.page ?? requested.page ?? 1;
  const limit =
    fields.limit ?? fields.perPage ?? fields.pageSize ?? requested.limit ?? items.length;
  const total = fields.total ?? undefined;
  const derived = total !== undefined && limit > 0 ? Math.max(1, Math.ceil(total / limit)) : 1;
  // An explicit `hasMore: true` without a page count means at least one more page.
  const totalPages =
    fields.totalPages ?? fields.pages ?? (fields.hasMore ? Math.max(derived, page + 1) : derived);
  const hasMore = fields.hasMore ?? page < totalPages;
  const result: Page<T> = { items, page, limit, totalPages, hasMore };
  if (total !== undefined) result.total = total;
  return result;
}
