import { buildDynamicPayload, describeFields } from '@canvelete/core';
import { ConfigurationError } from '@pipedream/platform';
import app from '../../canvelete.app.mjs';
import { toPipedreamError, translateErrors } from '../../common/errors.mjs';
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

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-render-many',
  name: 'Render Many',
  description:
    'Render many variants in one step, with rate-limit-aware concurrency; each item gets its own result, so one failure never fails the rest. [See the documentation](https://docs.canvelete.com/api-reference/render)',
  version: '0.0.2',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
  },
  props: {
    app,
    designId: {
      propDefinition: [app, 'designId'],
      description: 'The design every item renders, unless an item names its own `designId`.',
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
  },
  /** @param {any} options */
  async run({ $ }) {
    const client = this.app.client($);
    const rawItems = Array.isArray(this.items) ? this.items : [this.items];
    const parsed = rawItems.map(parseItem);
    return translateErrors(
      async () => {
        const specsByDesign = new Map();
        const specsFor = async (designId) => {
          if (!specsByDesign.has(designId)) {
            specsByDesign.set(designId, describeFields(await client.designs.retrieve(designId)));
          }
          return specsByDesign.get(designId);
        };
        const warnings = [];
        const inputs = [];
        for (const [index, item] of parsed.entries()) {
          if (INPUT_KEYS.some((key) => key in item)) {
            inputs.push({ designId: this.designId, format: this.format || undefined, ...item });
            continue;
          }
          const payload = buildDynamicPayload(await specsFor(this.designId), item);
          for (const warning of payload.warnings) warnings.push(`Item ${index + 1}: ${warning}`);
          inputs.push({
            designId: this.designId,
            format: this.format || undefined,
            dynamicData: payload.dynamicData,
            dynamicElements: payload.dynamicElements,
          });
        }
        const results = await client.renderMany(inputs, {
          mode: 'record',
          concurrency: this.concurrency ?? 4,
          deadline: pollDeadline($),
          // A retry of this execution replays finished items instead of rendering them again.
          idempotencyKey: (index, input) => runIdempotencyKey($, `render-many-${index}`, input),
        });
        const failures = results.filter((result) => !result.ok);
        if (results.length > 0 && failures.length === results.length) throw failures[0].error;
        $.export(
          '$summary',
          `Rendered ${results.length - failures.length} of ${results.length}${failures.length ? ` (${failures.length} failed)` : ''}`,
        );
        return {
          succeeded: results.length - failures.length,
          failed: failures.length,
          warnings,
          results: results.map((result) =>
            result.ok
              ? { index: result.index, ok: true, render: result.value }
              : {
                  index: result.index,
                  ok: false,
                  error: {
                    code: result.error.code,
                    message: toPipedreamError(result.error).message,
                    requestId: result.error.requestId,
                    retryable: result.error.retryable,
                  },
                },
          ),
        };
      },
      { labels: { designId: 'Design', format: 'Format', dynamicData: 'Items' } },
    );
  },
};
