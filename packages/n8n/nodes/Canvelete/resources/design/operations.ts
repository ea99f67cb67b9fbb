import type { DesignCreateParams } from '@canvelete/core';
import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';
import { collectPages } from '../../helpers/list';
import type { ItemOperation } from '../../helpers/types';

/** Design → Get. */
export const getDesign: ItemOperation = async function (this, { client }, itemIndex) {
	const id = String(this.getNodeParameter('design', itemIndex, '', { extractValue: true }));
	const design = await client.designs.retrieve(id);
	return [{ json: design as unknown as IDataObject, pairedItem: { item: itemIndex } }];
};

/** Design → Get Many, with Return All / Limit and optional filters. */
export const getManyDesigns: ItemOperation = async function (this, { client }, itemIndex) {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as {
		search?: string;
		isTemplate?: boolean;
	};
	return collectPages(this, itemIndex, (page, limit) =>
		client.designs.list({
			page,
			limit,
			...(filters.search ? { search: filters.search } : {}),
			...(filters.isTemplate ? { isTemplate: true } : {}),
		}),
	);
};

/** Design → Create. */
export const createDesign: ItemOperation = async function (this, { client }, itemIndex) {
	const name = String(this.getNodeParameter('name', itemIndex, ''));
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const params: DesignCreateParams = { name };
	if (typeof extra.description === 'string' && extra.description) params.description = extra.description;
	if (typeof extra.width === 'number') params.width = extra.width;
	if (typeof extra.height === 'number') params.height = extra.height;
	if (typeof extra.isTemplate === 'boolean') params.isTemplate = extra.isTemplate;
	if (extra.canvasData !== undefined && extra.canvasData !== '') {
		params.canvasData =
			typeof extra.canvasData === 'string'
				? jsonParse<Record<string, unknown>>(extra.canvasData, { fallbackValue: {} })
				: (extra.canvasData as Record<string, unknown>);
	}
	const design = await client.designs.create(params, {});
	return [{ json: design as unknown as IDataObject, pairedItem: { item: itemIndex } }];
};
