/**
 * The duplicate-delivery window every trigger shares (ARCHITECTURE seam 4): an event id seen among
 * the last 100 ids or within the last 24 hours is a duplicate. The state is plain JSON so each
 * platform can keep it where it keeps state (Zapier z.cache, n8n workflow static data, Pipedream db).
 */
export interface DedupeState {
  /** Oldest first: [eventId, seenAt epoch ms]. */
  seen: Array<[string, number]>;
}

export const DEDUPE_MAX_IDS = 100;
export const DEDUPE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export function emptyDedupeState(): DedupeState {
  return { seen: [] };
}

/**
 * Records `eventId` and says whether it was already seen inside the window. Returns a new state;
 * the input is not modified. Entries older than 24 h and beyond the last 100 are dropped.
 */
export function rememberEvent(
  state: DedupeState | undefined,
  eventId: string,
  now: number,
): { duplicate: boolean; state: DedupeState } {
  const fresh = (state?.seen ?? []).filter(
    (entry): entry is [string, number] =>
      Array.isArray(entry) &&
      typeof entry[0] === 'string' &&
      typeof entry[1] === 'number' &&
      now - entry[1] < DEDUPE_MAX_AGE_MS,
  );
  const duplicate = fresh.some(([id]) => id === eventId);
  const seen = duplicate ? fresh : [...fresh, [eventId, now] as [string, number]];
  return { duplicate, state: { seen: seen.slice(-DEDUPE_MAX_IDS) } };
}
