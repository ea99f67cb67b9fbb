import type { Design, Page } from '@canvelete/core';
import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { canveleteClient } from '../../shared/client';
import { toNodeError } from '../../shared/errors';

const PAGE_SIZE = 50;

function toResult(page: Page<Design>): INodeListSearchResult {
	return {
		results: page.items.map((design) => ({
			name: design.name || design.id,
			value: design.id,
			...(design.editUrl ? { url: design.editUrl } : {}),
		})),
		paginationToken: page.hasMore ? String(page.page + 1) : undefined,
	};
}

async function search(
	context: ILoadOptionsFunctions,
	kind: 'design' | 'template',
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const page = Math.max(1, Number(paginationToken) || 1);
	const params = { page, limit: PAGE_SIZE, ...(filter?.trim() ? { search: filter.trim() } : {}) };
	try {
		const { client } = await canveleteClient(context);
		return toResult(
			kind === 'design' ? await client.designs.list(params) : await client.templates.list(params),
		);
	} catch (error) {
		throw toNodeError(context.getNode(), error);
	}
}

/** The design picker: search by name, one page of 50 at a time. */
export async function searchDesigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return search(this, 'design', filter, paginationToken);
}

/** The template picker: search by name, one page of 50 at a time. */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return search(this, 'template', filter, paginationToken);
}
