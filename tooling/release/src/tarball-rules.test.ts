import { describe, expect, it } from 'vitest';
import { parseTarListing } from './tarball.ts';
import {
  checkPackedPackage,
  declaredFiles,
  devOnlyFiles,
  type PackedManifest,
  unexpectedRuntimeModules,
} from './tarball-rules.ts';

const core: PackedManifest = {
  name: '@canvelete/core',
  version: '0.1.0',
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  files: ['dist', 'README.md', 'LICENSE'],
  dependencies: { valibot: '1.5.0' },
};
const coreFiles = [
  'LICENSE',
  'README.md',
  'package.json',
  'dist/index.cjs',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/index.d.cts',
];

describe('declaredFiles', () => {
  it('collects main, module, types, bin, nested exports and n8n entries', () => {
    expect(declaredFiles(core)).toEqual([
      'dist/index.cjs',
      'dist/index.d.cts',
      'dist/index.d.ts',
      'dist/index.js',
      'package.json',
    ]);
    expect(
      declaredFiles({
        name: 'n',
        version: '1.0.0',
        bin: { 'canvelete-sandbox': './dist/cli.js' },
        n8n: {
          nodes: ['dist/nodes/A.node.js'],
          credentials: ['dist/credentials/A.credentials.js'],
        },
        exports: { './*': './dist/*.js' },
      }),
    ).toEqual(['dist/cli.js', 'dist/credentials/A.credentials.js', 'dist/nodes/A.node.js']);
  });
});

describe('checkPackedPackage', () => {
  it('passes a complete npm package', () => {
    expect(checkPackedPackage(core, coreFiles, { npm: true })).toEqual({
      problems: [],
      warnings: [],
    });
  });

  it('fails on files the manifest points at that the tarball lacks, and on empty "files" entries', () => {
    const files = coreFiles.filter((f) => f !== 'dist/index.d.cts' && f !== 'LICENSE');
    const report = checkPackedPackage(core, files, { npm: true });
    expect(report.problems).toEqual([
      '@canvelete/core@0.1.0: package.json points at dist/index.d.cts, missing from the tarball',
      '@canvelete/core@0.1.0: "files" lists LICENSE, but nothing of it is in the tarball',
    ]);
    expect(report.warnings).toEqual(['@canvelete/core@0.1.0: no LICENSE file']);
  });

  it('fails on tests, fixtures, snapshots and dev configs shipped by mistake, not on node_modules', () => {
    const files = [
      ...coreFiles,
      'dist/index.test.js',
      'test/a.ts',
      'dist/fixtures/x.json',
      'x.snap.json',
      'tsconfig.json',
      'vitest.config.mjs',
      'node_modules/dep/test/x.js',
    ];
    expect(checkPackedPackage(core, files, { npm: true }).problems).toEqual([
      '@canvelete/core@0.1.0: ships dist/index.test.js (a test file)',
      '@canvelete/core@0.1.0: ships test/a.ts (a test folder)',
      '@canvelete/core@0.1.0: ships dist/fixtures/x.json (a fixture)',
      '@canvelete/core@0.1.0: ships x.snap.json (a test snapshot)',
      '@canvelete/core@0.1.0: ships tsconfig.json (a tsconfig)',
      '@canvelete/core@0.1.0: ships vitest.config.mjs (a dev tool config)',
    ]);
    // Pipedream sample events are product files, not tests.
    expect(devOnlyFiles(['components/canvelete/sources/new-render/test-event.mjs'])).toEqual([]);
  });

  it('fails on workspace: ranges left unpacked and on private packages meant for npm', () => {
    const report = checkPackedPackage(
      { ...core, private: true, dependencies: { '@canvelete/core': 'workspace:*' } },
      coreFiles,
      { npm: true },
    );
    expect(report.problems).toEqual([
      "@canvelete/core@0.1.0: dependencies.@canvelete/core is still 'workspace:*' (pack with pnpm)",
      '@canvelete/core@0.1.0: is private but released to npm',
    ]);
  });

  it('fails on any runtime dependency of the n8n community package', () => {
    const n8n: PackedManifest = {
      name: 'n8n-nodes-canvelete',
      version: '0.1.0',
      n8n: { nodes: ['dist/nodes/A.node.js'] },
      dependencies: { '@canvelete/core': '0.1.0' },
      peerDependencies: { 'n8n-workflow': '*', axios: '*' },
    };
    expect(
      checkPackedPackage(n8n, ['package.json', 'dist/nodes/A.node.js', 'README.md', 'LICENSE'], {
        npm: true,
        n8nCommunityPackage: true,
      }).problems,
    ).toEqual([
      'n8n-nodes-canvelete@0.1.0: n8n community packages take no runtime dependencies (@canvelete/core)',
      'n8n-nodes-canvelete@0.1.0: peer dependencies other than n8n-workflow: axios',
    ]);
  });
});

describe('unexpectedRuntimeModules', () => {
  it('reports bare modules other than built-ins and the allowed ones', () => {
    const bundle = [
      'var import_n8n_workflow = require("n8n-workflow");',
      'var import_crypto = require("node:crypto");',
      'const zlib = require("zlib");',
      'var v = require("valibot");',
      'const local = require("./helpers.js");',
      "import { x } from '@canvelete/core';",
      "const lazy = await import('lodash/get');",
    ].join('\n');
    expect(unexpectedRuntimeModules(bundle, ['n8n-workflow'])).toEqual([
      '@canvelete/core',
      'lodash/get',
      'valibot',
    ]);
  });
});

describe('parseTarListing', () => {
  it('reads sizes and paths from GNU tar -tv output, without directories or the package/ prefix', () => {
    const listing = [
      '-rw-r--r-- 0/0            1066 1985-10-26 08:15 package/LICENSE',
      'drwxr-xr-x 0/0               0 1985-10-26 08:15 package/dist/',
      '-rw-r--r-- 0/0           30842 1985-10-26 08:15 package/dist/index.js',
    ].join('\n');
    expect(parseTarListing(listing)).toEqual([
      { path: 'LICENSE', bytes: 1066 },
      { path: 'dist/index.js', bytes: 30842 },
    ]);
  });
});
