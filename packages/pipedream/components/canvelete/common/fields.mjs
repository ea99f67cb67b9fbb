import { isAbsolute, join } from 'node:path';
import { getFileStreamAndMetadata } from '@pipedream/platform';

/**
 * The design's dynamic fields (the core's `describeFields`, ARCHITECTURE seam 2) as Pipedream
 * `additionalProps`, and the configured values back into the `{ key: value }` the core's
 * `buildDynamicPayload` takes. Prop names are stable per key so values survive a reload.
 */
const PROP_PREFIX = 'field_';

const KIND_HINTS = {
  text: 'Text',
  image:
    'An image URL, or the path of a file in the workflow’s temp folder (e.g. `/tmp/photo.png`)',
  qr: 'The value the QR code encodes',
  barcode: 'The value the barcode encodes',
  color: 'A colour such as `#ff6600`',
  number: 'A number',
  boolean: 'True or false',
};

/** `[spec, propName]` pairs in field order; colliding sanitised names get a counter. */
export function fieldPropNames(specs) {
  const taken = new Set();
  return specs.map((spec) => {
    const base = `${PROP_PREFIX}${String(spec.key).replace(/[^A-Za-z0-9_]/g, '_')}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    return [spec, name];
  });
}

function describe(spec, noun) {
  const parts = [`${KIND_HINTS[spec.kind] ?? 'Value'} for \`${spec.key}\`.`];
  if (spec.description) parts.push(spec.description);
  if (spec.currentValue !== undefined && spec.currentValue !== '') {
    parts.push(`The ${noun} shows: \`${String(spec.currentValue).slice(0, 80)}\`.`);
  }
  if (!spec.required) parts.push(`Leave empty to keep the ${noun}’s own value.`);
  return parts.join(' ');
}

/**
 * One prop per field: `boolean` for boolean fields, `string` for the rest (numbers included, so an
 * expression such as `{{steps.x.count}}` or a decimal fits; the core turns the text into a number).
 * `noun` is what the field belongs to in the descriptions: `design` or `template`.
 */
export function fieldProps(specs, noun = 'design') {
  const props = {};
  for (const [spec, name] of fieldPropNames(specs)) {
    props[name] = {
      type: spec.kind === 'boolean' ? 'boolean' : 'string',
      label: spec.label,
      description: describe(spec, noun),
      optional: !spec.required,
    };
  }
  return props;
}

/** The configured field values, keyed by field key (blank values included: the core skips them). */
export function fieldValues(specs, self) {
  const values = {};
  for (const [spec, name] of fieldPropNames(specs)) {
    if (self[name] !== undefined) values[spec.key] = self[name];
  }
  return values;
}

function isUrl(value) {
  return /^(https?:|data:)/i.test(value);
}

/**
 * Image fields take a URL as is, or a file path, which is read (relative paths from `STASH_DIR`)
 * and sent as a `data:` URL. The platform's own file helper reads it, so File Stash paths work too.
 */
export async function resolveImageFiles(specs, values) {
  const resolved = { ...values };
  for (const spec of specs) {
    const value = resolved[spec.key];
    if (spec.kind !== 'image' || typeof value !== 'string' || value === '' || isUrl(value))
      continue;
    const path = isAbsolute(value) ? value : join(process.env.STASH_DIR || '/tmp', value);
    const { stream, metadata } = await getFileStreamAndMetadata(path);
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    const type = metadata.contentType || 'application/octet-stream';
    resolved[spec.key] = `data:${type};base64,${Buffer.concat(chunks).toString('base64')}`;
  }
  return resolved;
}
