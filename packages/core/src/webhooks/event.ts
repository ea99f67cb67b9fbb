import { createHash } from 'node:crypto';
import { webhookFailure } from './failure.js';
import type { WebhookEvent } from './types.js';

export interface NormalizeWebhookEventOptions {
  /** Epoch ms used as `createdAt` when the body carries no usable time (default `now()`). */
  receivedAt?: number;
  /** Epoch milliseconds, default `Date.now`. */
  now?: () => number;
}

function firstString(record: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return undefined;
}

/** ISO-8601 from an ISO string, unix seconds or epoch milliseconds (numbers or digit strings). */
function toIso(value: unknown): string | undefined {
  let ms: number | undefined;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value;
  else if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) ms = Number(value);
  if (ms !== undefined) {
    // Anything below 10^12 is seconds: 10^12 ms is 2001, 10^12 s is the year 33658.
    const date = new Date(ms < 1e12 ? ms * 1000 : ms);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  if (typeof value === 'string' && value.trim() !== '') {
    const date = new Date(value.trim());
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  return undefined;
}

/**
 * Normalises either published envelope: the docs' `{eventId, eventType, timestamp, data}` and the
 * SDKs' `{id, type, timestamp|createdAt, data}` (the sandbox sends both key sets). A JSON string is
 * parsed first. A body without `data` is kept whole as `data`. A body without an id gets a stable id
 * derived from its content (`sha256:<hex>`), so deduplication still works on redeliveries.
 */
export function normalizeWebhookEvent(
  body: unknown,
  options: NormalizeWebhookEventOptions = {},
): WebhookEvent {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw webhookFailure('INVALID_JSON', 'The webhook body is not JSON.');
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw webhookFailure('INVALID_JSON', 'The webhook body is not a JSON object.');
  }
  const record = value as Record<string, unknown>;
  const type = firstString(record, ['type', 'eventType', 'event']);
  if (type === undefined) {
    throw webhookFailure(
      'INVALID_JSON',
      'The webhook body names no event type ("type" or "eventType").',
    );
  }
  const id =
    firstString(record, ['id', 'eventId']) ??
    `sha256:${createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 32)}`;
  const createdAt =
    toIso(record['createdAt']) ??
    toIso(record['timestamp']) ??
    toIso(record['created_at']) ??
    toIso(record['created']) ??
    new Date(options.receivedAt ?? (options.now ?? Date.now)()).toISOString();
  const data = 'data' in record ? record['data'] : record;
  return { id, type, createdAt, data };
}
