import type { DynamicPayload, FieldKind, FieldSpec } from './types.js';

type Coerced = { ok: true; value: unknown } | { ok: false; problem: string };

const MAX_KEYS_IN_WARNING = 20;

/** Blank keeps the design's own value. `null` counts as blank too: platforms send it for "empty". */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isImageReference(value: string): boolean {
  if (/^data:/i.test(value)) return true;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function coerce(kind: FieldKind, value: unknown): Coerced {
  switch (kind) {
    case 'number': {
      if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) {
        return { ok: true, value: Number(value) };
      }
      return { ok: false, problem: 'expected a number' };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return { ok: true, value };
      const text = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return { ok: false, problem: 'expected true or false' };
    }
    case 'image': {
      if (typeof value === 'string' && isImageReference(value.trim())) {
        return { ok: true, value: value.trim() };
      }
      return { ok: false, problem: 'expected an http(s) URL or a data: URL' };
    }
    case 'color':
      return typeof value === 'string'
        ? { ok: true, value: value.trim() }
        : { ok: false, problem: 'expected a colour such as "#ff0000"' };
    default: {
      // text, qr, barcode: the server turns the value into text, so 0 and false are real values.
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        return { ok: true, value };
      }
      if (typeof value === 'bigint') return { ok: true, value: value.toString() };
      if (value instanceof Date && !Number.isNaN(value.getTime())) {
        return { ok: true, value: value.toISOString() };
      }
      return { ok: false, problem: 'expected text, a number or a boolean' };
    }
  }
}

/** Own, enumerable property even for keys like "__proto__" (user-chosen keys end up here). */
function put<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

function knownKeysText(specs: FieldSpec[]): string {
  if (specs.length === 0) return 'this design has no dynamic fields';
  const keys = specs.slice(0, MAX_KEYS_IN_WARNING).map((spec) => spec.key);
  const more =
    specs.length > MAX_KEYS_IN_WARNING ? `, and ${specs.length - MAX_KEYS_IN_WARNING} more` : '';
  return `known fields: ${keys.join(', ')}${more}`;
}

/**
 * Turns user values into the render's `dynamicData` / `dynamicElements`. Blank values (undefined,
 * null, '') are left out so the design keeps its own value; 0 and false are sent. Values that do not
 * fit the field's kind are left out with a warning. Keys matching no field are still sent in
 * `dynamicData` (the server ignores unknown keys, and our field list may miss a placeholder) and
 * reported as warnings. Nothing here throws.
 */
export function buildDynamicPayload(
  specs: FieldSpec[],
  values: Record<string, unknown>,
): DynamicPayload {
  const payload: DynamicPayload = { dynamicData: {}, dynamicElements: {}, warnings: [] };
  const input = typeof values === 'object' && values !== null ? values : {};
  const has = (key: string) => Object.hasOwn(input, key);
  const byKey = new Map<string, FieldSpec>();
  for (const spec of specs) if (!byKey.has(spec.key)) byKey.set(spec.key, spec);

  for (const spec of byKey.values()) {
    if (!has(spec.key) || isBlank(input[spec.key])) continue;
    const result = coerce(spec.kind, input[spec.key]);
    if (!result.ok) {
      payload.warnings.push(
        `"${spec.key}" (${spec.kind}): ${result.problem}, got ${describeValue(input[spec.key])}; not sent, so the design keeps its own value.`,
      );
      continue;
    }
    if (spec.target === 'dynamicElements') {
      put(payload.dynamicElements, spec.key, { [spec.property ?? 'fill']: result.value });
    } else {
      put(payload.dynamicData, spec.key, result.value);
    }
  }

  for (const key of Object.keys(input)) {
    if (byKey.has(key)) continue;
    const value = input[key];
    const sent = isBlank(value)
      ? 'it is blank, so nothing was sent'
      : 'it was sent in dynamicData anyway';
    if (!isBlank(value)) put(payload.dynamicData, key, value);
    payload.warnings.push(
      `"${key}" matches no field of this design (${knownKeysText(specs)}); ${sent}.`,
    );
  }
  return payload;
}
