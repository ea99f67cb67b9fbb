import type { INodeProperties } from 'n8n-workflow';
import { designLocator } from '../../descriptions/locators';
import { returnAllAndLimit } from '../../descriptions/pagination';

const showFor = (operation: string[]) => ({ resource: ['design'], operation });

export const designOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['design'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Create a design', action: 'Create a design' },
		{ name: 'Get', value: 'get', description: 'Get a design', action: 'Get a design' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List your designs',
			action: 'Get many designs',
		},
	],
	default: 'get',
};

export const designFields: INodeProperties[] = [
	designLocator({ displayOptions: { show: showFor(['get']) } }),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: showFor(['create']) },
		placeholder: 'e.g. Summer sale banner',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showFor(['create']) },
		options: [
			{
				displayName: 'Canvas Data (JSON)',
				name: 'canvasData',
				type: 'json',
				default: '{}',
				description: 'The canvas as Canvelete stores it: {"elements": [...], "background": "#fff"}',
			},
			{
				displayName: 'Description',
				name: 'description',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Height',
				name: 'height',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 1080,
				description: 'Canvas height in pixels',
			},
			{
				displayName: 'Is Template',
				name: 'isTemplate',
				type: 'boolean',
				default: false,
				description: 'Whether to save the design as a template',
			},
			{
				displayName: 'Width',
				name: 'width',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 1080,
				description: 'Canvas width in pixels',
			},
		],
	},
	...returnAllAndLimit(showFor(['getAll'])),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show: showFor(['getAll']) },
		options: [
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only designs whose name contains this text',
			},
			{
				displayName: 'Templates Only',
				name: 'isTemplate',
				type: 'boolean',
				default: false,
				description: 'Whether to list only designs saved as templates',
			},
		],
	},
];
