import type { Canvelete, RenderedFile, RenderInput, Render } from '@canvelete/core';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { errorJson, toNodeError } from '../../../shared/errors';
import {
	type FieldCache,
	itemIdempotencyKey,
	prepareRender,
	renderOptions,
	waitDeadline,
} from '../../helpers/render-input';
import { outputSettings, renderItem } from '../../helpers/render-output';

/**
 * Render → Render Many: every input item rendered through the core's renderMany (bounded
 * concurrency that adapts to Canvelete's rate-limit headers; near Max Wait it starts nothing new and
 * reports the rest as TIMEOUT). One output item per input item, failures included when the node
 * continues on fail.
 */
export async function renderMany(
	this: IExecuteFunctions,
	client: Canvelete,
	fieldCache: FieldCache,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output: Array<INodeExecutionData | undefined> = new Array(items.length);
	const inputs: RenderInput[] = [];
	const inputIndexes: number[] = [];
	const warningsByItem = new Map<number, string[]>();

	const fail = (error: unknown, itemIndex: number) => {
		const nodeError = toNodeError(this.getNode(), error, itemIndex);
		if (!this.continueOnFail()) throw nodeError;
		output[itemIndex] = { json: errorJson(nodeError), pairedItem: { item: itemIndex } };
	};

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { input, warnings } = await prepareRender(this, client, fieldCache, itemIndex);
			inputs.push(input);
			inputIndexes.push(itemIndex);
			warningsByItem.set(itemIndex, warnings);
		} catch (error) {
			fail(error, itemIndex);
		}
	}

	const options = renderOptions(this, 0);
	const settings = outputSettings(this, 0);
	const results = await client.renderMany(inputs, {
		concurrency: options.concurrency ?? 4,
		deadline: waitDeadline(options),
		mode: settings.mode === 'binary' ? 'file' : 'record',
		// Keyed by the input item, so "Retry On Fail" replays finished renders instead of billing again.
		idempotencyKey: (index) => itemIdempotencyKey(this, inputIndexes[index] as number),
	});

	for (const result of results) {
		const itemIndex = inputIndexes[result.index] as number;
		try {
			if (!result.ok) throw result.error;
			const itemSettings = outputSettings(this, itemIndex);
			const warnings = warningsByItem.get(itemIndex);
			if ('bytes' in result.value) {
				const file = result.value as RenderedFile;
				const record: Render = {
					id: file.renderId ?? `item-${itemIndex}`,
					status: 'completed',
					...(file.format ? { format: file.format } : {}),
				};
				output[itemIndex] = await renderItem(this.helpers, client, itemSettings, record, {
					file,
					warnings,
					itemIndex,
				});
			} else {
				output[itemIndex] = await renderItem(this.helpers, client, itemSettings, result.value, {
					warnings,
					itemIndex,
				});
			}
		} catch (error) {
			fail(error, itemIndex);
		}
	}
	return output.filter((item): item is INodeExecutionData => item !== undefined);
}
