import { buildDynamicPayload, describeFields } from '@canvelete/core';
import app from '../../canvelete.app.mjs';
import { translateErrors } from '../../common/errors.mjs';
import {
  fieldPropNames,
  fieldProps,
  fieldValues,
  resolveImageFiles,
} from '../../common/fields.mjs';
import { saveRenderedFile } from '../../common/files.mjs';
import { isResuming, renderWithWait, runIdempotencyKey } from '../../common/render-wait.mjs';

const LABELS = {
  designId: 'Design',
  format: 'Format',
  quality: 'Quality',
  width: 'Width',
  height: 'Height',
  scale: 'Scale',
  reference: 'Reference',
  dynamicData: 'Extra Dynamic Data',
};

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-render-design',
  name: 'Render Design',
  description:
    'Render a Canvelete design to PNG, JPG, WebP, PDF or SVG, filling its dynamic fields. Waits for the file by pausing the workflow until Canvelete calls back. [See the documentation](https://docs.canvelete.com/api-reference/render)',
  version: '0.0.2',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
    idempotentHint: true,
  },
  props: {
    app,
    designId: {
      propDefinition: [app, 'designId'],
      reloadProps: true,
    },
    format: { propDefinition: [app, 'format'] },
    quality: {
      type: 'integer',
      label: 'Quality',
      description: 'JPG and WebP quality, 1–100.',
      min: 1,
      max: 100,
      optional: true,
    },
    width: {
      type: 'integer',
      label: 'Width',
      description: 'Output width in pixels (1–10,000). Leave empty for the design’s width.',
      optional: true,
    },
    height: {
      type: 'integer',
      label: 'Height',
      description: 'Output height in pixels (1–10,000). Leave empty for the design’s height.',
      optional: true,
    },
    scale: {
      type: 'string',
      label: 'Scale',
      description: 'Scale factor from 0.1 to 5, e.g. `2` for a retina image.',
      optional: true,
    },
    reference: { propDefinition: [app, 'reference'] },
    dynamicData: {
      type: 'object',
      label: 'Extra Dynamic Data',
      description:
        'Values for keys that have no field above, as `{ "key": "value" }`. Fields above win.',
      optional: true,
    },
    waitForCompletion: {
      type: 'boolean',
      label: 'Wait for Completion',
      description:
        'Pause the workflow until the file is ready (Canvelete calls the step back; polling is the fallback). Off: return the pending render at once.',
      optional: true,
      default: true,
    },
    saveFile: { propDefinition: [app, 'saveFile'] },
    fileName: {
      type: 'string',
      label: 'File Name',
      description: 'Name of the saved file. Default: the name Canvelete gives it.',
      optional: true,
    },
  },
  /** @this {any} */
  async additionalProps() {
    if (!this.designId) return {};
    const design = await translateErrors(() => this.app.client().designs.retrieve(this.designId), {
      labels: LABELS,
      subject: 'Design',
    });
    const specs = describeFields(design);
    if (specs.length === 0) {
      return {
        noFields: {
          type: 'alert',
          alertType: 'info',
          content: 'This design has no dynamic fields: it renders as designed.',
        },
      };
    }
    return fieldProps(specs);
  },
  methods: {
    scaleValue() {
      if (this.scale === undefined || this.scale === null || this.scale === '') return undefined;
      const scale = Number(this.scale);
      return Number.isFinite(scale) ? scale : this.scale;
    },
    async renderInput(client) {
      const design = await client.designs.retrieve(this.designId);
      const specs = describeFields(design);
      const values = await resolveImageFiles(specs, {
        ...(typeof this.dynamicData === 'object' ? this.dynamicData : {}),
        ...fieldValues(specs, this),
      });
      const payload = buildDynamicPayload(specs, values);
      const labels = { ...LABELS };
      for (const [spec] of fieldPropNames(specs)) labels[`dynamicData.${spec.key}`] = spec.label;
      const input = {
        designId: this.designId,
        format: this.format || undefined,
        quality: this.quality,
        width: this.width,
        height: this.height,
        scale: this.scaleValue(),
        reference: this.reference || undefined,
        dynamicData: payload.dynamicData,
        dynamicElements: payload.dynamicElements,
      };
      return { input, warnings: payload.warnings, labels };
    },
    async output($, client, render, warnings) {
      const output = { ...render, warnings };
      if (this.saveFile && render.status === 'completed') {
        output.file = await saveRenderedFile(await client.renders.download(render), this.fileName);
      }
      $.export(
        '$summary',
        render.status === 'completed'
          ? `Rendered ${render.format ?? 'file'} ${render.id}${output.file ? ` to ${output.file.path}` : ''}`
          : `Render ${render.id} is ${render.status}`,
      );
      return output;
    },
  },
  /** @param {any} options */
  async run({ $ }) {
    const client = this.app.client($);
    let labels = LABELS;
    return translateErrors(
      async () => {
        let render;
        // A rerun of a paused step only reads the render again: the input was sent on run 1.
        if (this.waitForCompletion !== false && isResuming($)) {
          const outcome = await renderWithWait({
            $,
            client,
            scope: 'render-design',
            secrets: [this.app.accountSigningSecret()].filter(Boolean),
          });
          if (outcome.pending) return undefined;
          return this.output($, client, outcome.render, outcome.context.warnings ?? []);
        }
        const prepared = await this.renderInput(client);
        labels = prepared.labels;
        const { input, warnings } = prepared;
        if (this.waitForCompletion === false) {
          render = await client.renders.createAsync(input, {
            idempotencyKey: runIdempotencyKey($, 'render-design', input),
          });
        } else {
          // Waiting on a deployed workflow needs a reference to find the render again.
          if (!input.reference && $.context?.id && !$.context?.JIT) {
            input.reference = `pipedream-${$.context.id}`;
          }
          const outcome = await renderWithWait({
            $,
            client,
            input,
            scope: 'render-design',
            secrets: [this.app.accountSigningSecret()].filter(Boolean),
            carry: { warnings },
          });
          if (outcome.pending) return undefined;
          render = outcome.render;
        }
        return this.output($, client, render, warnings);
      },
      {
        get labels() {
          return labels;
        },
        subject: 'Design',
      },
    );
  },
};
