import { matchesEventFilter, rememberEvent, verifyWebhook } from '@canvelete/core';
import type { DedupeState } from '@canvelete/core';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { readCredentials } from '../shared/client';
import { rawBodyOf } from '../shared/raw-body';
import { triggerFilters, triggerState } from './subscription';

function refuse(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}

/**
 * A delivery from Canvelete: verified on the raw body (401 for a forged or stale one, and the
 * workflow does not start), then de-duplicated within the shared window and filtered.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const state = triggerState(this);
	const credentials = await readCredentials(this);
	const secrets = [state.webhookSecret, credentials.webhookSecret?.trim()].filter(
		(secret): secret is string => typeof secret === 'string' && secret !== '',
	);
	if (secrets.length === 0) {
		return refuse(this, 401, 'No signing secret is configured for this trigger');
	}
	const raw = await rawBodyOf(this);
	if (!raw) return refuse(this, 401, 'The webhook has no raw body to verify');
	let event;
	try {
		event = verifyWebhook({ payload: raw, headers: this.getHeaderData(), secrets });
	} catch {
		return refuse(this, 401, 'The webhook signature did not verify');
	}
	const remembered = rememberEvent(state.dedupe as DedupeState | undefined, event.id, Date.now());
	state.dedupe = remembered.state as unknown as IDataObject;
	if (remembered.duplicate) return { webhookResponse: { received: true, duplicate: true } };
	if (!matchesEventFilter(event, triggerFilters(this as never))) {
		return { webhookResponse: { received: true, filtered: true } };
	}
	return {
		webhookResponse: { received: true },
		workflowData: [[{ json: event as unknown as IDataObject }]],
	};
}
