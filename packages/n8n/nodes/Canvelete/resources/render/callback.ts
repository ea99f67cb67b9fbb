import type { Canvelete, Render } from '@canvelete/core';
import { verifyWebhook } from '@canvelete/core';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { canveleteClient } from '../../../shared/client';
import { rawBodyOf } from '../../../shared/raw-body';
import { errorJson, toNodeError } from '../../../shared/errors';
import {
	type FieldCache,
	itemIdempotencyKey,
	prepareRender,
	renderOptions,
	waitDeadline,
} from '../../helpers/render-input';
import {
	type OutputSettings,
	outputSettings,
	renderItem,
	webhookOutputSettings,
} from '../../helpers/render-output';

/**
 * The resume webhook ("restart webhook") a waiting Render node answers on. A named constant, not an
 * inline array: n8n's lint rule `webhook-lifecycle-complete` reads any inline `webhooks` array as a
 * trigger's, which this is not (restart webhooks are never registered at activation).
 */
export const RESUME_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'POST',
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	},
];

// customData allows 10 keys of at most 255 characters each: the render ids are spread over keys.
const JOB_KEY_PREFIX = 'canvelete_renders_';
const MAX_JOB_KEYS = 8;
const MAX_VALUE_LENGTH = 255;
/** Marks an item whose render could not be started (it failed before waiting, continueOnFail). */
const NOT_STARTED = '-';

function storeJobIds(context: IExecuteFunctions, ids: string[]): void {
	const chunks: string[] = [];
	let current = '';
	for (const id of ids) {
		const next = current === '' ? id : `${current},${id}`;
		if (next.length > MAX_VALUE_LENGTH) {
			chunks.push(current);
			current = id;
		} else current = next;
	}
	chunks.push(current);
	if (chunks.length > MAX_JOB_KEYS) {
		throw new NodeOperationError(context.getNode(), 'Too many items to pause for one callback', {
			description:
				'Pausing keeps every render ID in the execution, which fits about 80 items. Use "Poll Until Done" or Render Many for larger batches, or split the items with Loop Over Items.',
		});
	}
	chunks.forEach((chunk, index) => context.customData.set(`${JOB_KEY_PREFIX}${index}`, chunk));
}

function readJobIds(context: IWebhookFunctions): string[] {
	const ids: string[] = [];
	for (let index = 0; index < MAX_JOB_KEYS; index++) {
		const chunk = context.customData.get(`${JOB_KEY_PREFIX}${index}`);
		if (!chunk) break;
		ids.push(...chunk.split(','));
	}
	return ids;
}

/** The execution's resume URL with this node's id as the path suffix (before `?signature=`). */
function callbackUrl(context: IExecuteFunctions): string {
	const resumeUrl = context.evaluateExpression('{{ $execution.resumeUrl }}', 0) as string;
	const url = new URL(resumeUrl);
	url.pathname = `${url.pathname.replace(/\/+$/, '')}/${encodeURIComponent(context.getNode().id)}`;
	return url.toString();
}

const isFinished = (render: Render) => render.status === 'completed' || render.status === 'failed';

/** The output item of a finished render; a failed one is an error (or an error item). */
async function finishedItem(
	context: IExecuteFunctions | IWebhookFunctions,
	client: Canvelete,
	settings: OutputSettings,
	render: Render,
	itemIndex: number,
	continueOnFail: boolean,
): Promise<INodeExecutionData> {
	const node = context.getNode();
	try {
		if (render.status === 'failed') {
			throw new NodeOperationError(node, `Render ${render.id} failed: ${render.error ?? 'no reason given'}`, {
				itemIndex,
				description: 'Check the design and the dynamic data, then run the workflow again. Error code: RENDER_FAILED.',
			});
		}
		return await renderItem(context.helpers, client, settings, render, { itemIndex });
	} catch (error) {
		const nodeError = toNodeError(node, error, itemIndex);
		if (!continueOnFail) throw nodeError;
		return {
			json: { ...errorJson(nodeError), id: render.id, status: render.status },
			pairedItem: { item: itemIndex },
		};
	}
}

/**
 * Render with "Pause until Canvelete calls back": start each item's render with the execution's
 * resume URL as its callback, keep the render ids in the execution's custom data and put the
 * execution to wait until Max Wait. If every render has already finished, output at once.
 */
export async function startAndPause(
	this: IExecuteFunctions,
	client: Canvelete,
	fieldCache: FieldCache,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const webhook = callbackUrl(this);
	const started: Array<Render | undefined> = [];
	const failures = new Map<number, INodeExecutionData>();
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const { input } = await prepareRender(this, client, fieldCache, itemIndex);
			started.push(
				await client.renders.createAsync(
					{ ...input, callbackUrl: webhook },
					{ idempotencyKey: itemIdempotencyKey(this, itemIndex) },
				),
			);
		} catch (error) {
			const nodeError = toNodeError(this.getNode(), error, itemIndex);
			if (!this.continueOnFail()) throw nodeError;
			started.push(undefined);
			failures.set(itemIndex, { json: errorJson(nodeError), pairedItem: { item: itemIndex } });
		}
	}
	if (started.every((render) => render === undefined || isFinished(render))) {
		const output: INodeExecutionData[] = [];
		for (const [itemIndex, render] of started.entries()) {
			const failure = failures.get(itemIndex);
			if (failure || !render) output.push(failure as INodeExecutionData);
			else {
				const settings = outputSettings(this, itemIndex);
				output.push(await finishedItem(this, client, settings, render, itemIndex, this.continueOnFail()));
			}
		}
		return [output];
	}
	storeJobIds(this, started.map((render) => render?.id ?? NOT_STARTED));
	await this.putExecutionToWait(new Date(waitDeadline(renderOptions(this, 0))));
	return [items];
}

function reject(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ error: message });
	return { noWebhookResponse: true };
}

/**
 * The callback: a wake-up, never data. With a signing secret on the credential the signature over
 * the raw body must verify (401 otherwise, and the execution keeps waiting). Then every render is
 * read again through the API; while any is still running the execution keeps waiting.
 */
export async function resumeOnCallback(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const ids = readJobIds(this);
	if (ids.length === 0) return reject(this, 404, 'This execution is not waiting for a Canvelete render');
	const { client, credentials } = await canveleteClient(this);
	const secret = credentials.webhookSecret?.trim();
	if (secret) {
		const raw = await rawBodyOf(this);
		if (!raw) return reject(this, 401, 'The callback has no raw body to verify');
		try {
			verifyWebhook({ payload: raw, headers: this.getHeaderData(), secret });
		} catch {
			return reject(this, 401, 'The callback signature did not verify');
		}
	}
	const renders = await Promise.all(
		ids.map((id) => (id === NOT_STARTED ? undefined : client.renders.retrieve(id))),
	);
	const waiting = renders.filter((render) => render && !isFinished(render)).length;
	if (waiting > 0) return { webhookResponse: { received: true, waiting } };

	// IWebhookFunctions has no continueOnFail(): read the node's own "On Error" setting.
	const node = this.getNode();
	const continueOnFail = node.onError === 'continueRegularOutput' || node.continueOnFail === true;
	const settings = webhookOutputSettings(this);
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, render] of renders.entries()) {
		output.push(
			render
				? await finishedItem(this, client, settings, render, itemIndex, continueOnFail)
				: {
						json: { error: 'The render for this item could not be started' },
						pairedItem: { item: itemIndex },
					},
		);
	}
	return { webhookResponse: { received: true }, workflowData: [output] };
}
