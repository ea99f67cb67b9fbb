import { isOnlyPlaceholders, placeholderKeys } from './placeholders.js';
import type { FieldKind, FieldSpec } from './types.js';

/** A field found on one element, before fields with the same key are merged. */
export interface ElementField {
  key: string;
  kind: FieldKind;
  target: FieldSpec['target'];
  property?: 'fill';
  elementId?: string;
  /** How the element is named in descriptions: its name, else its id, else its type. */
  elementLabel: string;
  currentValue?: unknown;
  description: string;
}

/** Shapes whose colour `isDynamic` exposes (ARCHITECTURE seam 2). */
const COLOR_SHAPES = new Set(['rectangle', 'circle', 'star', 'polygon', 'container']);

/** Older and other sources spell some types differently (reference: canvelete-api §6.2). */
const TYPE_ALIASES: Record<string, string> = {
  rect: 'rectangle',
  qrcode: 'qr',
  'qr-code': 'qr',
  qr_code: 'qr',
  ellipse: 'circle',
};

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function firstStr(element: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = str(element[key]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The properties that may hold `{{key}}`, what kind of value each takes, and how to word it. */
function placeholderSources(type: string, element: Record<string, unknown>) {
  const text = type === 'text' ? firstStr(element, ['text', 'content']) : str(element['text']);
  return [
    { kind: 'text' as const, value: text, what: 'text element' },
    { kind: 'image' as const, value: str(element['src']), what: 'image' },
    { kind: 'qr' as const, value: firstStr(element, ['qrValue', 'qrData']), what: 'QR code' },
    {
      kind: 'barcode' as const,
      value: firstStr(element, ['barcodeValue', 'barcodeData']),
      what: 'barcode',
    },
    { kind: 'text' as const, value: str(element['tableCsvUrl']), what: 'table CSV URL of' },
  ];
}

const DYNAMIC_PRIMARY: Partial<Record<string, { kind: FieldKind; keys: string[]; what: string }>> =
  {
    text: { kind: 'text', keys: ['text', 'content'], what: 'Replaces the text of' },
    image: { kind: 'image', keys: ['src'], what: 'Image URL (https:// or data:) for' },
    // Beyond the seam-2 table, as the server applies isDynamic to these too (reference §8.5).
    qr: { kind: 'qr', keys: ['qrValue', 'qrData'], what: 'Value encoded by' },
    barcode: { kind: 'barcode', keys: ['barcodeValue', 'barcodeData'], what: 'Value encoded by' },
  };

/** The fields one element contributes, in the order they should be listed. */
export function fieldsOfElement(element: Record<string, unknown>): ElementField[] {
  const rawType = (str(element['type']) ?? '').trim().toLowerCase();
  const type = TYPE_ALIASES[rawType] ?? rawType;
  const name = str(element['name'])?.trim() || undefined;
  const rawId = element['id'];
  const elementId =
    typeof rawId === 'string' && rawId !== ''
      ? rawId
      : typeof rawId === 'number'
        ? String(rawId)
        : undefined;
  const elementLabel = name ?? elementId ?? (type || 'element');
  const base = { elementId, elementLabel };
  const fields: ElementField[] = [];

  let hasPlaceholder = false;
  for (const source of placeholderSources(type, element)) {
    if (source.value === undefined) continue;
    for (const key of placeholderKeys(source.value)) {
      hasPlaceholder = true;
      fields.push({
        ...base,
        key,
        kind: source.kind,
        target: 'dynamicData',
        currentValue: isOnlyPlaceholders(source.value) ? undefined : source.value,
        description: `Fills {{${key}}} in the ${source.what} "${elementLabel}".`,
      });
    }
  }
  if (element['isDynamic'] !== true || hasPlaceholder) return fields;

  const primary = DYNAMIC_PRIMARY[type];
  if (primary && name !== undefined) {
    fields.push({
      ...base,
      key: name,
      kind: primary.kind,
      target: 'dynamicData',
      currentValue: firstStr(element, primary.keys),
      description: `${primary.what} the dynamic element "${name}".`,
    });
  } else if (COLOR_SHAPES.has(type) && (name ?? elementId) !== undefined) {
    // dynamicElements is keyed by element name or id; the name is what users see in the editor.
    fields.push({
      ...base,
      key: (name ?? elementId)!,
      kind: 'color',
      target: 'dynamicElements',
      property: 'fill',
      currentValue: element['fill'],
      description: `Fill colour of the ${type} "${elementLabel}" (#hex, rgb(), hsl() or a CSS gradient).`,
    });
  }
  return fields;
}
