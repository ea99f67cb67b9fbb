import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { canveleteClient } from '../shared/client';
import { errorJson, toNodeError } from '../shared/errors';
import type { FieldCache } from './helpers/render-input';
import type { ItemOperation, OperationContext } from './helpers/types';
import { searchDesigns, searchTemplates } from './methods/list-search';
import { getFields } from './methods/resource-mapping';
import { accountOperations } from './resources/account/description';
import { getUsage } from './resources/account/operations';
import { designFields, designOperations } from './resources/design/description';
import { createDesign, getDesign, getManyDesigns } from './resources/design/operations';
import { RESUME_WEBHOOKS, resumeOnCallback, startAndPause } from './resources/render/callback';
import { renderFields, renderOperations } from './resources/render/description';
import { get as getRender } from './resources/render/get';
import { getMany as getManyRenders } from './resources/render/get-many';
import { render } from './resources/render/render';
import { renderMany } from './resources/render/render-many';
import { templateFields, templateOperations } from './resources/template/description';
import { getManyTemplates, getTemplate } from './resources/template/operations';

const ITEM_OPERATIONS: Record<string, ItemOperation> = {
	'render.render': render,
	'render.get': getRender,
	'render.getAll': getManyRenders,
	'design.get': getDesign,
	'design.getAll': getManyDesigns,
	'design.create': createDesign,
	'template.get': getTemplate,
	'template.getAll': getManyTemplates,
	'account.getUsage': getUsage,
};

export class Canvelete implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Canvelete',
		name: 'canvelete',
		icon: { light: 'file:../../icons/canvelete.svg', dark: 'file:../../icons/canvelete.dark.svg' },
		group: ['transform'],
		version: [1],
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Render Canvelete designs and templates to images and PDFs, and manage designs',
		defaults: { name: 'Canvelete' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'canveleteApi', required: true }],
		webhooks: RESUME_WEBHOOKS,
		waitingNodeTooltip:
			'Waiting for Canvelete to report that the render finished (or for Max Wait to pass)',
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Account', value: 'account' },
					{ name: 'Design', value: 'design' },
					{ name: 'Render', value: 'render' },
					{ name: 'Template', value: 'template' },
				],
				default: 'render',
			},
			renderOperations,
			designOperations,
			templateOperations,
			accountOperations,
			...renderFields,
			...designFields,
			...templateFields,
		],
	};

	methods = {
		listSearch: { searchDesigns, searchTemplates },
		resourceMapping: { getFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const { client } = await canveleteClient(this);
		const fieldCache: FieldCache = new Map();
		if (resource === 'render' && operation === 'renderMany') {
			return [await renderMany.call(this, client, fieldCache)];
		}
		if (
			resource === 'render' &&
			operation === 'render' &&
			this.getNodeParameter('waitMode', 0, 'poll') === 'callback'
		) {
			return startAndPause.call(this, client, fieldCache);
		}
		const run = ITEM_OPERATIONS[`${resource}.${operation}`];
		if (!run) {
			throw new NodeOperationError(this.getNode(), `Unsupported operation "${operation}" for "${resource}"`);
		}
		const context: OperationContext = { client, fieldCache };
		const output: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				output.push(...(await run.call(this, context, itemIndex)));
			} catch (error) {
				const nodeError = toNodeError(this.getNode(), error, itemIndex);
				if (!this.continueOnFail()) throw nodeError;
				output.push({ json: errorJson(nodeError), pairedItem: { item: itemIndex } });
			}
		}
		return [output];
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return resumeOnCallback.call(this);
	}
}
