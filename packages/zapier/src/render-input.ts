import {
  buildDynamicPayload,
  type Canvelete,
  type FieldSpec,
  type RenderInput,
  validationError,
  verifyWebhookSignature,
} from '@canvelete/core';
import type { Bundle, PlainInputField, ZObject } from 'zapier-platform-core';
import { authDataOf, canveleteFor } from './client';
import { dynamicFieldsFor, type RenderSource, toInputField, valuesFromInput } from './fields';

/** Design or template: the first question of every render action. */
export const SOURCE_FIELD: PlainInputField = {
  key: 'source',
  label: 'Render From',
  required: true,
  choices: { design: 'A design', template: 'A template' },
  default: 'design',
  altersDynamicFields: true,
};

/** The design or template dropdown that matches the chosen source. */
export function sourceDropdown(_z: ZObject, bundle: Bundle): PlainInputField[] {
  if (bundle.inputData['source'] === 'template') {
    return [
      {
        key: 'templateId',
        label: 'Template',
        required: true,
        dynamic: 'template_list.id.name',
        altersDynamicFields: true,
      },
    ];
  }
  return [
    {
      key: 'designId',
      label: 'Design',
      required: true,
      dynamic: 'design_list.id.name',
      search: 'find_design.id',
      altersDynamicFields: true,
      helpText: 'The design to render. Its dynamic fields appear below once chosen.',
    },
  ];
}

/** Fields shared by every render: output format and size. */
export const OUTPUT_OPTION_FIELDS: PlainInputField[] = [
  {
    key: 'format',
    label: 'Format',
    required: false,
    choices: { png: 'PNG', jpg: 'JPG', webp: 'WebP', pdf: 'PDF', svg: 'SVG' },
    default: 'png',
  },
  {
    key: 'quality',
    label: 'Quality',
    type: 'integer',
    required: false,
    helpText: '1–100, for JPG and WebP.',
  },
  {
    key: 'width',
    label: 'Width (px)',
    type: 'integer',
    required: false,
    helpText: 'Leave blank for the design size.',
  },
  {
    key: 'height',
    label: 'Height (px)',
    type: 'integer',
    required: false,
    helpText: 'Leave blank for the design size.',
  },
  {
    key: 'scale',
    label: 'Scale',
    type: 'number',
    required: false,
    helpText: '0.1–5, e.g. 2 for a double-resolution image.',
  },
];

export const REFERENCE_FIELD: PlainInputField = {
  key: 'reference',
  label: 'Reference',
  required: false,
  helpText:
    'Your own id for this render (up to 256 characters), e.g. an order number. It comes back on the render and lets the "Render Completed" trigger pick out these renders.',
};

/** Dynamic input fields for the chosen design or template. */
export async function dynamicInputFields(z: ZObject, bundle: Bundle): Promise<PlainInputField[]> {
  const { specs } = await dynamicFieldsFor(canveleteFor(z, bundle), bundle.inputData);
  return specs.map(toInputField);
}

/** Blank stays undefined; anything else goes to the core as a number, or as given so it names it. */
function numberOf(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number') return value;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : value;
}

function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The parts of a render input that come from the action's own (non-dynamic) fields. */
export function renderOptions(
  source: RenderSource,
  inputData: Record<string, unknown>,
): RenderInput {
  return {
    designId: source.designId,
    templateId: source.templateId,
    format: textOf(inputData['format']) as RenderInput['format'],
    quality: numberOf(inputData['quality']) as number | undefined,
    width: numberOf(inputData['width']) as number | undefined,
    height: numberOf(inputData['height']) as number | undefined,
    scale: numberOf(inputData['scale']) as number | undefined,
  };
}

export async function resolveSource(
  client: Canvelete,
  inputData: Record<string, unknown>,
): Promise<{ source: RenderSource; specs: FieldSpec[] }> {
  const { source, specs } = await dynamicFieldsFor(client, inputData);
  if (!source) {
    const field = inputData['source'] === 'template' ? 'templateId' : 'designId';
    throw validationError(field, 'choose what to render.');
  }
  return { source, specs };
}

/** One render's dynamic values (from the action, or from one line item) as a core input. */
export async function withDynamicValues(
  client: Canvelete,
  base: RenderInput,
  specs: FieldSpec[],
  values: Record<string, unknown>,
): Promise<{ input: RenderInput; warnings: string[] }> {
  const payload = buildDynamicPayload(specs, await valuesFromInput(client, specs, values));
  return {
    input: {
      ...base,
      reference: textOf(values['reference']),
      dynamicData: payload.dynamicData,
      dynamicElements: payload.dynamicElements,
    },
    warnings: payload.warnings,
  };
}

/**
 * A callback is only a wake-up call; the render is read again through the API. When the connection
 * has a signing secret the callback must also carry a valid signature.
 */
export function verifyCallback(bundle: Bundle): void {
  const secret = authDataOf(bundle).webhookSecret;
  if (!secret) return;
  verifyWebhookSignature({
    payload: bundle.rawRequest?.content ?? '',
    headers: bundle.rawRequest?.headers ?? {},
    secret,
  });
}
