import type { INodeProperties } from 'n8n-workflow';
import { designLocator, templateLocator } from '../../descriptions/locators';
import { outputProperties } from '../../descriptions/output';
import { returnAllAndLimit } from '../../descriptions/pagination';

const CREATE_OPS = ['render', 'renderMany'];
const showFor = (operation: string[]) => ({ resource: ['render'], operation });

export const renderOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['render'] } },
	options: [
		{
			name: 'Get',
			value: 'get',
			description: 'Get a render by ID',
			action: 'Get a render',
		},
		{
			name: 'Get Many',
			value: 'getAll',
			description: 'List past renders, newest first',
			action: 'Get many renders',
		},
		{
			name: 'Render',
			value: 'render',
			description: 'Render a design or template with data, one render per input item',
			action: 'Render a design or template',
		},
		{
			name: 'Render Many',
			value: 'renderMany',
			description:
				'Render every input item in parallel within the rate limit, one output item per input item',
			action: 'Render many items',
		},
	],
	default: 'render',
};

const source: INodeProperties[] = [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showFor(CREATE_OPS) },
		options: [
			{ name: 'Design', value: 'design' },
			{ name: 'Template', value: 'template' },
		],
		default: 'design',
		description: 'Whether to render one of your designs or a template',
	},
	designLocator({ displayOptions: { show: { ...showFor(CREATE_OPS), source: ['design'] } } }),
	templateLocator({ displayOptions: { show: { ...showFor(CREATE_OPS), source: ['template'] } } }),
];

const dynamicData: INodeProperties[] = [
	{
		displayName: 'Data Input',
		name: 'dataInput',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showFor(CREATE_OPS) },
		options: [
			{
				name: 'Map Fields',
				value: 'fields',
				description: 'One input per dynamic field of the design or template',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'Send dynamic data and dynamic elements as JSON',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		displayOptions: { show: { ...showFor(CREATE_OPS), dataInput: ['fields'] } },
		typeOptions: {
			loadOptionsDependsOn: ['source', 'design.value', 'template.value'],
			resourceMapper: {
				resourceMapperMethod: 'getFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				supportAutoMap: true,
				noFieldsError: 'This design has no dynamic fields. It renders as designed.',
			},
		},
		description: 'Leave a field blank to keep the value in the design',
	},
	{
		displayName: 'Dynamic Data (JSON)',
		name: 'dynamicDataJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { ...showFor(CREATE_OPS), dataInput: ['json'] } },
		description: 'Values by placeholder or element name, e.g. {"name": "Ada", "photo": "https://…"}',
	},
	{
		displayName: 'Dynamic Elements (JSON)',
		name: 'dynamicElementsJson',
		type: 'json',
		default: '{}',
		displayOptions: { show: { ...showFor(CREATE_OPS), dataInput: ['json'] } },
		description: 'Element properties by element name, e.g. {"badge": {"fill": "#ff0000"}}',
	},
];

const renderSettings: INodeProperties[] = [
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		displayOptions: { show: showFor(CREATE_OPS) },
		options: [
			{ name: 'JPG', value: 'jpg' },
			{ name: 'PDF', value: 'pdf' },
			{ name: 'PNG', value: 'png' },
			{ name: 'SVG', value: 'svg' },
			{ name: 'WebP', value: 'webp' },
		],
		default: 'png',
	},
	{
		displayName: 'Wait for Result',
		name: 'waitMode',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showFor(['render']) },
		options: [
			{
				name: 'Poll Until Done',
				value: 'poll',
				description: 'Ask Canvelete for the result until it is ready or Max Wait passes',
			},
			{
				name: 'Pause Until Canvelete Calls Back',
				value: 'callback',
				description:
					'Pause the execution and resume when Canvelete reports the render finished. Needs an n8n URL Canvelete can reach.',
			},
		],
		default: 'poll',
	},
	...outputProperties(showFor(['render', 'renderMany', 'get'])),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: { show: showFor(CREATE_OPS) },
		options: [
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10 },
				default: 4,
				displayOptions: { show: { '/operation': ['renderMany'] } },
				description: 'How many renders run at once; Canvelete rate limits still apply',
			},
			{
				displayName: 'Files for Image Fields',
				name: 'imageFiles',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				description: 'Send a binary file of the input item as the value of an image field',
				options: [
					{
						displayName: 'File',
						name: 'file',
						values: [
							{
								displayName: 'Image Field',
								name: 'field',
								type: 'string',
								default: '',
								description: 'The key of the image field, e.g. photo',
							},
							{
								displayName: 'Input Binary Field',
								name: 'binaryPropertyName',
								type: 'string',
								default: 'data',
								description: 'The binary field of the input item that holds the image',
							},
						],
					},
				],
			},
			{
				displayName: 'Height',
				name: 'height',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 1080,
				description: 'Output height in pixels; defaults to the design height',
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				description:
					'How long to wait for the render. When pausing for a callback, the execution resumes after this time with the input items unchanged.',
			},
			{
				displayName: 'Quality',
				name: 'quality',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 90,
				description: 'JPG and WebP quality, 1–100',
			},
			{
				displayName: 'Reference',
				name: 'reference',
				type: 'string',
				default: '',
				description:
					'Your own correlation value (up to 256 characters), returned on the render and in its webhooks; the Canvelete Trigger can filter on it',
			},
			{
				displayName: 'Scale',
				name: 'scale',
				type: 'number',
				typeOptions: { minValue: 0.1, maxValue: 5, numberPrecision: 2 },
				default: 1,
				description: 'Multiplies the output size, 0.1–5',
			},
			{
				displayName: 'Width',
				name: 'width',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 10000 },
				default: 1080,
				description: 'Output width in pixels; defaults to the design width',
			},
		],
	},
];

const lookup: INodeProperties[] = [
	{
		displayName: 'Render ID',
		name: 'renderId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: showFor(['get']) },
		placeholder: 'e.g. rnd_1a2b3c',
	},
	...returnAllAndLimit(showFor(['getAll'])),
];

export const renderFields: INodeProperties[] = [...source, ...dynamicData, ...renderSettings, ...lookup];
