import type { IWebhookFunctions } from 'n8n-workflow';

interface RawBodyRequest {
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
}

/**
 * The request body exactly as received, which signatures are computed over. n8n keeps it as
 * `rawBody` for the body types it parses and reads it on demand (`readRawBody`) for the others.
 */
export async function rawBodyOf(context: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = context.getRequestObject() as unknown as RawBodyRequest;
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return request.rawBody;
}
