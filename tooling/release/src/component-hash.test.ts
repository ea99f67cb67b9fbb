import { describe, expect, it } from 'vitest';
import {
  componentHash,
  localClosure,
  readComponentVersion,
  writeComponentVersion,
} from './component-hash.ts';

const component = (version: string, extra = '') =>
  [
    "import app from '../../canvelete.app.mjs';",
    "import { translateErrors } from '../../common/errors.mjs';",
    "import { axios } from '@pipedream/platform';",
    'export default {',
    "  key: 'canvelete-get-usage',",
    `  version: '${version}',`,
    "  type: 'action',",
    `  async run() { return 1; }${extra}`,
    '};',
  ].join('\n');

function tree(overrides: Record<string, string> = {}) {
  return new Map(
    Object.entries({
      'actions/get-usage/get-usage.mjs': component('0.0.1'),
      'actions/list/list.mjs':
        "import app from '../../canvelete.app.mjs';\nexport default { version: '0.0.1' };",
      'canvelete.app.mjs':
        "import { Canvelete } from './common/canvelete-core.mjs';\nexport default { app: 'canvelete' };",
      'common/errors.mjs':
        "import { CanveleteError } from './canvelete-core.mjs';\nexport const translateErrors = 1;",
      'common/canvelete-core.mjs': 'export class Canvelete {}\nexport class CanveleteError {}',
      'common/unused.mjs': 'export const unused = 1;',
      ...overrides,
    }),
  );
}

describe('localClosure', () => {
  it('follows relative imports transitively, including the vendored core, and not npm packages', () => {
    expect(localClosure(tree(), 'actions/get-usage/get-usage.mjs')).toEqual([
      'actions/get-usage/get-usage.mjs',
      'canvelete.app.mjs',
      'common/canvelete-core.mjs',
      'common/errors.mjs',
    ]);
  });

  it('fails on an import that is not in the tree', () => {
    const broken = tree({ 'common/errors.mjs': "import x from './missing.mjs';" });
    expect(() => localClosure(broken, 'actions/get-usage/get-usage.mjs')).toThrow(
      'common/missing.mjs is imported but not in the exported tree',
    );
  });
});

describe('componentHash', () => {
  const entry = 'actions/get-usage/get-usage.mjs';

  it('changes when the component, a common file it imports or the vendored core changes', () => {
    const base = componentHash(tree(), entry);
    expect(componentHash(tree(), entry)).toBe(base);
    expect(componentHash(tree({ [entry]: component('0.0.1', ' // edited') }), entry)).not.toBe(
      base,
    );
    expect(
      componentHash(tree({ 'common/errors.mjs': 'export const translateErrors = 2;' }), entry),
    ).not.toBe(base);
    expect(
      componentHash(
        tree({ 'common/canvelete-core.mjs': 'export class Canvelete { x = 1 }' }),
        entry,
      ),
    ).not.toBe(base);
  });

  it('ignores files the component does not reach, and its own version literal', () => {
    const base = componentHash(tree(), entry);
    expect(componentHash(tree({ 'common/unused.mjs': 'export const unused = 2;' }), entry)).toBe(
      base,
    );
    expect(componentHash(tree({ [entry]: component('0.0.2') }), entry)).toBe(base);
  });

  it('mixes in extra data (the app hash covers its npm dependencies)', () => {
    const files = tree();
    expect(componentHash(files, 'canvelete.app.mjs', '{"@pipedream/platform":"^3.4.0"}')).not.toBe(
      componentHash(files, 'canvelete.app.mjs', '{"@pipedream/platform":"^3.5.0"}'),
    );
  });
});

describe('component version literal', () => {
  it('reads and rewrites exactly one version literal', () => {
    const text = component('0.0.7');
    expect(readComponentVersion(text, 'x.mjs')).toBe('0.0.7');
    const bumped = writeComponentVersion(text, 'x.mjs', '0.0.8');
    expect(readComponentVersion(bumped, 'x.mjs')).toBe('0.0.8');
    expect(bumped.replace('0.0.8', '0.0.7')).toBe(text);
  });

  it('does not mistake apiVersion for the version, and refuses zero or two literals', () => {
    expect(readComponentVersion("apiVersion: 'v2',\nversion: '1.0.0',", 'x.mjs')).toBe('1.0.0');
    expect(() => readComponentVersion("apiVersion: 'v2'", 'x.mjs')).toThrow(/found 0/);
    expect(() => readComponentVersion("version: '1.0.0', version: '2.0.0'", 'x.mjs')).toThrow(
      /found 2/,
    );
  });
});
