import type { Canvelete, Render, RenderedFile } from '@canvelete/core';
import type {
	IBinaryKeyData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

export type OutputMode = 'json' | 'binary' | 'both';

export interface OutputSettings {
	mode: OutputMode;
	binaryPropertyName: string;
	fileNameTemplate: string;
}

export function outputSettings(context: IExecuteFunctions, itemIndex: number): OutputSettings {
	return {
		mode: context.getNodeParameter('output', itemIndex, 'both') as OutputMode,
		binaryPropertyName: String(context.getNodeParameter('binaryPropertyName', itemIndex, 'data')),
		fileNameTemplate: String(
			context.getNodeParameter('fileName', itemIndex, 'canvelete-{renderId}.{format}'),
		),
	};
}

/** In webhook() (a resumed execution) parameters resolve against the first input item only. */
export function webhookOutputSettings(context: IWebhookFunctions): OutputSettings {
	return {
		mode: context.getNodeParameter('output', 'both') as OutputMode,
		binaryPropertyName: String(context.getNodeParameter('binaryPropertyName', 'data')),
		fileNameTemplate: String(
			context.getNodeParameter('fileName', 'canvelete-{renderId}.{format}'),
		),
	};
}

const EXTENSION: Record<string, string> = {
	'image/png': 'png',
	'image/jpeg': 'jpg',
	'image/webp': 'webp',
	'application/pdf': 'pdf',
	'image/svg+xml': 'svg',
};

const UNSAFE_IN_FILE_NAMES = '\\/:*?"<>|';

/** Replaces path separators, reserved and control characters so the result is one file name. */
function safeFileName(name: string): string {
	return Array.from(name)
		.map((char) => (char.charCodeAt(0) < 32 || UNSAFE_IN_FILE_NAMES.includes(char) ? '-' : char))
		.join('')
		.slice(0, 200);
}

/** Fills `{renderId}`, `{format}`, `{designId}`, `{templateId}`, `{reference}` in a file name. */
export function fileNameFor(template: string, render: Render, file?: RenderedFile): string {
	const format = render.format ?? file?.format ?? EXTENSION[file?.contentType ?? ''] ?? 'bin';
	const values: Record<string, string> = {
		renderId: render.id,
		id: render.id,
		format,
		designId: render.designId ?? '',
		templateId: render.templateId ?? '',
		reference: render.reference ?? '',
	};
	const filled = (template.trim() || 'canvelete-{renderId}.{format}').replace(
		/\{(renderId|id|format|designId|templateId|reference)\}/g,
		(_, key: string) => values[key] ?? '',
	);
	const safe = safeFileName(filled);
	return safe.includes('.') ? safe : `${safe}.${format}`;
}

/** The render record as output JSON (no undefined keys, warnings attached when there are any). */
export function renderJson(render: Render, warnings: string[] = []): IDataObject {
	const json: IDataObject = {};
	for (const [key, value] of Object.entries(render)) if (value !== undefined) json[key] = value;
	if (warnings.length > 0) json.warnings = warnings;
	return json;
}

type BinaryPreparer = Pick<IExecuteFunctions['helpers'], 'prepareBinaryData'>;

/**
 * One output item for a render: the record, the file, or both. The file is downloaded through the
 * core (no API key goes to a CDN on another origin) unless it is already at hand.
 */
export async function renderItem(
	helpers: BinaryPreparer,
	client: Canvelete,
	settings: OutputSettings,
	render: Render,
	options: { warnings?: string[]; file?: RenderedFile; itemIndex: number },
): Promise<INodeExecutionData> {
	const json =
		settings.mode === 'binary'
			? { id: render.id, status: render.status, ...(render.format ? { format: render.format } : {}) }
			: renderJson(render, options.warnings);
	const item: INodeExecutionData = { json, pairedItem: { item: options.itemIndex } };
	if (settings.mode === 'json') return item;
	const file = options.file ?? (await client.renders.download(render));
	const fileName = fileNameFor(settings.fileNameTemplate, render, file);
	const binary: IBinaryKeyData = {
		[settings.binaryPropertyName]: await helpers.prepareBinaryData(
			Buffer.from(file.bytes),
			fileName,
			file.contentType,
		),
	};
	item.binary = binary;
	if (settings.mode === 'binary' && options.warnings?.length) json.warnings = options.warnings;
	return item;
}
