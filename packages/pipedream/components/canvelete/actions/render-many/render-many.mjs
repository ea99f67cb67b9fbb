import { buildDynamicPayload, describeFields, toCanveleteError } from '@canvelete/core';
import { ConfigurationError } from '@pipedream/platform';
import app from '../../canvelete.app.mjs';
import { toPipedreamError, translateErrors } from '../../common/errors.mjs';
import { saveRenderedFile } from '../../common/files.mjs';
import { pollDeadline, runIdempotencyKey } from '../../common/render-wait.mjs';

const INPUT_KEYS = [
  'designId',
  'templateId',
  'format',
  'quality',
  'width',
  'height',
  'scale',
  'dynamicData',
  'dynamicElements',
  'reference',
];

function parseItem(raw, index) {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) return raw;
  try {
    const parsed = JSON.parse(String(raw));
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed;
  } catch {
    // reported below
  }
  throw new ConfigurationError(
    `Items: entry ${index + 1} must be a JSON object such as {"title": "Hello"}; got ${String(raw).slice(0, 60)}`,
  );
}

const SOURCE_OPTIONS = [
  {
    label: 'Design',
    value: 'design',
  },
  {
    label: 'Template',
    value: 'template',
  },
];

function errorEntry(error) {
  return {
    code: error.code,
    message: toPipedreamError(error).message,
    requestId: error.requestId,
    retryable: error.retryable,
  };
}

/** Runs `work` on each entry, at most `limit` at once. */
async function eachLimited(entries, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < entries.length) await work(entries[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, entries.length) }, worker));
}

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-render-many',
  name: 'Render Many',
  description:
    'Render many variants in one step, with rate-limit-aware concurrency; each item gets its own result, so one failure never fails the rest. [See the documentation](https://docs.canvelete.com/api-reference/render)',
  version: '0.1.1',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
  props: {
    app,
    source: {
      type: 'string',
      label: 'Source',
      description:
        'Render one of your designs, or a template from the Canvelete library (its typed variables read the items’ values).',
      options: SOURCE_OPTIONS,
      optional: true,
      default: 'design',
    },
    // Both optional: the run checks that the one the Source names is set. Steps saved before
    // Source existed have only a Design, and Source defaults to Design.
    designId: {
      propDefinition: [app, 'designId'],
      description:
        'The design every item renders (Source: Design), unless an item names its own `designId` or `templateId`.',
      optional: true,
    },
    templateId: {
      propDefinition: [app, 'templateId'],
      description:
        'The template every item renders (Source: Template), unless an item names its own `designId` or `templateId`.',
      optional: true,
    },
    items: {
      type: 'string[]',
      label: 'Items',
      description:
        'One render per entry: a JSON object of field values (`{"title": "Hello"}`), or a full render input (`{"dynamicData": {…}, "format": "jpg", "reference": "row-7"}`).',
    },
    format: { propDefinition: [app, 'format'] },
    concurrency: {
      type: 'integer',
      label: 'Concurrency',
      description: 'Renders in flight at once; lowered automatically while rate-limited.',
      min: 1,
      max: 16,
      optional: true,
      default: 4,
    },
    saveFiles: {
      type: 'boolean',
      label: 'Save Files',
      description:
        'Also download each finished render into the workflow’s temp folder (`STASH_DIR`, or `/tmp`) and return its path as `file` on its result.',
      optional: true,
      default: false,
    },
  },
  methods: {
    /** What plain items render: the Source's kind, the id from its prop, and that prop's label. */
    target() {
      return this.source === 'template'
        ? { kind: 'template', key: 'templateId', id: this.templateId, label: 'Template' }
        : { kind: 'design', key: 'designId', id: this.designId, label: 'Design' };
    },
    /** Downloads one finished render into STASH_DIR under a name unique to the item. */
    async saveFile(client, index, render) {
      const file = await client.renders.download(render);
      const extension = file.format ?? render.format ?? 'bin';
      return saveRenderedFile(file, `item-${index + 1}-${render.id}.${extension}`);
    },
  },
  /** @param {any} options */
  async run({ $ }) {
    const client = this.app.client($);
    const rawItems = Array.isArray(this.items) ? this.items : [this.items];
    const parsed = rawItems.map(parseItem);
    const target = this.target();
    const needsTarget = parsed.some((item) => !('designId' in item) && !('templateId' in item));
    if (needsTarget && !target.id) {
      throw new ConfigurationError(
        `${target.label}: choose the ${target.kind} the items render (Source is ${target.label}), or name a designId or templateId in every item.`,
      );
    }
    return translateErrors(
      async () => {
        /** Field specs per design or template, fetched once each. */
        const specsById = new Map();
        const specsFor = (kind = target.kind, id = target.id) => {
          const key = `${kind}:${id}`;
          if (!specsById.has(key)) {
            specsById.set(
              key,
              (kind === 'template'
                ? client.templates.retrieve(id)
                : client.designs.retrieve(id)
              ).then(describeFields),
            );
          }
          return specsById.get(key);
        };
        const warnings = [];
        const inputs = [];
        for (const [index, item] of parsed.entries()) {
          const own = 'designId' in item || 'templateId' in item;
          const {
            dynamicData = {},
            dynamicElements,
            ...options
          } = INPUT_KEYS.some((key) => key in item) ? item : { dynamicData: item };
          // Field values mean the same in a plain item and in a full render input: colours and
          // the like become element properties, as in Render Design.
          // An item's own design that cannot be read fails that item alone, when it renders.
          const specs = own
            ? await specsFor(
                'templateId' in item ? 'template' : 'design',
                item.templateId ?? item.designId,
              ).catch(() => undefined)
            : await specsFor();
          const payload = specs
            ? buildDynamicPayload(specs, dynamicData)
            : { dynamicData, dynamicElements: {}, warnings: [] };
          for (const warning of payload.warnings) warnings.push(`Item ${index + 1}: ${warning}`);
          inputs.push({
            // An item that names its own design or template renders that one alone.
            ...(own ? {} : { [target.key]: target.id }),
            format: this.format || undefined,
            ...options,
            dynamicData: payload.dynamicData,
            dynamicElements: { ...payload.dynamicElements, ...dynamicElements },
          });
        }
        const results = await client.renderMany(inputs, {
          mode: 'record',
          concurrency: this.concurrency ?? 4,
          deadline: pollDeadline($),
          // A retry of this execution replays finished items instead of rendering them again.
          idempotencyKey: (index, input) => runIdempotencyKey($, `render-many-${index}`, input),
        });
        /** The error of each failed item, by index, to fail the step with when all failed. */
        const causes = new Map();
        const entries = results.map((result) => {
          if (result.ok) {
            // A template render names its template even where the API's record leaves it out.
            const { templateId } = inputs[result.index];
            const render =
              templateId && !result.value.templateId
                ? { ...result.value, templateId }
                : result.value;
            return { index: result.index, ok: true, render };
          }
          causes.set(result.index, result.error);
          return { index: result.index, ok: false, error: errorEntry(result.error) };
        });
        if (this.saveFiles) {
          const finished = entries.filter(
            (entry) => entry.ok && entry.render.status === 'completed',
          );
          await eachLimited(finished, this.concurrency ?? 4, async (entry) => {
            try {
              entry.file = await this.saveFile(client, entry.index, entry.render);
            } catch (error) {
              // The render exists but its file could not be fetched: this item failed, not the rest.
              const cause = toCanveleteError(error);
              causes.set(entry.index, cause);
              entry.ok = false;
              entry.error = errorEntry(cause);
            }
          });
        }
        const failures = entries.filter((entry) => !entry.ok);
        if (entries.length > 0 && failures.length === entries.length) {
          throw causes.get(failures[0].index);
        }
        const saved = entries.filter((entry) => entry.file).length;
        $.export(
          '$summary',
          `Rendered ${entries.length - failures.length} of ${entries.length}${failures.length ? ` (${failures.length} failed)` : ''}${this.saveFiles ? `; saved ${saved} file${saved === 1 ? '' : 's'}` : ''}`,
        );
        return {
          succeeded: entries.length - failures.length,
          failed: failures.length,
          warnings,
          results: entries,
        };
      },
      {
        labels: {
          designId: 'Design',
          templateId: 'Template',
          format: 'Format',
          dynamicData: 'Items',
        },
        subject: target.label,
      },
    );
  },
};
