import {
  type Canvelete,
  type Design,
  describeFields,
  type FieldSpec,
  type Template,
  validationError,
} from '@canvelete/core';
import type { PlainInputField } from 'zapier-platform-core';

/** Dynamic field keys carry a prefix so a design placeholder named `format` cannot clash. */
const DYNAMIC_PREFIX = 'data__';

/** Files bigger than this are refused: send a public URL instead (Canvelete fetches those). */
export const MAX_INLINE_IMAGE_BYTES = 10 * 1024 * 1024;

/**
 * A Zapier-safe input key for a spec: letters and digits stay, `_` doubles, anything else becomes
 * `_<hex>_`, so two different design keys never share a Zapier key.
 */
export function fieldKeyFor(spec: Pick<FieldSpec, 'key'>): string {
  let encoded = '';
  for (const char of spec.key) {
    if (/[A-Za-z0-9]/.test(char)) encoded += char;
    else if (char === '_') encoded += '__';
    else encoded += `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return `${DYNAMIC_PREFIX}${encoded}`;
}

const ZAPIER_TYPE: Readonly<Record<FieldSpec['kind'], string>> = {
  text: 'string',
  qr: 'string',
  barcode: 'string',
  image: 'file',
  color: 'string',
  number: 'number',
  boolean: 'boolean',
};

/** Zapier-specific: an image field takes a file as well as a URL (the core's text names the element). */
const IMAGE_HINT = 'A file from an earlier step, or a public image URL.';

function shortText(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

/** A Zapier input field for one dynamic field of the chosen design or template. */
export function toInputField(spec: FieldSpec): PlainInputField {
  const current = shortText(spec.currentValue);
  const help = [
    spec.kind === 'image' ? IMAGE_HINT : undefined,
    spec.description,
    spec.required ? undefined : 'Leave blank to keep what the design shows.',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    key: fieldKeyFor(spec),
    label: spec.label,
    type: ZAPIER_TYPE[spec.kind] as PlainInputField['type'],
    required: spec.required,
    helpText: help,
    ...(current && spec.kind !== 'boolean' ? { placeholder: current } : {}),
  };
}

export interface RenderSource {
  designId?: string;
  templateId?: string;
  record: Design | Template;
}

/** The design or template the user picked, read through the API. */
export async function loadRenderSource(
  client: Canvelete,
  inputData: Record<string, unknown>,
): Promise<RenderSource | undefined> {
  const templateId = textOf(inputData['templateId']);
  const designId = textOf(inputData['designId']);
  if (inputData['source'] === 'template') {
    if (!templateId) return undefined;
    return { templateId, record: await client.templates.retrieve(templateId) };
  }
  if (!designId) return undefined;
  return { designId, record: await client.designs.retrieve(designId) };
}

export async function dynamicFieldsFor(
  client: Canvelete,
  inputData: Record<string, unknown>,
): Promise<{ source: RenderSource | undefined; specs: FieldSpec[] }> {
  const source = await loadRenderSource(client, inputData);
  return { source, specs: source ? describeFields(source.record) : [] };
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const PRIVATE_HOST =
  /^(localhost|127(?:\.\d+){3}|\[::1\]|10(?:\.\d+){3}|192\.168(?:\.\d+){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d+){2})$/i;
const ZAPIER_FILE_HOST = /(^|\.)(zapier\.com|zapier-staging\.com|zapierusercontent\.com)$/i;

/**
 * Canvelete cannot fetch files that live inside Zapier or on a private network, so those are
 * downloaded (without credentials) and sent as `data:` URLs; public URLs go as they are.
 */
export function needsInlining(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    return PRIVATE_HOST.test(url.hostname) || ZAPIER_FILE_HOST.test(url.hostname);
  } catch {
    return false;
  }
}

async function imageValue(client: Canvelete, spec: FieldSpec, value: unknown): Promise<unknown> {
  if (typeof value !== 'string' || !needsInlining(value.trim())) return value;
  let file: { bytes: Uint8Array; contentType: string };
  try {
    file = await client.renders.download(value.trim(), { maxBytes: MAX_INLINE_IMAGE_BYTES });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw validationError(spec.key, `the file could not be read (${reason}).`);
  }
  const base64 = Buffer.from(file.bytes).toString('base64');
  return `data:${file.contentType || 'application/octet-stream'};base64,${base64}`;
}

/** The user's values keyed by the design's own keys, with Zapier files turned into data: URLs. */
export async function valuesFromInput(
  client: Canvelete,
  specs: FieldSpec[],
  inputData: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const values: Record<string, unknown> = {};
  for (const spec of specs) {
    const raw = inputData[fieldKeyFor(spec)];
    if (raw === undefined) continue;
    Object.defineProperty(values, spec.key, {
      value: spec.kind === 'image' ? await imageValue(client, spec, raw) : raw,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return values;
}
