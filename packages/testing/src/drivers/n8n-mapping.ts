// Translation between the driver's normalised shapes and what a user puts into (and reads out of)
// the Canvelete n8n node: node parameters, output items, resource-mapper fields, node errors.
import type { FieldKind } from '@canvelete/core';
import type { IDataObject, INodeExecutionData, ResourceMapperField } from 'n8n-workflow';
import type { DriverErrorView, DriverFile, DriverRenderRequest, RenderSource } from './types.ts';
import { DriverFailure } from './types.ts';

export const RENDER_NODE = 'Render';
export const BINARY_PROPERTY = 'data';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** Source + locator parameters as the user picks them ("By ID" in the resource locator). */
export function sourceParameters(source: RenderSource, idValue?: string) {
  if ('templateId' in source) {
    return { source: 'template', template: byId(idValue ?? source.templateId) };
  }
  return { source: 'design', design: byId(idValue ?? source.designId) };
}

const SIZE_OPTIONS = ['quality', 'scale', 'width', 'height'] as const;

/** The Render operation filled in for one request: fields typed into the resource mapper. */
export function renderParameters(request: DriverRenderRequest, waitMode: 'poll' | 'callback') {
  const options: Record<string, unknown> = {};
  for (const key of SIZE_OPTIONS) if (request[key] !== undefined) options[key] = request[key];
  if (request.reference !== undefined) options.reference = request.reference;
  return {
    resource: 'render',
    operation: 'render',
    ...sourceParameters(request),
    dataInput: 'fields',
    fields: {
      mappingMode: 'defineBelow',
      value: { ...(request.data ?? {}) },
      matchingColumns: [],
      schema: [],
    },
    format: request.format ?? 'png',
    waitMode,
    output: 'both',
    binaryPropertyName: BINARY_PROPERTY,
    options,
  };
}

/**
 * Render Many over one input item per request: the way a user builds it, every per-item value is
 * an expression over the incoming item (`{{ $json.… }}`), fields included.
 */
export function renderManyParameters(requests: DriverRenderRequest[], kind: 'design' | 'template') {
  const keys = new Set(requests.flatMap((request) => Object.keys(request.data ?? {})));
  const value: Record<string, string> = {};
  for (const key of keys) value[key] = `={{ $json.data[${JSON.stringify(key)}] }}`;
  const options: Record<string, unknown> = {};
  for (const key of SIZE_OPTIONS) {
    if (requests.some((request) => request[key] !== undefined)) {
      options[key] = `={{ $json.${key} }}`;
    }
  }
  if (requests.some((request) => request.reference !== undefined)) {
    options.reference = '={{ $json.reference || "" }}';
  }
  const source = kind === 'template' ? { templateId: '' } : { designId: '' };
  return {
    resource: 'render',
    operation: 'renderMany',
    ...sourceParameters(source, '={{ $json.sourceId }}'),
    dataInput: 'fields',
    fields: { mappingMode: 'defineBelow', value, matchingColumns: [], schema: [] },
    format: '={{ $json.format }}',
    // "Both" attaches the file like "Binary File" does and keeps the render record (URL, size);
    // "Binary File" alone reduces the JSON to id/status/format.
    output: 'both',
    binaryPropertyName: BINARY_PROPERTY,
    options,
  };
}

/** The input item Render Many reads its expressions from. */
export function renderManyItem(request: DriverRenderRequest): IDataObject {
  const item: IDataObject = {
    sourceId: 'templateId' in request ? request.templateId : request.designId,
    format: request.format ?? 'png',
    data: request.data ?? {},
  };
  for (const key of [...SIZE_OPTIONS, 'reference'] as const) {
    if (request[key] !== undefined) item[key] = request[key];
  }
  return item;
}

/** The file n8n attached to the item (binary data kept in memory, base64, n8n's default mode). */
export function binaryFile(item: INodeExecutionData): DriverFile | undefined {
  const binary = item.binary?.[BINARY_PROPERTY];
  if (!binary) return undefined;
  return {
    bytes: new Uint8Array(Buffer.from(binary.data, 'base64')),
    contentType: binary.mimeType,
    fileName: binary.fileName ?? '',
  };
}

/**
 * The resource mapper shows only string/number/boolean types; the node appends the other kinds as a
 * hint to the display name ("Photo (image URL)", "Badge (colour)"), so that is where they come back from.
 */
const DISPLAY_HINTS: Array<[string, FieldKind]> = [
  ['(image URL)', 'image'],
  ['(colour)', 'color'],
  ['(QR code)', 'qr'],
  ['(barcode)', 'barcode'],
];

export function fieldKind(field: ResourceMapperField): FieldKind {
  if (field.type === 'number') return 'number';
  if (field.type === 'boolean') return 'boolean';
  const hint = DISPLAY_HINTS.find(([suffix]) => field.displayName.endsWith(suffix));
  return hint ? hint[1] : 'text';
}

/** A NodeApiError / NodeOperationError (or anything n8n threw) as the user sees it. */
export function errorView(error: unknown): DriverErrorView {
  const value = (error ?? {}) as {
    name?: string;
    message?: string;
    description?: string | null;
    httpCode?: string | null;
    errorResponse?: { code?: unknown };
  };
  const description = typeof value.description === 'string' ? value.description : '';
  const code =
    typeof value.errorResponse?.code === 'string'
      ? value.errorResponse.code
      : /Error code: ([A-Z_]+)/.exec(description)?.[1];
  const httpStatus = value.httpCode ? Number(value.httpCode) : undefined;
  return {
    kind: value.name || (error as object)?.constructor?.name || 'Error',
    message: String(value.message ?? error),
    ...(code ? { code } : {}),
    ...(httpStatus !== undefined && Number.isFinite(httpStatus) ? { httpStatus } : {}),
    raw: error,
  };
}

export function failure(error: unknown): DriverFailure {
  return error instanceof DriverFailure ? error : new DriverFailure(errorView(error));
}
