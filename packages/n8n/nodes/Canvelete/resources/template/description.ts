import type { INodeProperties } from 'n8n-workflow';
import { templateLocator } from '../../descriptions/locators';
import { returnAllAndLimit } from '../../descriptions/pagination';

const showFor = (operation: string[]) => ({ resource: ['template'], operation });

export const templateOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['template'] } },
	options: [
		{ name: 'Get', value: 'get', description: 'Get a template', action: 'Get a template' },
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List templates',
			action: 'Get many templates',
		},
	],
	default: 'get',
};

export const templateFields: INodeProperties[] = [
	templateLocator({ displayOptions: { show: showFor(['get']) } }),
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
				displayName: 'Category',
				name: 'category',
				type: 'string',
				default: '',
				description: 'Only templates in this category',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only templates whose name contains this text',
			},
		],
	},
];
