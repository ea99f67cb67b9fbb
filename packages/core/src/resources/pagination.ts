import type { Page } from '../schemas/page.js';

/**
 * Walks every page from `startPage`: stops on an empty page, when the server says there is no
 * more (`page >= totalPages` / `hasMore: false`), or when a server ignoring `page` repeats itself.
 */
export async function* iteratePages<T extends { id?: string }>(
  fetchPage: (page: number) => Promise<Page<T>>,
  startPage = 1,
): AsyncGenerator<T, void, undefined> {
  let pageNumber = startPage;
  let previousFirstId: string | undefined;
  for (;;) {
    const page = await fetchPage(pageNumber);
    if (page.items.length === 0) return;
    const firstId = page.items[0]?.id;
    if (firstId !== undefined && firstId === previousFirstId) return;
    previousFirstId = firstId;
    yield* page.items;
    if (!page.hasMore || page.page >= page.totalPages) return;
    pageNumber = page.page + 1;
  }
}
