import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Both builds write to dist; clean it once here, since tsup runs the two configs side by side.
rmSync('dist', { recursive: true, force: true });

// Runtimes the benchmarks load from node_modules at run time, never bundled.
const RUNTIMES = [
  '@canvelete/core',
  '@canvelete/sandbox',
  '@pipedream/platform',
  'fast-check',
  'n8n-core',
  'n8n-workflow',
  'zapier-platform-core',
];

export default defineConfig([
  {
    entry: ['src/run-all.ts', 'src/sandbox-child.ts'],
    format: ['esm'],
    clean: false,
    sourcemap: true,
    target: 'node20',
    external: RUNTIMES,
    // @canvelete/testing ships TypeScript sources, so its harnesses are bundled.
    noExternal: ['@canvelete/testing'],
  },
  {
    // The n8n engine harness, as CommonJS: n8n-core is CommonJS and must share n8n-workflow's
    // CommonJS build with it (its ESM build does not load under Node's own resolver).
    entry: { 'n8n-runtime': 'src/n8n-runtime.ts' },
    format: ['cjs'],
    clean: false,
    sourcemap: true,
    target: 'node20',
    external: RUNTIMES,
    noExternal: ['@canvelete/testing'],
  },
]);
