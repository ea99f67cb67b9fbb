import { NodeOperationError } from 'n8n-workflow';
import type { ItemOperation } from '../../helpers/types';
import { outputSettings, renderItem } from '../../helpers/render-output';

/** Render → Get: the render record, and its file when the output asks for one. */
export const get: ItemOperation = async function (this, { client }, itemIndex) {
	const renderId = String(this.getNodeParameter('renderId', itemIndex, '')).trim();
	if (!renderId) {
		throw new NodeOperationError(this.getNode(), 'Enter a render ID', {
			itemIndex,
			description: 'Render IDs come back from Render as "id", e.g. rnd_1a2b3c.',
		});
	}
	const found = await client.renders.retrieve(renderId);
	const settings = outputSettings(this, itemIndex);
	if (settings.mode !== 'json' && found.status !== 'completed') {
		// Nothing to download yet: give the record so the workflow can check again later.
		return [{ json: { ...found }, pairedItem: { item: itemIndex } }];
	}
	return [await renderItem(this.helpers, client, settings, found, { itemIndex })];
};
