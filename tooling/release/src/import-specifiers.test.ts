import { describe, expect, it } from 'vitest';
import {
  isNodeBuiltin,
  moduleSpecifiers,
  packageNameOf,
  relativeSpecifier,
  resolveRelative,
  rewritePackageImports,
} from './import-specifiers.ts';

describe('moduleSpecifiers', () => {
  it('finds static, side-effect, re-export and dynamic imports, multi-line included', () => {
    const text = [
      "import app from '../../canvelete.app.mjs';",
      'import {',
      '  a,',
      '  b,',
      "} from '@canvelete/core';",
      "import 'node:process';",
      "export { x } from './x.mjs';",
      'export * from "./y.mjs";',
      "const lazy = await import('./lazy.mjs');",
    ].join('\n');
    expect(moduleSpecifiers(text).sort()).toEqual(
      [
        '../../canvelete.app.mjs',
        './lazy.mjs',
        './x.mjs',
        './y.mjs',
        '@canvelete/core',
        'node:process',
      ].sort(),
    );
  });

  it('ignores imports inside comments (JSDoc type imports) and strings that are not imports', () => {
    const text = [
      "/** @type {import('@pipedream/types').Action<any, any>} */",
      "// import nope from 'nope';",
      "export default { description: 'Renders from the design', url: 'https://x.test/a' };",
    ].join('\n');
    expect(moduleSpecifiers(text)).toEqual([]);
  });
});

describe('paths and package names', () => {
  it('computes POSIX relative specifiers that always start with a dot', () => {
    expect(relativeSpecifier('actions/a/a.mjs', 'common/core.mjs')).toBe('../../common/core.mjs');
    expect(relativeSpecifier('common/errors.mjs', 'common/core.mjs')).toBe('./core.mjs');
    expect(relativeSpecifier('canvelete.app.mjs', 'common/core.mjs')).toBe('./common/core.mjs');
    expect(resolveRelative('actions/a/a.mjs', '../../common/x.mjs')).toBe('common/x.mjs');
  });

  it('names packages and built-ins', () => {
    expect(packageNameOf('@pipedream/platform/dist/x')).toBe('@pipedream/platform');
    expect(packageNameOf('lodash/get')).toBe('lodash');
    expect(isNodeBuiltin('node:fs/promises')).toBe(true);
    expect(isNodeBuiltin('crypto')).toBe(true);
    expect(isNodeBuiltin('@canvelete/core')).toBe(false);
  });
});

describe('rewritePackageImports', () => {
  it('points every import of the package at the vendored file, relative to each importer', () => {
    const text = 'import { A } from \'@canvelete/core\';\nimport { B } from "@canvelete/core";\n';
    const nested = rewritePackageImports(
      text,
      'sources/s/s.mjs',
      '@canvelete/core',
      'common/core.mjs',
    );
    expect(nested.count).toBe(2);
    expect(nested.text).toBe(
      'import { A } from \'../../common/core.mjs\';\nimport { B } from "../../common/core.mjs";\n',
    );
    const sibling = rewritePackageImports(
      text,
      'common/errors.mjs',
      '@canvelete/core',
      'common/core.mjs',
    );
    expect(sibling.text).toContain("from './core.mjs'");
  });

  it('leaves other packages alone and refuses sub-path imports the vendored build cannot serve', () => {
    const other =
      "import { axios } from '@pipedream/platform';\nimport x from '@canvelete/core-extra';";
    expect(rewritePackageImports(other, 'a.mjs', '@canvelete/core', 'common/core.mjs')).toEqual({
      text: other,
      count: 0,
    });
    expect(() =>
      rewritePackageImports(
        "import x from '@canvelete/core/errors';",
        'a.mjs',
        '@canvelete/core',
        'c.mjs',
      ),
    ).toThrow(/only the root is vendored/);
  });
});
