import type { FieldKind } from './types.js';

/** A template variable, from `variables` (objects or names) or the SDKs' `dynamicFields` (names). */
export interface TemplateVariable {
  name: string;
  kind: FieldKind;
  /** True when the template declared a known `type` (a bare name declares nothing). */
  typed: boolean;
  required: boolean;
  default?: unknown;
  label?: string;
  description?: string;
}

const KIND_BY_TYPE: Record<string, FieldKind> = {
  text: 'text',
  string: 'text',
  textarea: 'text',
  image: 'image',
  img: 'image',
  file: 'image',
  number: 'number',
  integer: 'number',
  int: 'number',
  float: 'number',
  decimal: 'number',
  boolean: 'boolean',
  bool: 'boolean',
  checkbox: 'boolean',
  color: 'color',
  colour: 'color',
  qr: 'qr',
  qrcode: 'qr',
  barcode: 'barcode',
};

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function toVariable(item: unknown): TemplateVariable | undefined {
  const plainName = nonEmpty(item);
  // A bare name says nothing about type or requirement: text, optional.
  if (plainName !== undefined)
    return { name: plainName, kind: 'text', typed: false, required: false };
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const name = nonEmpty(record['name']) ?? nonEmpty(record['key']);
  if (name === undefined) return undefined;
  const type = nonEmpty(record['type'])?.toLowerCase();
  const declaredKind = type !== undefined ? KIND_BY_TYPE[type] : undefined;
  const variable: TemplateVariable = {
    name,
    kind: declaredKind ?? 'text',
    typed: declaredKind !== undefined,
    // Only an explicit `required: true` makes a field required; see FieldSpec.required.
    required: record['required'] === true,
  };
  const fallback = record['default'] ?? record['defaultValue'];
  if (fallback !== undefined && fallback !== null) variable.default = fallback;
  const label = nonEmpty(record['label']);
  if (label !== undefined) variable.label = label;
  const description = nonEmpty(record['description']);
  if (description !== undefined) variable.description = description;
  return variable;
}

/** `variables` first, then `dynamicFields`, in their own order. */
export function variablesOf(design: Record<string, unknown>): TemplateVariable[] {
  const lists = [design['variables'], design['dynamicFields']];
  const variables: TemplateVariable[] = [];
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const variable = toVariable(item);
      if (variable !== undefined) variables.push(variable);
    }
  }
  return variables;
}
