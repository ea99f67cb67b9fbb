import type { EmittedEvent } from './types.ts';

/**
 * The dedupe strategies of api.mdx "Dedupe Strategies":
 * - `unique`: a cache of the last 100 emitted ids, first in first out; an id in the cache is dropped.
 * - `greatest`: only ids larger than the largest seen (numeric) are emitted.
 * - `last`: only events after the one matching the last emitted id; when none match, all are emitted.
 * Dedupe needs an `id` in the emit metadata; without one the event is emitted as is.
 * Events of one execution are ordered oldest to newest when every event carries `ts` (api.mdx
 * `$emit`: "events will automatically be ordered and emitted from oldest to newest").
 */
export type DedupeStrategy = 'unique' | 'greatest' | 'last' | undefined;

export const UNIQUE_CACHE_SIZE = 100;

export interface DedupeState {
  unique: Array<string | number>;
  greatest?: number;
  last?: string | number;
}

export function emptyDedupe(): DedupeState {
  return { unique: [] };
}

/** Applies the strategy to one execution's emits; returns what is emitted and updates `state`. */
export function applyDedupe(
  strategy: DedupeStrategy,
  state: DedupeState,
  emits: EmittedEvent[],
): { emitted: EmittedEvent[]; dropped: EmittedEvent[] } {
  const ordered = emits.every((e) => typeof e.meta.ts === 'number')
    ? [...emits].sort((a, b) => (a.meta.ts as number) - (b.meta.ts as number))
    : [...emits];
  const emitted: EmittedEvent[] = [];
  const dropped: EmittedEvent[] = [];
  if (strategy === 'last') {
    const ids = ordered.map((e) => e.meta.id);
    const index = state.last === undefined ? -1 : ids.lastIndexOf(state.last);
    for (const [i, e] of ordered.entries()) (i > index ? emitted : dropped).push(e);
    const newest = emitted.at(-1);
    if (newest?.meta.id !== undefined) state.last = newest.meta.id;
    return { emitted, dropped };
  }
  for (const e of ordered) {
    const id = e.meta.id;
    if (strategy === undefined || id === undefined) {
      emitted.push(e);
    } else if (strategy === 'unique') {
      if (state.unique.includes(id)) {
        dropped.push(e);
        continue;
      }
      state.unique.push(id);
      if (state.unique.length > UNIQUE_CACHE_SIZE) state.unique.shift();
      emitted.push(e);
    } else if (strategy === 'greatest') {
      const numeric = Number(id);
      if (state.greatest !== undefined && !(numeric > state.greatest)) {
        dropped.push(e);
        continue;
      }
      state.greatest = numeric;
      emitted.push(e);
    }
  }
  return { emitted, dropped };
}
