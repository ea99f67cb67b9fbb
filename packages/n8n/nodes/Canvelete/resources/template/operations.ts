import type { IDataObject } from 'n8n-workflow';
import { collectPages } from '../../helpers/list';
import type { ItemOperation } from '../../helpers/types';

/** Template → Get. */
export const getTemplate: ItemOperation = async function (this, { client }, itemIndex) {
	const id = String(this.getNodeParameter('template', itemIndex, '', { extractValue: true }));
	const template = await client.templates.retrieve(id);
	return [{ json: template as unknown as IDataObject, pairedItem: { item: itemIndex } }];
};

/** Template → Get Many, with Return All / Limit and optional filters. */
export const getManyTemplates: ItemOperation = async function (this, { client }, itemIndex) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		search?: string;
		category?: string;
	};
	return collectPages(this, itemIndex, (page, limit) =>
		client.templates.list({
			page,
			limit,
			...(filters.search ? { search: filters.search } : {}),
			...(filters.category ? { category: filters.category } : {}),
		}),
	);
};
