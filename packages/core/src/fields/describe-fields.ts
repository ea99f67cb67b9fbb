import { validationError } from '../errors/index.js';
import { type ElementField, fieldsOfElement } from './element-fields.js';
import { humanizeKey } from './labels.js';
import type { DesignLike, FieldKind, FieldSpec } from './types.js';
import { variablesOf } from './variables.js';

function elementsOf(design: Record<string, unknown>): unknown[] {
  let canvas = design['canvasData'];
  if (typeof canvas === 'string') {
    try {
      canvas = JSON.parse(canvas);
    } catch {
      throw validationError('canvasData', 'is a string but not valid JSON.');
    }
  }
  if (typeof canvas !== 'object' || canvas === null) return [];
  const elements = (canvas as Record<string, unknown>)['elements'];
  return Array.isArray(elements) ? elements : [];
}

/** Canvas order, depth first, including any nested `children`. */
function* walk(elements: unknown[]): Generator<Record<string, unknown>> {
  for (const element of elements) {
    if (typeof element !== 'object' || element === null) continue;
    const record = element as Record<string, unknown>;
    yield record;
    if (Array.isArray(record['children'])) yield* walk(record['children']);
  }
}

interface Entry {
  spec: FieldSpec;
  notes: string[];
  /** Set when a template variable declared this key (a repeat in `dynamicFields` adds no note). */
  declared?: boolean;
}

/**
 * The dynamic fields of a design or template, per the seam-2 rule table: placeholders in text, image
 * src, QR and barcode values; `isDynamic` text/image elements by name; `isDynamic` shapes as fill
 * colours; then template variables. Canvas order first, then variables; each key once (the first
 * kind wins, except that a template's typed variable wins over a placeholder; the description says
 * where else the key is used).
 */
export function describeFields(
  designOrTemplate: DesignLike | Record<string, unknown>,
): FieldSpec[] {
  if (typeof designOrTemplate !== 'object' || designOrTemplate === null) return [];
  const design = designOrTemplate as Record<string, unknown>;
  const entries = new Map<string, Entry>();

  const noteKindClash = (entry: Entry, kind: FieldKind, where: string) => {
    if (kind !== entry.spec.kind) {
      entry.notes.push(`Also used as ${kind} by ${where}; treated as ${entry.spec.kind}.`);
    } else {
      entry.notes.push(`Also used by ${where}.`);
    }
  };

  for (const element of walk(elementsOf(design))) {
    for (const field of fieldsOfElement(element)) addElementField(entries, field, noteKindClash);
  }

  for (const variable of variablesOf(design)) {
    const existing = entries.get(variable.name);
    if (existing) {
      // A declared `text` says nothing more than a placeholder does (and is what a bare name
      // normalises to), so only a more specific declared type wins.
      const declaredWins =
        variable.typed &&
        variable.kind !== 'text' &&
        !existing.declared &&
        existing.spec.target === 'dynamicData' &&
        existing.spec.kind !== variable.kind;
      if (declaredWins) {
        // The template's declared type is more precise than where the placeholder sits (a
        // `{{ticket_number}}` inside text is still a number the user should enter as one).
        existing.notes.push(
          `Declared as ${variable.kind} by the template; used as ${existing.spec.kind} in the design.`,
        );
        existing.spec.kind = variable.kind;
        existing.spec.currentValue = variable.default;
        if (existing.spec.currentValue === undefined) delete existing.spec.currentValue;
      } else if (!existing.declared) {
        noteKindClash(existing, variable.kind, `template variable "${variable.name}"`);
      }
      existing.declared = true;
      existing.spec.required ||= variable.required;
      const sameKind = existing.spec.kind === variable.kind;
      if (sameKind && existing.spec.currentValue === undefined && variable.default !== undefined) {
        existing.spec.currentValue = variable.default;
      }
      if (variable.label !== undefined) existing.spec.label = variable.label;
      continue;
    }
    const spec: FieldSpec = {
      key: variable.name,
      label: variable.label ?? humanizeKey(variable.name),
      kind: variable.kind,
      required: variable.required,
      target: 'dynamicData',
      description: variable.description ?? `Template variable (${variable.kind}).`,
    };
    if (variable.default !== undefined) spec.currentValue = variable.default;
    entries.set(variable.name, { spec, notes: [], declared: true });
  }

  return [...entries.values()].map(({ spec, notes }) =>
    notes.length === 0 ? spec : { ...spec, description: [spec.description, ...notes].join(' ') },
  );
}

function addElementField(
  entries: Map<string, Entry>,
  field: ElementField,
  noteKindClash: (entry: Entry, kind: FieldKind, where: string) => void,
): void {
  const existing = entries.get(field.key);
  if (existing) {
    noteKindClash(existing, field.kind, `"${field.elementLabel}"`);
    const sameKind = existing.spec.kind === field.kind;
    if (sameKind && existing.spec.currentValue === undefined && field.currentValue !== undefined) {
      existing.spec.currentValue = field.currentValue;
    }
    return;
  }
  const spec: FieldSpec = {
    key: field.key,
    label: humanizeKey(field.key),
    kind: field.kind,
    required: false,
    target: field.target,
    description: field.description,
  };
  if (field.property) spec.property = field.property;
  if (field.elementId !== undefined) spec.elementId = field.elementId;
  if (field.currentValue !== undefined) spec.currentValue = field.currentValue;
  entries.set(field.key, { spec, notes: [] });
}
