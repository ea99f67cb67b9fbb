import { readFile } from 'node:fs/promises';
import { Canvelete } from '@canvelete/core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  componentPath,
  OG_IMAGE_ID,
  PRODUCT_CARD_ID,
  STATIC_BANNER_ID,
  startWorld,
  TICKET_TEMPLATE_ID,
  type World,
} from './support.ts';

const RENDER_DESIGN = componentPath('actions/render-design/render-design.mjs');
const RENDER_MANY = componentPath('actions/render-many/render-many.mjs');

let world: World;
let client: Canvelete;
beforeAll(async () => {
  world = await startWorld();
  client = new Canvelete({ apiKey: world.sandbox.apiKey, baseUrl: world.sandbox.url });
});
afterAll(() => world.close());

async function step(path: string, props: Record<string, unknown>) {
  const action = await world.pd.action(path, { auth: world.auth });
  await action.configure(props);
  return action;
}

type Saved = { path: string; name: string; contentType: string; size: number };

describe('render-design: Source = Template', () => {
  it('builds the fields from the template’s typed variables', async () => {
    const action = await step(RENDER_DESIGN, { source: 'template' });
    expect(action.props().some((p) => p.name.startsWith('field_'))).toBe(false);
    await action.configure({ templateId: TICKET_TEMPLATE_ID });
    const fields = action.props().filter((p) => p.name.startsWith('field_'));
    expect(fields.map((p) => p.name).sort()).toEqual([
      'field_attendee_name',
      'field_attendee_photo',
      'field_ticket_number',
      'field_vip',
    ]);
    const spec = (name: string) => action.prop(name).spec;
    expect(spec('field_attendee_name')).toMatchObject({ type: 'string', optional: true });
    expect(String(spec('field_attendee_name').description)).toMatch(/^Text for `attendee_name`/);
    expect(spec('field_attendee_photo').type).toBe('string');
    expect(String(spec('field_attendee_photo').description)).toMatch(/^An image URL, or the path/);
    expect(spec('field_ticket_number').type).toBe('string');
    expect(String(spec('field_ticket_number').description)).toMatch(
      /^A number for `ticket_number`/,
    );
    expect(spec('field_vip').type).toBe('boolean');
    expect(String(spec('field_vip').description)).toContain('keep the template’s own value');
  });

  it('hides the id prop of the Source not in use', async () => {
    const action = await world.pd.action(RENDER_DESIGN, { auth: world.auth });
    const seen: Array<Record<string, { hidden?: boolean }>> = [];
    const original = action.component.additionalProps;
    // Records the prop definitions additionalProps leaves behind (the platform applies `hidden`).
    action.component.additionalProps = async function (this: unknown, existing) {
      const result = await original?.call(this, existing);
      seen.push(existing as Record<string, { hidden?: boolean }>);
      return result;
    };
    try {
      await action.configure({ source: 'template' });
      expect(seen.at(-1)?.designId?.hidden).toBe(true);
      expect(seen.at(-1)?.templateId?.hidden).toBe(false);
      await action.configure({ source: 'design' });
      expect(seen.at(-1)?.designId?.hidden).toBe(false);
      expect(seen.at(-1)?.templateId?.hidden).toBe(true);
    } finally {
      action.component.additionalProps = original;
    }
  });

  it('renders the template with templateId and returns a 1000×400 file', async () => {
    const action = await step(RENDER_DESIGN, {
      source: 'template',
      templateId: TICKET_TEMPLATE_ID,
      field_attendee_name: 'Ada Lovelace',
      field_ticket_number: '42',
      field_vip: true,
      format: 'png',
      saveFile: true,
      fileName: 'ticket.png',
    });
    const execution = action.execution();
    expect((await execution.start()).status).toBe('suspended');
    const result = await execution.next();
    expect(result.error).toBeUndefined();
    const output = result.returnValue as Record<string, unknown> & { file: Saved };
    expect(output).toMatchObject({
      status: 'completed',
      templateId: TICKET_TEMPLATE_ID,
      warnings: [],
    });
    expect(output.file).toMatchObject({ name: 'ticket.png', contentType: 'image/png' });
    const meta = await sharp(await readFile(output.file.path)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1000, height: 400 });
    // Sent as templateId: the API's record of the render names the template.
    const history = await client.renders.list({ limit: 50 });
    expect(history.items.find((r) => r.id === output.id)?.templateId).toBe(TICKET_TEMPLATE_ID);
  });

  it('checks values against the template’s types (a number field refuses text)', async () => {
    const action = await step(RENDER_DESIGN, {
      source: 'template',
      templateId: TICKET_TEMPLATE_ID,
      field_ticket_number: 'forty-two',
      waitForCompletion: false,
    });
    const result = await action.run();
    const { warnings } = result.returnValue as { warnings: string[] };
    expect(warnings.join(' ')).toMatch(/"ticket_number" \(number\): expected a number/);
  });

  it('asks for the template when Source is Template and none is chosen', async () => {
    const action = await step(RENDER_DESIGN, { source: 'template', designId: OG_IMAGE_ID });
    const result = await action.run({ test: true });
    expect((result.error as Error).name).toBe('ConfigurationError');
    expect((result.error as Error).message).toMatch(/^Template: choose the template/);
  });

  it('an unknown template id is a ConfigurationError naming Template', async () => {
    const action = await world.pd.action(RENDER_DESIGN, { auth: world.auth });
    await expect(
      action.configure({ source: 'template', templateId: 'cm4sbxn0texist0tmpl000000' }),
    ).rejects.toThrow(/^Template: /);
  });

  it('a step saved before Source existed (Design only) renders the design as before', async () => {
    const action = await step(RENDER_DESIGN, { designId: OG_IMAGE_ID, field_title: 'Old step' });
    const result = await action.run({ test: true });
    expect(result.error).toBeUndefined();
    expect(result.returnValue).toMatchObject({ status: 'completed', designId: OG_IMAGE_ID });
    expect((result.returnValue as { templateId?: string }).templateId).toBeUndefined();
  });
});

describe('render-many: Save Files and templates', () => {
  it('writes one file per item into STASH_DIR with the bytes of its render', async () => {
    const action = await step(RENDER_MANY, {
      designId: PRODUCT_CARD_ID,
      format: 'png',
      saveFiles: true,
      items: ['{"product_name": "One"}', '{"product_name": "Two"}', '{"product_name": "Three"}'],
    });
    const result = await action.run();
    expect(result.error).toBeUndefined();
    const output = result.returnValue as {
      succeeded: number;
      results: Array<{ index: number; ok: boolean; render: { url: string }; file: Saved }>;
    };
    expect(output.succeeded).toBe(3);
    expect(result.summary).toBe('Rendered 3 of 3; saved 3 files');
    const paths = output.results.map((entry) => entry.file.path);
    expect(new Set(paths).size).toBe(3);
    for (const entry of output.results) {
      expect(entry.file.path.startsWith(world.pd.stashDir)).toBe(true);
      expect(entry.file).toMatchObject({ contentType: 'image/png' });
      const saved = await readFile(entry.file.path);
      expect(entry.file.size).toBe(saved.byteLength);
      const served = await client.renders.download(entry.render as never);
      expect(Buffer.from(served.bytes).equals(saved)).toBe(true);
      expect(await sharp(saved).metadata()).toMatchObject({ format: 'png' });
    }
  });

  it('saves nothing by default', async () => {
    const action = await step(RENDER_MANY, { designId: STATIC_BANNER_ID, items: ['{}'] });
    const result = await action.run();
    const output = result.returnValue as { results: Array<{ ok: boolean; file?: unknown }> };
    expect(output.results[0]?.ok).toBe(true);
    expect(output.results[0]?.file).toBeUndefined();
  });

  it('renders a template’s items with templateId and typed values', async () => {
    const action = await step(RENDER_MANY, {
      source: 'template',
      templateId: TICKET_TEMPLATE_ID,
      saveFiles: true,
      items: ['{"attendee_name": "A", "ticket_number": "7", "vip": "true"}', '{"vip": false}'],
    });
    const result = await action.run();
    expect(result.error).toBeUndefined();
    const output = result.returnValue as {
      warnings: string[];
      results: Array<{ render: { templateId: string }; file: Saved }>;
    };
    expect(output.warnings).toEqual([]);
    for (const entry of output.results) {
      expect(entry.render.templateId).toBe(TICKET_TEMPLATE_ID);
      const meta = await sharp(await readFile(entry.file.path)).metadata();
      expect(meta).toMatchObject({ width: 1000, height: 400 });
    }
  });

  it('a failed item gets no file and fails alone', async () => {
    const action = await step(RENDER_MANY, {
      designId: STATIC_BANNER_ID,
      saveFiles: true,
      items: ['{"reference": "many-ok"}', '{"reference": "sandbox:fail-many-file"}'],
    });
    const result = await action.run();
    const output = result.returnValue as {
      succeeded: number;
      failed: number;
      results: Array<{ ok: boolean; file?: Saved; error?: { code: string } }>;
    };
    expect(output).toMatchObject({ succeeded: 1, failed: 1 });
    expect(output.results[0]?.file?.size).toBeGreaterThan(0);
    expect(output.results[1]).toMatchObject({ ok: false, error: { code: 'RENDER_FAILED' } });
    expect(output.results[1]?.file).toBeUndefined();
  });
});
