import { fileURLToPath } from 'node:url';
import { checkRegistryApp } from '@canvelete/testing/pipedream';
import { describe, expect, it } from 'vitest';

describe('the registry layout (findBadKeys.js, publish workflow, guidelines)', () => {
  it('has canvelete-<folder> keys, semver versions and no problems', async () => {
    const report = await checkRegistryApp(
      fileURLToPath(new URL('../components/canvelete', import.meta.url)),
    );
    expect(report.problems).toEqual([]);
    expect(report.appSlug).toBe('canvelete');
    expect(report.components.map((c) => `${c.type}:${c.key}`).sort()).toEqual([
      'action:canvelete-create-design',
      'action:canvelete-get-render',
      'action:canvelete-get-usage',
      'action:canvelete-list-designs',
      'action:canvelete-render-design',
      'action:canvelete-render-many',
      'source:canvelete-new-design',
      'source:canvelete-new-render',
      'source:canvelete-new-render-completed',
    ]);
    // Each component versions on its own from 0.0.1 (bumped by `pnpm components:bump`, checked
    // against tooling/release/components.lock.json by the release check).
    for (const component of report.components) {
      expect(component.version).toMatch(/^0\.\d+\.\d+$/);
    }
  });
});
