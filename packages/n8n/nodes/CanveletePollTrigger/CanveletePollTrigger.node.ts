import type { Render } from '@canvelete/core';
import { matchesEventFilter } from '@canvelete/core';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { designLocator } from '../Canvelete/descriptions/locators';
import { searchDesigns } from '../Canvelete/methods/list-search';
import { canveleteClient } from '../shared/client';
import { toNodeError } from '../shared/errors';
import { advance, type PollState, scan } from './cursor';

const isFinished = (render: Render) => render.status === 'completed' || render.status === 'failed';

export class CanveletePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Canvelete Polling Trigger',
		name: 'canveletePollTrigger',
		icon: { light: 'file:../../icons/canvelete.svg', dark: 'file:../../icons/canvelete.dark.svg' },
		group: ['trigger'],
		version: [1],
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts the workflow when a render finishes or a design is created, by checking Canvelete on a schedule',
		defaults: { name: 'Canvelete Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'canveleteApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: [
					{
						name: 'New Design',
						value: 'newDesign',
						description: 'A design was created',
					},
					{
						name: 'New Render',
						value: 'newRender',
						description: 'A render completed or failed',
					},
				],
				default: 'newRender',
			},
			designLocator({
				displayName: 'Only for Design',
				required: false,
				displayOptions: { show: { event: ['newRender'] } },
				description: 'Only renders of this design (leave empty for all designs)',
			}),
			{
				displayName: 'Only for Reference',
				name: 'reference',
				type: 'string',
				default: '',
				displayOptions: { show: { event: ['newRender'] } },
				description: 'Only renders started with this reference',
			},
		],
	};

	methods = {
		listSearch: { searchDesigns },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 'newRender') as string;
		const state = this.getWorkflowStaticData('node') as PollState;
		const manual = this.getMode() === 'manual';
		const now = Date.now();
		const firstPoll = state.since === undefined;
		try {
			const { client } = await canveleteClient(this);
			let found: IDataObject[];
			if (event === 'newDesign') {
				const designs = await scan(firstPoll ? now : Date.parse(state.since as string), (page, limit) =>
					client.designs.list({ page, limit }),
				);
				if (manual) return designs.length > 0 ? [[{ json: designs[0] as unknown as IDataObject }]] : null;
				found = advance(state, designs, () => true, now) as unknown as IDataObject[];
			} else {
				const designId = String(this.getNodeParameter('design', '', { extractValue: true }) ?? '').trim();
				const reference = String(this.getNodeParameter('reference', '') ?? '').trim();
				const filter = { ...(designId ? { designId } : {}), ...(reference ? { reference } : {}) };
				const matches = (render: Render) =>
					matchesEventFilter({ id: render.id, type: `render.${render.status}`, data: render }, filter);
				const renders = (
					await scan(firstPoll ? now : Date.parse(state.since as string), (page, limit) =>
						client.renders.list({ page, limit }),
					)
				).filter(matches);
				if (manual) {
					const sample = renders.find(isFinished);
					return sample ? [[{ json: sample as unknown as IDataObject }]] : null;
				}
				found = advance(state, renders, isFinished, now) as unknown as IDataObject[];
			}
			if (firstPoll) return null;
			return found.length > 0 ? [found.map((json) => ({ json }))] : null;
		} catch (error) {
			throw toNodeError(this.getNode(), error);
		}
	}
}
