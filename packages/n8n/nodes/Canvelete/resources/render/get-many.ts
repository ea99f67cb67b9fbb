import type { ItemOperation } from '../../helpers/types';
import { collectPages } from '../../helpers/list';

/** Render → Get Many: render history, newest first. */
export const getMany: ItemOperation = async function (this, { client }, itemIndex) {
	return collectPages(this, itemIndex, (page, limit) => client.renders.list({ page, limit }));
};
