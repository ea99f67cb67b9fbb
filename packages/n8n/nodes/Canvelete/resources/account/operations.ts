import type { IDataObject } from 'n8n-workflow';
import type { ItemOperation } from '../../helpers/types';

/** Account → Get Usage. */
export const getUsage: ItemOperation = async function (this, { client }, itemIndex) {
	const usage = await client.usage.retrieve();
	return [{ json: usage as unknown as IDataObject, pairedItem: { item: itemIndex } }];
};
