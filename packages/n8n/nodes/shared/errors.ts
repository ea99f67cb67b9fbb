import { CanveleteError } from '@canvelete/core';
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** What to do in n8n, on top of the core's advice (which already starts every core message). */
const N8N_HINTS: Partial<Record<CanveleteError['code'], string>> = {
	UNAUTHORIZED: 'Open the Canvelete credential, paste a valid API key and save.',
	INSUFFICIENT_SCOPE: 'Open the Canvelete credential and use a key with the needed scope.',
	RATE_LIMITED:
		'Lower the concurrency of Render Many, or add a Wait node between batches. The node already waited for the time Canvelete asked.',
	TIMEOUT:
		'Raise "Max Wait" in the node options, or let the node pause until Canvelete calls back; you can also fetch the result later with Render → Get and the render id.',
	NETWORK_ERROR: 'Check the Base URL in the Canvelete credential and that n8n can reach it.',
	NOT_SUPPORTED:
		'This Canvelete server lacks the feature. See the README section "Webhook URL fallback".',
	WEBHOOK_VERIFICATION_FAILED:
		'Copy the webhook signing secret from Canvelete into the credential field "Webhook Signing Secret".',
	CONFLICT:
		'The same n8n item was already rendered with different input. Run the workflow again to start a new render.',
};

function describe(error: CanveleteError): string {
	const parts = [N8N_HINTS[error.code] ?? error.advice, `Error code: ${error.code}.`];
	if (error.details.field) parts.push(`Field: ${String(error.details.field)}.`);
	if (error.requestId) parts.push(`Request id: ${error.requestId}.`);
	return parts.join(' ');
}

/**
 * The one place core errors become n8n errors: an answer from Canvelete becomes NodeApiError
 * (with the HTTP status), anything found before or without an answer becomes NodeOperationError.
 * Both carry the item index and a description that says what to do.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if (itemIndex !== undefined) error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (CanveleteError.isInstance(error)) {
		const description = describe(error);
		if (error.status !== undefined) {
			const response: JsonObject = {
				code: error.code,
				message: error.message,
				status: error.status,
				requestId: error.requestId ?? null,
				serverCode: typeof error.details.serverCode === 'string' ? error.details.serverCode : null,
			};
			return new NodeApiError(node, response, {
				message: error.message,
				description,
				httpCode: String(error.status),
				itemIndex,
			});
		}
		return new NodeOperationError(node, error.message, { description, itemIndex });
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, { itemIndex });
}

/** The JSON an item carries when continueOnFail() routes a failure to the output. */
export function errorJson(error: NodeApiError | NodeOperationError): JsonObject {
	const json: JsonObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return json;
}
