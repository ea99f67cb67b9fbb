import { buildDynamicPayload, describeFields } from '@canvelete/core';
import { ConfigurationError } from '@pipedream/platform';
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
  templateId: 'Template',
  format: 'Format',
  quality: 'Quality',
  width: 'Width',
  height: 'Height',
  scale: 'Scale',
  reference: 'Reference',
  dynamicData: 'Extra Dynamic Data',
};

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

/** @type {import('@pipedream/types').Action<any, any>} */
export default {
  key: 'canvelete-render-design',
  name: 'Render Design',
  description:
    'Render a Canvelete design or template to PNG, JPG, WebP, PDF or SVG, filling its dynamic fields. Waits for the file by pausing the workflow until Canvelete calls back. [See the documentation](https://docs.canvelete.com/api-reference/render)',
  version: '0.1.0',
  type: 'action',
  annotations: {
    destructiveHint: false,
    openWorldHint: true,
    readOnlyHint: false,
    idempotentHint: true,
  },
  props: {
    app,
    source: {
      type: 'string',
      label: 'Source',
      description:
        'Render one of your designs, or a template from the Canvelete library (its typed variables become the fields below).',
      options: SOURCE_OPTIONS,
      optional: true,
      default: 'design',
      reloadProps: true,
    },
    // Both optional so the form never asks for the one the Source does not use; the run checks
    // that the chosen one is set. Steps saved before Source existed have only a Design: Source
    // defaults to Design, so they render as before.
    designId: {
      propDefinition: [app, 'designId'],
      description:
        'The design to render (Source: Design). Search by name, or enter a design ID (from the editor URL).',
      optional: true,
      reloadProps: true,
    },
    templateId: {
      propDefinition: [app, 'templateId'],
      description:
        'The template to render (Source: Template). Search by name, or enter its ID. Its variables become fields.',
      optional: true,
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
  async additionalProps(existingProps) {
    const target = this.target();
    // Only the id prop of the chosen Source is shown.
    if (existingProps?.designId) existingProps.designId.hidden = target.kind !== 'design';
    if (existingProps?.templateId) existingProps.templateId.hidden = target.kind !== 'template';
    if (!target.id) return {};
    const record = await translateErrors(() => this.retrieveTarget(this.app.client(), target), {
      labels: LABELS,
      subject: target.label,
    });
    const specs = describeFields(record);
    if (specs.length === 0) {
      return {
        noFields: {
          type: 'alert',
          alertType: 'info',
          content: `This ${target.kind} has no dynamic fields: it renders as designed.`,
        },
      };
    }
    return fieldProps(specs, target.kind);
  },
  methods: {
    /** What to render: the Source's kind, the id from its prop, and that prop's label. */
    target() {
      return this.source === 'template'
        ? { kind: 'template', key: 'templateId', id: this.templateId, label: 'Template' }
        : { kind: 'design', key: 'designId', id: this.designId, label: 'Design' };
    },
    /** A template is read as a template, so its declared variable types (number, boolean) count. */
    retrieveTarget(client, target) {
      return target.kind === 'template'
        ? client.templates.retrieve(target.id)
        : client.designs.retrieve(target.id);
    },
    scaleValue() {
      if (this.scale === undefined || this.scale === null || this.scale === '') return undefined;
      const scale = Number(this.scale);
      return Number.isFinite(scale) ? scale : this.scale;
    },
    async renderInput(client) {
      const target = this.target();
      if (!target.id) {
        throw new ConfigurationError(
          `${target.label}: choose the ${target.kind} to render (Source is ${target.label}).`,
        );
      }
      const specs = describeFields(await this.retrieveTarget(client, target));
      const values = await resolveImageFiles(specs, {
        ...(typeof this.dynamicData === 'object' ? this.dynamicData : {}),
        ...fieldValues(specs, this),
      });
      const payload = buildDynamicPayload(specs, values);
      const labels = { ...LABELS };
      for (const [spec] of fieldPropNames(specs)) labels[`dynamicData.${spec.key}`] = spec.label;
      const input = {
        [target.key]: target.id,
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
      // A template render names its template even where the API's record leaves it out.
      const target = this.target();
      if (target.kind === 'template' && !output.templateId) output.templateId = target.id;
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
        subject: this.target().label,
      },
    );
  },
};
