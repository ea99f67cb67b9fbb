import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { designLocator } from '../Canvelete/descriptions/locators';
import { searchDesigns } from '../Canvelete/methods/list-search';
import { receive } from './receive';
import { checkExists, create, remove } from './subscription';

export class CanveleteTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Canvelete Trigger',
		name: 'canveleteTrigger',
		icon: { light: 'file:../../icons/canvelete.svg', dark: 'file:../../icons/canvelete.dark.svg' },
		group: ['trigger'],
		version: [1],
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when Canvelete sends an event, such as a finished render',
		defaults: { name: 'Canvelete Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'canveleteApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					'The trigger registers its URL with Canvelete when the workflow is activated. If your Canvelete account cannot register webhooks automatically, add a webhook in the Canvelete dashboard (Settings → Webhooks) with this node\'s Production URL, and copy its signing secret into the credential field "Webhook Signing Secret".',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Design Created', value: 'design.created' },
					{ name: 'Design Deleted', value: 'design.deleted' },
					{ name: 'Design Updated', value: 'design.updated' },
					{ name: 'Render Completed', value: 'render.completed' },
					{ name: 'Render Failed', value: 'render.failed' },
				],
				default: ['render.completed'],
				description: 'The events that start the workflow',
			},
			designLocator({
				displayName: 'Only for Design',
				required: false,
				description: 'Start only for events about this design (leave empty for all designs)',
			}),
			{
				displayName: 'Only for Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description:
					'Start only for renders started with this reference (set in the Canvelete node options). Useful to stop a "render finished → render again" loop.',
			},
		],
	};

	methods = {
		listSearch: { searchDesigns },
	};

	webhookMethods = {
		default: {
			checkExists: async function (this: IHookFunctions): Promise<boolean> {
				return checkExists.call(this);
			},
			create: async function (this: IHookFunctions): Promise<boolean> {
				return create.call(this);
			},
			delete: async function (this: IHookFunctions): Promise<boolean> {
				return remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return receive.call(this);
	}
}
