import type { ItemOperation } from '../../helpers/types';
import {
	itemIdempotencyKey,
	prepareRender,
	renderOptions,
	waitDeadline,
} from '../../helpers/render-input';
import { outputSettings, renderItem } from '../../helpers/render-output';

/** Render → Render with "Poll until done": start the render, wait within Max Wait, output it. */
export const render: ItemOperation = async function (this, { client, fieldCache }, itemIndex) {
	const { input, warnings } = await prepareRender(this, client, fieldCache, itemIndex);
	const result = await client.renders.create(input, {
		deadline: waitDeadline(renderOptions(this, itemIndex)),
		idempotencyKey: itemIdempotencyKey(this, itemIndex),
	});
	return [
		await renderItem(this.helpers, client, outputSettings(this, itemIndex), result, {
			warnings,
			itemIndex,
		}),
	];
};
