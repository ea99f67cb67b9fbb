import { defineCreate } from 'zapier-platform-core';
import { canveleteFor } from '../client';
import { withErrors } from '../errors';
import { DESIGN_OUTPUT_FIELDS, DESIGN_SAMPLE, designItem } from '../outputs';

function optionalNumber(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'number' ? value : Number(value);
}

function optionalBoolean(value: unknown): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  return String(value).trim().toLowerCase() === 'true';
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Creates a design. The input keys are the existing app's, so current Zaps keep working. */
export const createDesign = defineCreate({
  key: 'create_design',
  noun: 'Design',
  display: {
    label: 'Create Design',
    description: 'Creates a new design in your Canvelete account.',
  },
  operation: {
    inputFields: [
      { key: 'name', label: 'Name', required: true },
      { key: 'description', label: 'Description', type: 'text', required: false },
      {
        key: 'canvasData',
        label: 'Canvas Data (JSON)',
        type: 'code',
        required: false,
        helpText:
          'The design content as JSON, e.g. {"elements": [], "background": "#ffffff"}. Leave blank for an empty canvas.',
      },
      { key: 'width', label: 'Width (px)', type: 'integer', required: false, default: '1920' },
      { key: 'height', label: 'Height (px)', type: 'integer', required: false, default: '1080' },
      {
        key: 'isTemplate',
        label: 'Is Template',
        type: 'boolean',
        required: false,
        default: 'false',
      },
      {
        key: 'visibility',
        label: 'Visibility',
        required: false,
        choices: { PRIVATE: 'Private', PUBLIC: 'Public', UNLISTED: 'Unlisted', TEAM: 'Team' },
        default: 'PRIVATE',
      },
    ],
    perform: withErrors(async (z, bundle) => {
      const input = bundle.inputData;
      const design = await canveleteFor(z, bundle).designs.create({
        name: String(input['name'] ?? ''),
        description: optionalText(input['description']),
        canvasData: optionalText(input['canvasData']),
        width: optionalNumber(input['width']),
        height: optionalNumber(input['height']),
        isTemplate: optionalBoolean(input['isTemplate']),
        visibility: optionalText(input['visibility']),
      });
      return designItem(design);
    }),
    sample: DESIGN_SAMPLE,
    outputFields: DESIGN_OUTPUT_FIELDS,
  },
});
