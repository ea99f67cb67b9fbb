import type { Canvelete, Design, FieldSpec, RenderInput } from '@canvelete/core';
import { buildDynamicPayload, describeFields, idempotencyKeyFor } from '@canvelete/core';
import type { IExecuteFunctions, ResourceMapperValue } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

export interface RenderOptions {
	concurrency?: number;
	height?: number;
	imageFiles?: { file?: Array<{ field?: string; binaryPropertyName?: string }> };
	maxWaitSeconds?: number;
	quality?: number;
	reference?: string;
	scale?: number;
	width?: number;
}

export interface PreparedRender {
	input: RenderInput;
	warnings: string[];
}

/** Fields per design/template id, fetched once per execution. */
export type FieldCache = Map<string, Promise<FieldSpec[]>>;

export function renderOptions(context: IExecuteFunctions, itemIndex: number): RenderOptions {
	return context.getNodeParameter('options', itemIndex, {}) as RenderOptions;
}

/** The design or template id the item renders, from the resource locator (list, ID or URL). */
export function sourceOf(
	context: IExecuteFunctions,
	itemIndex: number,
): { kind: 'design' | 'template'; id: string } {
	const kind = context.getNodeParameter('source', itemIndex, 'design') as 'design' | 'template';
	const id = String(context.getNodeParameter(kind, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!id) {
		throw new NodeOperationError(context.getNode(), `Choose a ${kind} to render`, {
			itemIndex,
			description: `Pick one from the list, or paste its ID or its Canvelete URL.`,
		});
	}
	return { kind, id };
}

function fieldsFor(client: Canvelete, cache: FieldCache, kind: 'design' | 'template', id: string) {
	const cacheKey = `${kind}:${id}`;
	let specs = cache.get(cacheKey);
	if (!specs) {
		const load: Promise<Design> =
			kind === 'design' ? client.designs.retrieve(id) : client.templates.retrieve(id);
		specs = load.then((design) => describeFields(design));
		cache.set(cacheKey, specs);
	}
	return specs;
}

function parseJsonObject(
	context: IExecuteFunctions,
	name: string,
	itemIndex: number,
): Record<string, unknown> {
	const raw = context.getNodeParameter(name, itemIndex, {}) as unknown;
	const value = typeof raw === 'string' ? (raw.trim() === '' ? {} : jsonParse(raw, {})) : raw;
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new NodeOperationError(context.getNode(), `"${name}" must be a JSON object`, {
			itemIndex,
			description: 'Write an object such as {"name": "Ada"}.',
		});
	}
	return value as Record<string, unknown>;
}

/** The values the user mapped: "map automatically" copies only input keys that are fields. */
function mappedValues(
	context: IExecuteFunctions,
	itemIndex: number,
	specs: FieldSpec[],
): Record<string, unknown> {
	const mapper = context.getNodeParameter('fields', itemIndex, {}) as ResourceMapperValue;
	if (mapper.mappingMode === 'autoMapInputData') {
		const json = context.getInputData()[itemIndex]?.json ?? {};
		const values: Record<string, unknown> = {};
		for (const spec of specs) {
			if (Object.hasOwn(json, spec.key)) values[spec.key] = json[spec.key];
		}
		return values;
	}
	const values: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(mapper.value ?? {})) {
		values[key] = value === null ? undefined : value;
	}
	return values;
}

/** Image fields filled from a binary property of the input item, sent as `data:` URLs. */
async function imageFileValues(
	context: IExecuteFunctions,
	itemIndex: number,
	options: RenderOptions,
): Promise<Record<string, string>> {
	const values: Record<string, string> = {};
	for (const entry of options.imageFiles?.file ?? []) {
		const field = entry.field?.trim();
		if (!field) continue;
		const property = entry.binaryPropertyName?.trim() || 'data';
		const binary = context.helpers.assertBinaryData(itemIndex, property);
		const buffer = await context.helpers.getBinaryDataBuffer(itemIndex, property);
		values[field] = `data:${binary.mimeType};base64,${buffer.toString('base64')}`;
	}
	return values;
}

/** Everything one item asks Canvelete to render, checked field by field in the core. */
export async function prepareRender(
	context: IExecuteFunctions,
	client: Canvelete,
	cache: FieldCache,
	itemIndex: number,
): Promise<PreparedRender> {
	const source = sourceOf(context, itemIndex);
	const options = renderOptions(context, itemIndex);
	const dataInput = context.getNodeParameter('dataInput', itemIndex, 'fields') as string;
	const files = await imageFileValues(context, itemIndex, options);
	let dynamicData: Record<string, unknown>;
	let dynamicElements: Record<string, Record<string, unknown>>;
	let warnings: string[] = [];
	if (dataInput === 'json') {
		dynamicData = { ...parseJsonObject(context, 'dynamicDataJson', itemIndex), ...files };
		dynamicElements = parseJsonObject(context, 'dynamicElementsJson', itemIndex) as Record<
			string,
			Record<string, unknown>
		>;
	} else {
		const specs = await fieldsFor(client, cache, source.kind, source.id);
		const payload = buildDynamicPayload(specs, { ...mappedValues(context, itemIndex, specs), ...files });
		({ dynamicData, dynamicElements, warnings } = payload);
	}
	const input: RenderInput = {
		[source.kind === 'design' ? 'designId' : 'templateId']: source.id,
		format: context.getNodeParameter('format', itemIndex, 'png') as RenderInput['format'],
		dynamicData,
		dynamicElements,
	};
	for (const key of ['quality', 'width', 'height', 'scale'] as const) {
		if (typeof options[key] === 'number') input[key] = options[key];
	}
	if (options.reference?.trim()) input.reference = options.reference.trim();
	return { input, warnings };
}

/**
 * The Idempotency-Key of one item's render: the same execution, node, run and item always send the
 * same key, so n8n's "Retry On Fail" never renders (or bills) twice.
 */
export function itemIdempotencyKey(context: IExecuteFunctions, itemIndex: number): string {
	const runIndex = context.evaluateExpression('{{ $runIndex }}', itemIndex) as number;
	return idempotencyKeyFor(
		'n8n',
		context.getExecutionId(),
		context.getNode().id,
		Number(runIndex) || 0,
		itemIndex,
	);
}

/** The deadline for waiting, from "Max Wait" (default 300 s). */
export function waitDeadline(options: RenderOptions): number {
	return Date.now() + Math.max(1, options.maxWaitSeconds ?? 300) * 1000;
}

