// Reading the render action's Zapier input fields back into Canvelete keys and kinds, and filling
// them in the way a user does in the Zap editor.
import type { FieldKind } from '@canvelete/core';
import type { DriverField, DriverRenderRequest, RenderSource } from './types.ts';

/** The parts of a Zapier input field the driver reads. */
export interface ZapierInputField {
  key: string;
  type?: string;
  required?: boolean;
  helpText?: string;
  children?: ZapierInputField[];
}

/** The app prefixes every dynamic field key so a design key cannot clash with its own fields. */
const DYNAMIC_PREFIX = 'data__';

/**
 * The Canvelete key of a dynamic field, undoing the app's key encoding: letters and digits stay,
 * `__` is `_`, and `_<hex>_` is the character with that code point. Undefined for the app's own
 * fields (format, width, reference …).
 */
export function canveleteKeyOf(zapierKey: string): string | undefined {
  if (!zapierKey.startsWith(DYNAMIC_PREFIX)) return undefined;
  const encoded = zapierKey.slice(DYNAMIC_PREFIX.length);
  let key = '';
  for (let i = 0; i < encoded.length; i++) {
    const char = encoded[i] ?? '';
    if (char !== '_') {
      key += char;
      continue;
    }
    if (encoded[i + 1] === '_') {
      key += '_';
      i++;
      continue;
    }
    const end = encoded.indexOf('_', i + 1);
    const code = Number.parseInt(encoded.slice(i + 1, end), 16);
    if (end === -1 || !Number.isFinite(code)) return undefined;
    key += String.fromCodePoint(code);
    i = end;
  }
  return key;
}

/**
 * The same encoding forwards: the key the action shows for a Canvelete key. A Zap run's perform gets
 * the stored inputData without loading inputFields again, so the driver does not load them either.
 */
export function zapierKeyFor(key: string): string {
  let encoded = '';
  for (const char of key) {
    if (/[A-Za-z0-9]/.test(char)) encoded += char;
    else if (char === '_') encoded += '__';
    else encoded += `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return `${DYNAMIC_PREFIX}${encoded}`;
}

/**
 * Zapier field types cannot say colour, QR code or barcode: the app shows those as `string`. The
 * help text starts with the core's description of where the value goes, which names the kind.
 */
const STRING_KINDS: Array<[RegExp, FieldKind]> = [
  [/^Fill colour of the /, 'color'],
  [/^Fills \{\{[^}]*\}\} in the QR code /, 'qr'],
  [/^Fills \{\{[^}]*\}\} in the barcode /, 'barcode'],
  // An `isDynamic` QR or barcode element without a placeholder reads the same for both; QR codes
  // are what Canvelete's designs carry, so that is the guess (see the driver's report).
  [/^Value encoded by the dynamic element /, 'qr'],
];

export function kindOf(field: ZapierInputField): FieldKind {
  switch (field.type) {
    case 'file':
      return 'image';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
  }
  const help = field.helpText ?? '';
  for (const [pattern, kind] of STRING_KINDS) if (pattern.test(help)) return kind;
  return 'text';
}

/** The dynamic fields among the action's input fields (line-item children included). */
export function driverFieldsOf(fields: ZapierInputField[]): DriverField[] {
  const result: DriverField[] = [];
  for (const field of fields) {
    if (field.children) {
      result.push(...driverFieldsOf(field.children));
      continue;
    }
    const key = canveleteKeyOf(field.key);
    if (key !== undefined) result.push({ key, kind: kindOf(field), required: !!field.required });
  }
  return result;
}

/** The "Render From" answer and the design or template dropdown. */
export function sourceInput(source: RenderSource): Record<string, string> {
  return 'templateId' in source
    ? { source: 'template', templateId: source.templateId }
    : { source: 'design', designId: source.designId };
}

/** What a user types into the output-option fields (Zapier hands text fields over as strings). */
export function optionInput(request: DriverRenderRequest): Record<string, string> {
  const input: Record<string, string> = {};
  for (const name of ['format', 'quality', 'width', 'height', 'scale'] as const) {
    const value = request[name];
    if (value !== undefined) input[name] = String(value);
  }
  return input;
}

/** The dynamic values under the keys the action shows for them. */
export function dataInput(
  data: DriverRenderRequest['data'],
): Record<string, string | number | boolean> {
  const input: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(data ?? {})) input[zapierKeyFor(key)] = value;
  return input;
}
