import { Canvelete } from '@canvelete/core';
import { CREDENTIAL_TYPE, type N8nContext, n8nSleepFn, n8nTransport } from './transport';

declare const __N8N_NODES_CANVELETE_VERSION__: string;

/** Shown in Canvelete's request log next to the core's own version. */
export const USER_AGENT = `n8n-nodes-canvelete/${
	typeof __N8N_NODES_CANVELETE_VERSION__ === 'string' ? __N8N_NODES_CANVELETE_VERSION__ : 'dev'
}`;

export interface CanveleteCredentials {
	apiKey: string;
	baseUrl?: string;
	webhookSecret?: string;
}

export async function readCredentials(context: N8nContext): Promise<CanveleteCredentials> {
	return (await context.getCredentials(CREDENTIAL_TYPE)) as unknown as CanveleteCredentials;
}

/**
 * The core client on n8n's request helpers. No API key is handed to the core: the credential's
 * `authenticate` adds it to each authenticated request inside n8n.
 */
export async function canveleteClient(
	context: N8nContext,
): Promise<{ client: Canvelete; credentials: CanveleteCredentials }> {
	const credentials = await readCredentials(context);
	const client = new Canvelete({
		baseUrl: credentials.baseUrl?.trim() || undefined,
		transport: n8nTransport(context),
		sleep: n8nSleepFn,
		userAgent: USER_AGENT,
		// The credential adds the key inside n8n; the core still keeps both secrets out of errors.
		redact: [credentials.apiKey, credentials.webhookSecret].filter(
			(secret): secret is string => typeof secret === 'string' && secret !== '',
		),
	});
	return { client, credentials };
}
