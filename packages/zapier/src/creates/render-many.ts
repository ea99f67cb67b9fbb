import { type Batch, idempotencyKeyFor, validationError } from '@canvelete/core';
import {
  type Bundle,
  defineCreate,
  type PlainInputField,
  type PlainOutputField,
  type ZObject,
} from 'zapier-platform-core';
import { canveleteFor, stepDeadline } from '../client';
import { withErrors } from '../errors';
import { dynamicFieldsFor, toInputField } from '../fields';
import { dehydratedRenderFile } from '../hydrators';
import { RENDER_OUTPUT_FIELDS, RENDER_SAMPLE, renderItem } from '../outputs';
import {
  OUTPUT_OPTION_FIELDS,
  REFERENCE_FIELD,
  renderOptions,
  resolveSource,
  SOURCE_FIELD,
  sourceDropdown,
  verifyCallback,
  withDynamicValues,
} from '../render-input';

interface StartedBatch {
  batchId: string;
  warnings: string | null;
}

/** One line-item group: a row per render, with the design's dynamic fields as its columns. */
async function rowFields(z: ZObject, bundle: Bundle): Promise<PlainInputField[]> {
  const { specs } = await dynamicFieldsFor(canveleteFor(z, bundle), bundle.inputData);
  return [
    {
      key: 'items',
      label: 'Renders',
      helpText: 'One row per render. Map line items here to render one file per line item.',
      children: [
        ...specs.map((spec) => ({ ...toInputField(spec), required: false })),
        REFERENCE_FIELD,
      ],
    },
  ];
}

/** Zapier's line items arrive as an array of objects keyed by the child field keys. */
function rowsOf(inputData: Record<string, unknown>): Record<string, unknown>[] {
  const rows = inputData['items'];
  if (!Array.isArray(rows) || rows.length === 0) {
    throw validationError('items', 'add at least one row (map line items to render several).');
  }
  return rows.map((row) => (typeof row === 'object' && row !== null ? row : {}));
}

function batchOutput(z: ZObject, batch: Batch, warnings: string | null) {
  const results = batch.renders.map((render, index) => ({
    index,
    ...renderItem(render),
    file: render.status === 'completed' ? dehydratedRenderFile(z, render.id) : null,
  }));
  return {
    id: batch.id,
    total: results.length,
    succeeded: results.filter((r) => r.status === 'completed').length,
    failed: results.filter((r) => r.status !== 'completed').length,
    results,
    warnings,
  };
}

const perform = withErrors(async (z, bundle) => {
  const client = canveleteFor(z, bundle);
  const { source, specs } = await resolveSource(client, bundle.inputData);
  const base = renderOptions(source, bundle.inputData);
  const warnings: string[] = [];
  const items = [];
  for (const [index, row] of rowsOf(bundle.inputData).entries()) {
    const built = await withDynamicValues(client, base, specs, row);
    warnings.push(...built.warnings.map((warning) => `Row ${index + 1}: ${warning}`));
    items.push(built.input);
  }
  const warningText = warnings.length > 0 ? warnings.join('\n') : null;
  if (bundle.meta?.isLoadingSample) {
    const started = await client.renders.batch({ items });
    const batch = started.completed
      ? started
      : await client.renders.waitForBatch(started.id, { deadline: stepDeadline() });
    return batchOutput(z, batch, warningText);
  }
  const callbackUrl = z.generateCallbackUrl();
  const batch = await client.renders.batch(
    { items, callbackUrl },
    { idempotencyKey: idempotencyKeyFor('zapier', 'render_many', callbackUrl) },
  );
  const pending: StartedBatch = { batchId: batch.id, warnings: warningText };
  return pending;
});

const performResume = withErrors(async (z, bundle) => {
  verifyCallback(bundle);
  const started = bundle.outputData as StartedBatch;
  const client = canveleteFor(z, bundle);
  const current = await client.renders.retrieveBatch(started.batchId);
  const batch = current.completed
    ? current
    : await client.renders.waitForBatch(started.batchId, { deadline: stepDeadline() });
  return batchOutput(z, batch, started.warnings ?? null);
});

/** Renders many rows of one design in a single batch, with one callback and a result per row. */
export const renderMany = defineCreate({
  key: 'render_many',
  noun: 'Render',
  display: {
    label: 'Render Many',
    description:
      'Renders one design once per line item, in a single batch, and returns a result for every row.',
  },
  operation: {
    inputFields: [SOURCE_FIELD, sourceDropdown, ...OUTPUT_OPTION_FIELDS, withErrors(rowFields)],
    perform,
    performResume,
    sample: {
      id: 'bat_sample',
      total: 1,
      succeeded: 1,
      failed: 0,
      results: [{ index: 0, ...RENDER_SAMPLE, file: RENDER_SAMPLE.url }],
      warnings: null,
    },
    outputFields: [
      { key: 'id', label: 'Batch ID', type: 'string' } as PlainOutputField,
      { key: 'total', label: 'Renders', type: 'integer' },
      { key: 'succeeded', label: 'Succeeded', type: 'integer' },
      { key: 'failed', label: 'Failed', type: 'integer' },
      { key: 'results[]index', label: 'Row', type: 'integer' },
      ...RENDER_OUTPUT_FIELDS.map((field) => ({ ...field, key: `results[]${field.key}` })),
      { key: 'results[]file', label: 'File', type: 'file' },
      { key: 'warnings', label: 'Warnings', type: 'string' },
    ],
  },
});
