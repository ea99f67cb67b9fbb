import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, zapierErrorOf } from './harness';
import {
  designIdNamed,
  PRODUCT_CARD,
  pngSize,
  resumeBundle,
  stashedAt,
  TICKET_TEMPLATE,
} from './helpers';

const PERFORM = 'creates.render_design.operation.perform';
const RESUME = 'creates.render_design.operation.performResume';
const INPUT_FIELDS = 'creates.render_design.operation.inputFields';

let harness: Harness;
let productCard: string;
beforeAll(async () => {
  harness = await startHarness();
  productCard = await designIdNamed(harness, PRODUCT_CARD);
});
afterAll(() => harness.close());

type Field = { key: string; type?: string; placeholder?: string; dynamic?: string };

describe('render_design input fields', () => {
  it('lists the chosen design’s dynamic fields, typed, with current values as placeholders', async () => {
    const fields = await harness.run<Field[]>(INPUT_FIELDS, {
      inputData: { source: 'design', designId: productCard },
    });
    const byKey = Object.fromEntries(fields.map((field) => [field.key, field]));
    expect(byKey['designId']?.dynamic).toBe('design_list.id.name');
    expect(byKey['data__product__image']?.type).toBe('file');
    expect(byKey['data__badge']?.placeholder).toBe('#ef4444');
    expect(byKey['data__badge__text']?.placeholder).toBe('NEW');
    expect(byKey['data__product__name']?.type).toBe('string');
    expect(fields.map((field) => field.key)).toEqual(
      expect.arrayContaining(['format', 'quality', 'width', 'height', 'scale', 'reference']),
    );
  });

  it('switches to the template dropdown and the template’s variables', async () => {
    const templateId = await designIdNamed(harness, TICKET_TEMPLATE);
    const fields = await harness.run<Field[]>(INPUT_FIELDS, {
      inputData: { source: 'template', templateId },
    });
    const keys = fields.map((field) => field.key);
    expect(keys).toContain('templateId');
    expect(keys).not.toContain('designId');
    expect(keys).toEqual(expect.arrayContaining(['data__attendee__name', 'data__attendee__photo']));
  });

  it('shows no dynamic fields before a design is chosen', async () => {
    const fields = await harness.run<Field[]>(INPUT_FIELDS, { inputData: { source: 'design' } });
    expect(fields.some((field) => field.key.startsWith('data__'))).toBe(false);
  });
});

describe('render_design while loading a sample (synchronous)', () => {
  it('renders, stashes the file and returns the labelled output', async () => {
    const result = await harness.run<Record<string, unknown>>(PERFORM, {
      inputData: {
        source: 'design',
        designId: productCard,
        data__product__name: 'Sample Bottle',
        format: 'png',
        reference: 'sample-1',
      },
      meta: { isLoadingSample: true },
    });
    expect(result['status']).toBe('completed');
    expect(result['reference']).toBe('sample-1');
    expect(result['format']).toBe('png');
    const file = stashedAt(harness, result['file']);
    expect(pngSize(file.bytes)).toEqual({ width: 800, height: 1000 });
    expect(file.contentType).toBe('image/png');
  });

  it('puts the substituted text into the file', async () => {
    const name = `Bottle ${randomUUID().slice(0, 8)}`;
    const result = await harness.run<Record<string, unknown>>(PERFORM, {
      inputData: { designId: productCard, data__product__name: name, format: 'svg' },
      meta: { isLoadingSample: true },
    });
    expect(stashedAt(harness, result['file']).bytes.toString('utf8')).toContain(name);
  });

  it('renders a template with its variables', async () => {
    const templateId = await designIdNamed(harness, TICKET_TEMPLATE);
    const result = await harness.run<Record<string, unknown>>(PERFORM, {
      inputData: {
        source: 'template',
        templateId,
        data__attendee__name: 'Ada Lovelace',
        format: 'svg',
      },
      meta: { isLoadingSample: true },
    });
    expect(result['templateId'] ?? result['designId']).toBe(templateId);
    expect(stashedAt(harness, result['file']).bytes.toString('utf8')).toContain('Ada Lovelace');
  });

  it('sends a Zapier file for an image field as a data: URL', async () => {
    const marker = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    // A file as an earlier Zap step hands it over: a URL inside Zapier's file storage, which
    // Canvelete could not fetch itself.
    const zapierFileUrl = harness.fake.putFile(marker, 'image/png', 'photo.png');
    const result = await harness.run<Record<string, unknown>>(PERFORM, {
      inputData: {
        designId: productCard,
        data__product__image: zapierFileUrl,
        format: 'svg',
      },
      meta: { isLoadingSample: true },
    });
    const svg = stashedAt(harness, result['file']).bytes.toString('utf8');
    expect(svg).toContain(marker.toString('base64'));
  });

  it('reports a size out of range as invalid data naming the field', async () => {
    const caught = await zapierErrorOf(
      harness.run(PERFORM, {
        inputData: { designId: productCard, width: '20000' },
        meta: { isLoadingSample: true },
      }),
    );
    expect(caught.name).toBe('AppError');
    expect(caught.code).toBe('InvalidData');
    expect(caught.message).toContain('width');
  });
});

describe('render_design in a Zap run (callback)', () => {
  it('starts the render with the callback URL and resumes from the callback', async () => {
    const callbackUrl = harness.fake.callbackUrl(randomUUID());
    const started = await harness.run<Record<string, unknown>>(
      PERFORM,
      {
        inputData: {
          designId: productCard,
          data__product__name: 'Callback Bottle',
          reference: 'order-77',
          data__not__a__field: 'ignored',
        },
      },
      { callbackUrl },
    );
    expect(typeof started['id']).toBe('string');
    const [delivery] = await harness.fake.waitForDeliveries(
      new URL(callbackUrl).pathname.split('/').pop()!,
    );
    const result = await harness.run<Record<string, unknown>>(
      RESUME,
      resumeBundle(started, delivery!),
    );
    expect(result['id']).toBe(started['id']);
    expect(result['status']).toBe('completed');
    expect(result['reference']).toBe('order-77');
    expect(pngSize(stashedAt(harness, result['file']).bytes)).toEqual({ width: 800, height: 1000 });
  });

  it('uses the same render when Zapier re-runs the same step (idempotency from the callback URL)', async () => {
    const callbackUrl = harness.fake.callbackUrl(randomUUID());
    const input = { inputData: { designId: productCard, data__price: '$9' } };
    const first = await harness.run<{ id: string }>(PERFORM, input, { callbackUrl });
    const again = await harness.run<{ id: string }>(PERFORM, input, { callbackUrl });
    expect(again.id).toBe(first.id);
    const other = await harness.run<{ id: string }>(PERFORM, input);
    expect(other.id).not.toBe(first.id);
  });

  it('refuses a callback whose signature does not verify', async () => {
    const name = randomUUID();
    const callbackUrl = harness.fake.callbackUrl(name);
    const started = await harness.run(
      PERFORM,
      { inputData: { designId: productCard } },
      { callbackUrl },
    );
    const [delivery] = await harness.fake.waitForDeliveries(name);
    const forged = {
      ...delivery!,
      rawRequest: {
        ...delivery!.rawRequest,
        content: delivery!.rawRequest.content.replace('"', ' "'),
      },
    };
    const caught = await zapierErrorOf(harness.run(RESUME, resumeBundle(started, forged)));
    expect(caught.name).toBe('HaltedError');
    expect(caught.message).toContain('WEBHOOK_VERIFICATION_FAILED');
  });

  it('fails the step with the render error when the render failed', async () => {
    const name = randomUUID();
    const callbackUrl = harness.fake.callbackUrl(name);
    const started = await harness.run(
      PERFORM,
      { inputData: { designId: productCard, reference: 'sandbox:fail-on-purpose' } },
      { callbackUrl },
    );
    const [delivery] = await harness.fake.waitForDeliveries(name);
    const caught = await zapierErrorOf(harness.run(RESUME, resumeBundle(started, delivery!)));
    expect(caught.name).toBe('AppError');
    expect(caught.code).toBe('RenderFailed');
  });
});
