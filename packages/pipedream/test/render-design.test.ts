import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentPath, OG_IMAGE_ID, STATIC_BANNER_ID, startWorld, type World } from './support.ts';

const RENDER_DESIGN = componentPath('actions/render-design/render-design.mjs');

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world.close());

async function step(props: Record<string, unknown>) {
  const action = await world.pd.action(RENDER_DESIGN, { auth: world.auth });
  await action.configure(props);
  return action;
}

// A 1×1 transparent PNG.
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

describe('render-design: dynamic props', () => {
  it('turns the design’s dynamic fields into additional props when the design is chosen', async () => {
    const action = await step({ designId: OG_IMAGE_ID });
    const names = action.props().map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'field_title',
        'field_subtitle',
        'field_author_avatar',
        'field_author_name',
      ]),
    );
    expect(action.prop('field_title').spec).toMatchObject({ type: 'string', optional: true });
    expect(String(action.prop('field_author_avatar').spec.description)).toContain('URL');
    await action.configure({ designId: STATIC_BANNER_ID });
    expect(action.props().some((p) => p.name.startsWith('field_'))).toBe(false);
    expect(action.prop('noFields').spec.type).toBe('alert');
  });
});

describe('render-design: waiting', () => {
  it('creates the render on run 1 with the resume URL and is woken by the sandbox’s real callback', async () => {
    const action = await step({
      designId: OG_IMAGE_ID,
      format: 'png',
      saveFile: true,
      field_title: 'Hello Pipedream',
    });
    const execution = action.execution();
    const first = await execution.start();
    expect(first.error).toBeUndefined();
    expect(first.status).toBe('suspended');
    expect(first.summary).toMatch(/^Started render \S+; waiting/);
    const second = await execution.next();
    expect(second.error).toBeUndefined();
    expect(second).toMatchObject({ status: 'success', runs: 2 });
    const output = second.returnValue as Record<string, unknown> & { file: { path: string } };
    expect(output).toMatchObject({ status: 'completed', format: 'png', designId: OG_IMAGE_ID });
    expect(output.reference).toBe(`pipedream-${execution.executionId}`);
    expect(output.file.path.startsWith(world.pd.stashDir)).toBe(true);
    expect((await readFile(output.file.path)).subarray(1, 4).toString()).toBe('PNG');
    expect(second.summary).toContain(output.file.path);
  });

  it('falls back to polling when the callback never arrives, finding the render by its reference', async () => {
    const action = await step({ designId: OG_IMAGE_ID, reference: 'poll-fallback' });
    const execution = action.execution({ callbacks: 'drop' });
    expect((await execution.start()).status).toBe('suspended');
    let result = await execution.elapse();
    for (let i = 0; i < 5 && result.status === 'suspended'; i++) {
      await world.sandbox.idle();
      result = await execution.elapse();
    }
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('success');
    expect(result.returnValue).toMatchObject({ status: 'completed', reference: 'poll-fallback' });
  });

  it('ignores a forged callback that names another render', async () => {
    const other = await (await step({ designId: STATIC_BANNER_ID })).run({ test: true });
    const otherId = (other.returnValue as { id: string }).id;
    const action = await step({ designId: OG_IMAGE_ID, reference: 'forged-check' });
    const execution = action.execution();
    const first = await execution.start();
    // The forger knows the resume URL but not the secret: the wake-up is honoured, its content not.
    await fetch(first.rerun?.resumeUrl ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'render.completed', data: { renderId: otherId } }),
    });
    let result = await execution.next();
    for (let i = 0; i < 5 && result.status === 'suspended'; i++) {
      await world.sandbox.idle();
      result = await execution.elapse();
    }
    expect(result.status).toBe('success');
    expect(result.returnValue).toMatchObject({ reference: 'forged-check', designId: OG_IMAGE_ID });
    expect((result.returnValue as { id: string }).id).not.toBe(otherId);
  });

  it('in test mode, where rerun is unavailable, polls within $.context.deadline', async () => {
    const action = await step({ designId: OG_IMAGE_ID, format: 'jpg', quality: 80 });
    const result = await action.run({ test: true });
    expect(result.error).toBeUndefined();
    expect(result.status).toBe('success');
    expect(result.returnValue).toMatchObject({ status: 'completed', format: 'jpg' });
    expect(result.rerun).toBeUndefined();
  });

  it('returns the pending render at once when Wait for Completion is off', async () => {
    const action = await step({ designId: OG_IMAGE_ID, waitForCompletion: false });
    const result = await action.run();
    expect(result.status).toBe('success');
    expect(['pending', 'processing', 'completed']).toContain(
      (result.returnValue as { status: string }).status,
    );
  });
});

describe('render-design: inputs and idempotency', () => {
  it('renders each execution once: a retry of the same execution replays the same render', async () => {
    const action = await step({ designId: OG_IMAGE_ID, field_title: 'Once' });
    await world.sandbox.idle();
    const before = world.sandbox.stats().rendersPerformed;
    const first = await action.run({ test: true, executionId: 'e_retry_1' });
    const again = await action.run({ test: true, executionId: 'e_retry_1' });
    const other = await action.run({ test: true, executionId: 'e_retry_2' });
    const id = (r: typeof first) => (r.returnValue as { id: string }).id;
    expect(id(again)).toBe(id(first));
    expect(id(other)).not.toBe(id(first));
    expect(world.sandbox.stats().rendersPerformed - before).toBe(2);
  });

  it('a retried first run (same execution, new resume URL) waits for the render it already started', async () => {
    const action = await step({ designId: OG_IMAGE_ID, field_title: 'Retried' });
    const original = action.execution({ callbacks: 'drop' });
    const first = await original.start();
    await world.sandbox.idle();
    const before = world.sandbox.stats().rendersPerformed;
    const retry = action.execution({ executionId: original.executionId, callbacks: 'drop' });
    const again = await retry.start();
    expect(again.error).toBeUndefined();
    expect(again.status).toBe('suspended');
    expect(again.summary).toBe(first.summary);
    await world.sandbox.idle();
    const done = await retry.elapse();
    expect(done.status).toBe('success');
    expect(world.sandbox.stats().rendersPerformed).toBe(before);
  });

  it('accepts a file path for an image field and sends it as a data URL', async () => {
    const path = join(world.pd.stashDir, 'avatar.png');
    await writeFile(path, PIXEL_PNG);
    const action = await step({ designId: OG_IMAGE_ID, field_author_avatar: 'avatar.png' });
    const result = await action.run({ test: true });
    expect(result.error).toBeUndefined();
    expect(result.returnValue).toMatchObject({ status: 'completed', warnings: [] });
  });

  it('reports keys that match no field as warnings', async () => {
    const action = await step({ designId: OG_IMAGE_ID, dynamicData: { not_a_field: 'x' } });
    const result = await action.run({ test: true });
    const { warnings } = result.returnValue as { warnings: string[] };
    expect(warnings.join(' ')).toContain('not_a_field');
  });
});
