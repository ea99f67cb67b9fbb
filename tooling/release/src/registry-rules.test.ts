import { describe, expect, it } from 'vitest';
import { checkRegistryTree } from './registry-rules.ts';

const action = (key: string, version = '0.0.1', type = 'action') =>
  `import app from '../../canvelete.app.mjs';\nexport default { key: '${key}', version: '${version}', type: '${type}', props: { app } };\n`;

function tree(overrides: Record<string, string | undefined> = {}) {
  const files: Record<string, string | undefined> = {
    'package.json': '{}',
    'canvelete.app.mjs':
      "import { axios } from '@pipedream/platform';\nexport default { type: 'app', app: 'canvelete' };",
    'actions/render-design/render-design.mjs': action('canvelete-render-design'),
    'sources/new-render/new-render.mjs': action('canvelete-new-render', '0.1.0', 'source'),
    'sources/new-render/test-event.mjs': "export default { id: 'rnd_1' };",
    'common/canvelete-core.mjs': "import { createHash } from 'node:crypto';\nexport const x = 1;",
    ...overrides,
  };
  return new Map(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}

const check = (overrides?: Record<string, string | undefined>) =>
  checkRegistryTree(tree(overrides), 'canvelete', ['@pipedream/platform']);

describe('checkRegistryTree', () => {
  it('accepts the registry layout and lists its components', () => {
    const report = check();
    expect(report.problems).toEqual([]);
    expect(report.components).toEqual([
      {
        key: 'canvelete-new-render',
        kind: 'source',
        folder: 'new-render',
        path: 'sources/new-render/new-render.mjs',
        version: '0.1.0',
      },
      {
        key: 'canvelete-render-design',
        kind: 'action',
        folder: 'render-design',
        path: 'actions/render-design/render-design.mjs',
        version: '0.0.1',
      },
    ]);
  });

  it('requires key = canvelete-<folder>, semver, the right type, and unique keys', () => {
    expect(
      check({ 'actions/render-design/render-design.mjs': action('render-design') }).problems,
    ).toEqual([
      "actions/render-design/render-design.mjs: key 'render-design' must be 'canvelete-render-design' (derived from the path)",
    ]);
    expect(
      check({ 'actions/render-design/render-design.mjs': action('canvelete-render-design', '1.0') })
        .problems,
    ).toEqual(["actions/render-design/render-design.mjs: version '1.0' is not semver"]);
    expect(
      check({
        'actions/render-design/render-design.mjs': action(
          'canvelete-render-design',
          '0.0.1',
          'source',
        ),
      }).problems,
    ).toEqual(["actions/render-design/render-design.mjs: type must be 'action'"]);
    const dup = check({
      'actions/new-render/new-render.mjs': action('canvelete-new-render'),
    }).problems;
    expect(dup.some((p) => p.includes("key 'canvelete-new-render' duplicates"))).toBe(true);
  });

  it('allows one component per folder, at <folder>/<folder>.mjs, in .mjs only', () => {
    expect(
      check({ 'actions/render-design/other.mjs': action('canvelete-other') }).problems,
    ).toEqual([
      'actions/render-design: one component per folder, but actions/render-design/other.mjs also declares a key',
    ]);
    expect(
      check({
        'actions/render-design/render-design.mjs': undefined,
        'actions/render-design/index.mjs': action('canvelete-render-design'),
      }).problems,
    ).toEqual([
      'actions/render-design: no render-design.mjs (the publish step expects <folder>/<folder>.mjs)',
    ]);
    expect(check({ 'actions/x/x.js': action('canvelete-x') }).problems).toEqual([
      'actions/x/x.js: registry components are ESM .mjs files only',
    ]);
  });

  it('flags npm imports other than the allowed ones (a core import left unvendored) and dangling paths', () => {
    const problems = check({
      'common/errors.mjs':
        "import { CanveleteError } from '@canvelete/core';\nimport x from './gone.mjs';",
    }).problems;
    expect(problems).toEqual([
      'common/errors.mjs: imports @canvelete/core (allowed: @pipedream/platform)',
      'common/errors.mjs: imports ./gone.mjs, which is not in the exported tree',
    ]);
  });

  it('requires the app file with the folder slug', () => {
    expect(
      check({ 'canvelete.app.mjs': "export default { type: 'app', app: 'other' };" }).problems,
    ).toEqual(["canvelete.app.mjs: app slug is not 'canvelete'"]);
    expect(check({ 'canvelete.app.mjs': undefined }).problems).toContain(
      'no canvelete.app.mjs at the root of components/canvelete',
    );
  });
});
