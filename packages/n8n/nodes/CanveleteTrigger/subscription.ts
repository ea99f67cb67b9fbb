import { CanveleteError } from '@canvelete/core';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { canveleteClient } from '../shared/client';
import { toNodeError } from '../shared/errors';

/** What the trigger keeps in workflow static data ("node" scope). */
export interface TriggerState extends IDataObject {
	/** `subscribed`: Canvelete registered our URL through its API; `manual`: pasted in the dashboard. */
	mode?: 'subscribed' | 'manual';
	webhookId?: string;
	webhookSecret?: string;
	webhookUrl?: string;
}

export function triggerState(context: { getWorkflowStaticData(type: string): IDataObject }): TriggerState {
	return context.getWorkflowStaticData('node') as TriggerState;
}

export interface TriggerFilters {
	events: string[];
	designId?: string;
	reference?: string;
}

export function triggerFilters(context: IHookFunctions | { getNodeParameter: IHookFunctions['getNodeParameter'] }): TriggerFilters {
	const events = context.getNodeParameter('events', []) as string[];
	const designId = String(context.getNodeParameter('design', '', { extractValue: true }) ?? '').trim();
	const reference = String(context.getNodeParameter('reference', '') ?? '').trim();
	return {
		events,
		...(designId ? { designId } : {}),
		...(reference ? { reference } : {}),
	};
}

function webhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

const notSupported = (error: unknown) =>
	CanveleteError.isInstance(error) && error.code === 'NOT_SUPPORTED';

/** Is our subscription still registered at Canvelete (for this URL)? */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	const url = webhookUrl(this);
	if (state.mode === 'manual') return state.webhookUrl === url;
	if (!state.webhookId) return false;
	try {
		const { client } = await canveleteClient(this);
		const subscriptions = await client.webhooks.list();
		const filters = triggerFilters(this);
		const wanted = [...filters.events].sort().join(',');
		// A subscription for other events or another design no longer fits: create() replaces it.
		return subscriptions.some(
			(entry) =>
				entry.id === state.webhookId &&
				entry.url === url &&
				[...entry.events].sort().join(',') === wanted &&
				(entry.designId ?? undefined) === filters.designId,
		);
	} catch (error) {
		if (notSupported(error)) return false;
		throw toNodeError(this.getNode(), error);
	}
}

/**
 * Subscribes through Canvelete's webhook API. When the server has no such API (NOT_SUPPORTED) the
 * trigger still activates: it keeps its URL, which the user pastes into Canvelete's dashboard, and
 * verifies deliveries with the credential's signing secret, which it therefore requires.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	const url = webhookUrl(this);
	const filters = triggerFilters(this);
	const { client, credentials } = await canveleteClient(this);
	if (state.mode === 'subscribed' && state.webhookId) {
		// Replacing an outdated subscription: remove the old one first so none is left behind.
		try {
			await client.webhooks.unsubscribe(state.webhookId);
		} catch (error) {
			if (!notSupported(error)) throw toNodeError(this.getNode(), error);
		}
		delete state.webhookId;
	}
	try {
		const subscription = await client.webhooks.subscribe({
			url,
			events: filters.events,
			...(filters.designId ? { designId: filters.designId } : {}),
		});
		state.mode = 'subscribed';
		state.webhookId = subscription.id;
		state.webhookUrl = url;
		if (subscription.secret) state.webhookSecret = subscription.secret;
		else delete state.webhookSecret;
		return true;
	} catch (error) {
		if (!notSupported(error)) throw toNodeError(this.getNode(), error);
		if (!credentials.webhookSecret?.trim()) {
			throw new NodeOperationError(
				this.getNode(),
				'This Canvelete server cannot register webhooks, and the credential has no webhook signing secret',
				{
					description: `Add a webhook in the Canvelete dashboard (Settings → Webhooks) with the URL ${url}, copy its signing secret into the credential field "Webhook Signing Secret", then activate the workflow again.`,
				},
			);
		}
		state.mode = 'manual';
		state.webhookUrl = url;
		delete state.webhookId;
		delete state.webhookSecret;
		return true;
	}
}

/** Unsubscribes (an already-deleted subscription counts as done) and forgets the state. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const state = triggerState(this);
	if (state.mode === 'subscribed' && state.webhookId) {
		try {
			const { client } = await canveleteClient(this);
			await client.webhooks.unsubscribe(state.webhookId);
		} catch (error) {
			if (!notSupported(error)) throw toNodeError(this.getNode(), error);
		}
	}
	delete state.mode;
	delete state.webhookId;
	delete state.webhookSecret;
	delete state.webhookUrl;
	return true;
}
