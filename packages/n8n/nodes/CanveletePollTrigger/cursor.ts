import type { DedupeState, Page } from '@canvelete/core';
import { rememberEvent } from '@canvelete/core';
import type { IDataObject } from 'n8n-workflow';

/** The poll cursor in workflow static data: a time floor plus the ids already emitted. */
export interface PollState extends IDataObject {
	/** ISO time; records created before it are never emitted. */
	since?: string;
	seen?: IDataObject;
}

export interface Record {
	id: string;
	createdAt?: string;
}

const MAX_PAGES = 5;
const PAGE_SIZE = 100;

const time = (value: string | undefined) => {
	const parsed = value ? Date.parse(value) : Number.NaN;
	return Number.isFinite(parsed) ? parsed : undefined;
};

/** Reads pages (newest first) until a whole page is older than `since`, or MAX_PAGES. */
export async function scan<T extends Record>(
	since: number,
	fetchPage: (page: number, limit: number) => Promise<Page<T>>,
): Promise<T[]> {
	const found: T[] = [];
	for (let page = 1; page <= MAX_PAGES; page++) {
		const current = await fetchPage(page, PAGE_SIZE);
		found.push(...current.items);
		const allOlder = current.items.every((item) => (time(item.createdAt) ?? since) < since);
		if (!current.hasMore || current.items.length === 0 || allOlder) break;
	}
	return found;
}

/**
 * Picks what to emit: `ready` records created at or after the floor and never emitted before,
 * oldest first. The floor then moves to the oldest record still in progress (it may finish later),
 * or else to the newest record seen, so nothing is emitted twice and nothing in progress is lost.
 */
export function advance<T extends Record>(
	state: PollState,
	records: T[],
	isReady: (record: T) => boolean,
	now: number,
): T[] {
	const since = time(state.since) ?? now;
	let seen = state.seen as unknown as DedupeState | undefined;
	const emitted: T[] = [];
	const inRange = records.filter((record) => (time(record.createdAt) ?? now) >= since);
	const sorted = [...inRange].sort((a, b) => (time(a.createdAt) ?? now) - (time(b.createdAt) ?? now));
	for (const record of sorted) {
		if (!isReady(record)) continue;
		const remembered = rememberEvent(seen, record.id, now);
		seen = remembered.state;
		if (!remembered.duplicate) emitted.push(record);
	}
	const pending = sorted.filter((record) => !isReady(record));
	const floor = pending.length > 0 ? pending[0] : sorted.at(-1);
	const next = floor ? (time(floor.createdAt) ?? since) : since;
	state.since = new Date(Math.max(since, next)).toISOString();
	state.seen = seen as unknown as IDataObject;
	return emitted;
}
