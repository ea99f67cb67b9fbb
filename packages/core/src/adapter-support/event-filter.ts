import type { WebhookEventLike } from './types.js';

/** What a trigger can filter on. Empty or missing criteria match everything. */
export interface EventFilter {
  /** e.g. ['render.completed'] or ['render.completed', 'render.failed']. */
  events?: string[];
  designId?: string;
  /** Exact match on the render's correlation `reference`. */
  reference?: string;
}

function field(data: unknown, key: string): unknown {
  return typeof data === 'object' && data !== null
    ? (data as Record<string, unknown>)[key]
    : undefined;
}

/** True when the event passes the trigger's filter (event type, design and reference). */
export function matchesEventFilter(event: WebhookEventLike, filter: EventFilter): boolean {
  if (filter.events && filter.events.length > 0 && !filter.events.includes(event.type))
    return false;
  if (filter.designId) {
    const designId = field(event.data, 'designId') ?? field(event.data, 'templateId');
    if (designId !== filter.designId) return false;
  }
  if (filter.reference && field(event.data, 'reference') !== filter.reference) return false;
  return true;
}
