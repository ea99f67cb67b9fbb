import { matchesEventFilter } from '@canvelete/core';

/**
 * Timer polling over Canvelete's lists, newest first, with a cursor in `db` and `dedupe: 'unique'`
 * on the item id: each poll reads back to the cursor and emits what it has not emitted, oldest
 * first. The first poll (on deploy) emits only the newest few so a new source is not flooded.
 */
export const FIRST_RUN_LIMIT = 10;
/** Never read more than this per poll. */
const MAX_SCAN = 200;
/** A render still pending after this long no longer holds the cursor back. */
const PENDING_GRACE_MS = 60 * 60 * 1000;

const FINISHED = new Set(['completed', 'failed']);

function emitOldestFirst(source, items, meta) {
  for (const item of [...items].reverse()) source.$emit(item, meta(item));
}

/** Renders that finished since the cursor; the cursor stays at the oldest one still running. */
export async function pollRenders(source, client, filter) {
  const cursor = source.db.get('renderCursor');
  const seen = [];
  for await (const render of client.renders.iterate({ limit: 50 })) {
    if (cursor && render.createdAt && render.createdAt < cursor) break;
    seen.push(render);
    if (seen.length >= MAX_SCAN) break;
  }
  const now = Date.now();
  const running = seen.filter(
    (r) =>
      !FINISHED.has(r.status) && r.createdAt && now - Date.parse(r.createdAt) < PENDING_GRACE_MS,
  );
  let matching = seen.filter(
    (r) =>
      FINISHED.has(r.status) &&
      matchesEventFilter({ id: r.id, type: `render.${r.status}`, data: r }, filter),
  );
  if (!cursor) matching = matching.slice(0, FIRST_RUN_LIMIT);
  emitOldestFirst(source, matching, (render) => ({
    id: render.id,
    summary: `Render ${render.id} ${render.status}`,
    ts: Date.parse(render.completedAt ?? render.createdAt ?? '') || now,
  }));
  const times = (running.length ? running : seen)
    .map((r) => r.createdAt)
    .filter(Boolean)
    .sort();
  const next = running.length ? times[0] : times.at(-1);
  if (next) source.db.set('renderCursor', next);
  return matching.length;
}

/** Designs created since the cursor (the list is sorted by last update, newest first). */
export async function pollDesigns(source, client, params) {
  const cursor = source.db.get('designCursor');
  const fresh = [];
  let scanned = 0;
  for await (const design of client.designs.iterate({ ...params, limit: 50 })) {
    if (cursor && design.updatedAt && design.updatedAt < cursor) break;
    if (!cursor || !design.createdAt || design.createdAt >= cursor) fresh.push(design);
    if (++scanned >= MAX_SCAN) break;
  }
  fresh.sort((a, b) => String(b.createdAt ?? '').localeCompare(String(a.createdAt ?? '')));
  const emitted = cursor ? fresh : fresh.slice(0, FIRST_RUN_LIMIT);
  emitOldestFirst(source, emitted, (design) => ({
    id: design.id,
    summary: `New design: ${design.name}`,
    ts: Date.parse(design.createdAt ?? '') || Date.now(),
  }));
  const newest = fresh
    .map((d) => d.createdAt)
    .filter(Boolean)
    .sort()
    .at(-1);
  if (newest && (!cursor || newest > cursor)) source.db.set('designCursor', newest);
  return emitted.length;
}
