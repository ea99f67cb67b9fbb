import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class CanveleteApi implements ICredentialType {
	name = 'canveleteApi';

	displayName = 'Canvelete API';

	icon: Icon = { light: 'file:../icons/canvelete.svg', dark: 'file:../icons/canvelete.dark.svg' };

	documentationUrl = 'https://github.com/canvelete/canvelete-connectors/tree/main/packages/n8n#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Create one in Canvelete under Settings → API Keys',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.canvelete.com',
			description: 'Change only for a self-hosted or test Canvelete server',
		},
		{
			displayName: 'Webhook Signing Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. Used to verify callbacks and webhooks from Canvelete. Required by the Canvelete Trigger when the server cannot register webhooks itself: copy it from the webhook settings in the Canvelete dashboard.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/usage/stats',
			method: 'GET',
		},
	};
}
