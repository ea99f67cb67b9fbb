import type { INodeProperties } from 'n8n-workflow';

export const accountOperations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['account'] } },
	options: [
		{
			name: 'Get Usage',
			value: 'getUsage',
			description: 'Credits used and remaining, and API calls this period',
			action: 'Get account usage',
		},
	],
	default: 'getUsage',
};
