export {
  DEDUPE_MAX_AGE_MS,
  DEDUPE_MAX_IDS,
  type DedupeState,
  emptyDedupeState,
  rememberEvent,
} from './dedupe-window.js';
export { type EventFilter, matchesEventFilter } from './event-filter.js';
export { idempotencyKeyFor } from './idempotency-key.js';
