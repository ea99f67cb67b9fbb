import { fileURLToPath } from 'node:url';
import { checkRegistryApp } from '@canvelete/testing/pipedream';
import { describe, expect, it } from 'vitest';

describe('the registry layout (findBadKeys.js, publish workflow, guidelines)', () => {
  it('has canvelete-<folder> keys, versions from 0.0.1 and no problems', async () => {
    const report = await checkRegistryApp(
      fileURLToPath(new URL('../components/canvelete', import.meta.url)),
    );
    expect(report.problems).toEqual([]);
    expect(report.appSlug).toBe('canvelete');
    expect(report.components.map((c) => `${c.type}:${c.key}@${c.version}`).sort()).toEqual([
      'action:canvelete-create-design@0.0.1',
      'action:canvelete-get-render@0.0.1',
      'action:canvelete-get-usage@0.0.1',
      'action:canvelete-list-designs@0.0.1',
      'action:canvelete-render-design@0.0.1',
      'action:canvelete-render-many@0.0.1',
      'source:canvelete-new-design@0.0.1',
      'source:canvelete-new-render-completed@0.0.1',
      'source:canvelete-new-render@0.0.1',
    ]);
  });
});
