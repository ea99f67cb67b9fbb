import type { Page } from '@canvelete/core';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

const PAGE_SIZE = 100;

/**
 * "Return All" / "Limit" over a page-numbered Canvelete list: pages are fetched until the limit
 * is reached or the list ends.
 */
export async function collectPages<T extends object>(
	context: IExecuteFunctions,
	itemIndex: number,
	fetchPage: (page: number, limit: number) => Promise<Page<T>>,
): Promise<INodeExecutionData[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Number.POSITIVE_INFINITY : (context.getNodeParameter('limit', itemIndex, 50) as number);
	// One page size for every page: page numbers only line up when the size stays the same.
	const pageSize = Math.min(PAGE_SIZE, limit);
	const results: T[] = [];
	for (let page = 1; results.length < limit; page++) {
		const current = await fetchPage(page, pageSize);
		results.push(...current.items.slice(0, limit - results.length));
		if (!current.hasMore || current.items.length === 0) break;
	}
	return results.map((entry) => ({
		json: entry as unknown as IDataObject,
		pairedItem: { item: itemIndex },
	}));
}
