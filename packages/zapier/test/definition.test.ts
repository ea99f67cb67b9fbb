// The app definition as Zapier sees it. A change to any key or field changes the committed
// snapshot, so it shows up in review: existing Zaps depend on these keys.
// Update deliberately with `pnpm --filter @canvelete/zapier definition:update`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import zapier from 'zapier-platform-core';
import { handler } from './harness';

const SNAPSHOT = new URL('../definition.snap.json', import.meta.url);

type Definition = {
  version: string;
  triggers: Record<string, { operation: { inputFields?: { key: string }[] } }>;
  creates: Record<string, { operation: { inputFields?: Array<{ key: string } | string> } }>;
  searches: Record<string, unknown>;
  authentication: { fields: { key: string; type?: string }[] };
};

async function definition(): Promise<Definition> {
  const { results } = (await handler({ command: 'definition' })) as { results: Definition };
  // The release bump changes the version on its own; everything else must be a reviewed change.
  return { ...results, version: '<package version>' };
}

describe('app definition', () => {
  it('runs with Zapier’s runtime checks throwing (NODE_ENV=test)', () => {
    const constants = createRequire(import.meta.url)('zapier-platform-core/src/constants') as {
      IS_TESTING: boolean;
    };
    expect(constants.IS_TESTING).toBe(true);
  });

  it('passes Zapier’s own schema validation (what `zapier-platform validate` runs)', async () => {
    const { results } = (await handler({ command: 'validate' })) as { results: unknown[] };
    expect(results).toEqual([]);
  });

  it('matches the committed snapshot', async () => {
    const current = `${JSON.stringify(await definition(), null, 2)}\n`;
    if (process.env['UPDATE_DEFINITION'] === '1') writeFileSync(SNAPSHOT, current);
    expect(existsSync(SNAPSHOT), 'definition.snap.json is missing: run definition:update').toBe(
      true,
    );
    expect(current).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });

  it('keeps the keys existing Zaps use', async () => {
    const app = await definition();
    expect(Object.keys(app.triggers)).toEqual(
      expect.arrayContaining(['new_design', 'new_render_complete']),
    );
    const createDesign = app.creates['create_design'];
    const keys = (createDesign?.operation.inputFields ?? []).map((field) =>
      typeof field === 'string' ? field : field.key,
    );
    expect(keys).toEqual(
      expect.arrayContaining([
        'name',
        'description',
        'canvasData',
        'width',
        'height',
        'isTemplate',
        'visibility',
      ]),
    );
  });

  it('offers every operation of the issue', async () => {
    const app = await definition();
    expect(Object.keys(app.triggers).sort()).toEqual([
      'design_list',
      'new_design',
      'new_render',
      'new_render_complete',
      'template_list',
    ]);
    expect(Object.keys(app.creates).sort()).toEqual([
      'create_design',
      'render_design',
      'render_many',
    ]);
    expect(Object.keys(app.searches).sort()).toEqual(['find_design', 'find_render', 'get_usage']);
    const apiKey = app.authentication.fields.find((field) => field.key === 'apiKey');
    expect(apiKey?.type).toBe('password');
  });

  it('ships the same app from the built bundle Zapier loads (index.js → dist)', async () => {
    const built = createRequire(import.meta.url)('../index.js') as object;
    const builtHandler = (
      zapier as unknown as {
        createAppHandler(app: object): (event: Record<string, unknown>) => Promise<unknown>;
      }
    ).createAppHandler(built);
    const { results: errors } = (await builtHandler({ command: 'validate' })) as { results: [] };
    expect(errors).toEqual([]);
    const { results } = (await builtHandler({ command: 'definition' })) as { results: object };
    expect({ ...results, version: '<package version>' }).toEqual(await definition());
  });
});
