import { idempotencyKeyFor } from '@canvelete/core';
import { defineCreate, type PlainOutputField } from 'zapier-platform-core';
import { canveleteFor, stepDeadline } from '../client';
import { withErrors } from '../errors';
import {
  RENDER_FILE_OUTPUT_FIELD,
  RENDER_OUTPUT_FIELDS,
  RENDER_SAMPLE,
  renderWithStashedFile,
} from '../outputs';
import {
  dynamicInputFields,
  OUTPUT_OPTION_FIELDS,
  REFERENCE_FIELD,
  renderOptions,
  resolveSource,
  SOURCE_FIELD,
  sourceDropdown,
  verifyCallback,
  withDynamicValues,
} from '../render-input';

/** What perform hands to performResume (Zapier keeps it as bundle.outputData). */
interface StartedRender {
  id: string;
  warnings: string | null;
}

function warningsText(warnings: string[]): string | null {
  return warnings.length > 0 ? warnings.join('\n') : null;
}

const perform = withErrors(async (z, bundle) => {
  const client = canveleteFor(z, bundle);
  const { source, specs } = await resolveSource(client, bundle.inputData);
  const { input, warnings } = await withDynamicValues(
    client,
    renderOptions(source, bundle.inputData),
    specs,
    bundle.inputData,
  );
  if (bundle.meta?.isLoadingSample) {
    // The Zap editor cannot wait for a callback: render synchronously within the step's budget.
    const deadline = stepDeadline();
    const render = await client.renders.create(input, { deadline });
    return {
      ...(await renderWithStashedFile(z, client, render, deadline)),
      warnings: warningsText(warnings),
    };
  }
  const callbackUrl = z.generateCallbackUrl();
  // Zapier exposes no run id; the callback URL identifies this step's run, so a re-invocation of
  // the same run replays the same render instead of rendering (and billing) twice.
  const started = await client.renders.createAsync(
    { ...input, callbackUrl },
    { idempotencyKey: idempotencyKeyFor('zapier', 'render_design', callbackUrl) },
  );
  const pending: StartedRender = { id: started.id, warnings: warningsText(warnings) };
  return pending;
});

const performResume = withErrors(async (z, bundle) => {
  verifyCallback(bundle);
  const started = bundle.outputData as StartedRender;
  const client = canveleteFor(z, bundle);
  const deadline = stepDeadline();
  const render = await client.renders.wait(started.id, { deadline });
  return {
    ...(await renderWithStashedFile(z, client, render, deadline)),
    warnings: started.warnings ?? null,
  };
});

/** Renders a design or template with the Zap's data; waits for the file through a callback. */
export const renderDesign = defineCreate({
  key: 'render_design',
  noun: 'Render',
  display: {
    label: 'Render Design',
    description:
      'Renders a design or template to PNG, JPG, WebP, PDF or SVG with your data, and returns the file.',
  },
  operation: {
    inputFields: [
      SOURCE_FIELD,
      sourceDropdown,
      // The editor shows a failed field load as the step's error: the same mapping as perform.
      withErrors(dynamicInputFields),
      ...OUTPUT_OPTION_FIELDS,
      REFERENCE_FIELD,
    ],
    perform,
    performResume,
    sample: { ...RENDER_SAMPLE, file: RENDER_SAMPLE.url, warnings: null },
    outputFields: [
      RENDER_FILE_OUTPUT_FIELD,
      ...RENDER_OUTPUT_FIELDS,
      {
        key: 'warnings',
        label: 'Warnings (fields the design does not use)',
        type: 'string',
      } as PlainOutputField,
    ],
  },
});
