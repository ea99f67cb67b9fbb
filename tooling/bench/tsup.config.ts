import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/run-all.ts', 'src/sandbox-child.ts'],
  format: ['esm'],
  clean: true,
  sourcemap: true,
  target: 'node20',
  // The workspace packages are resolved at run time from node_modules, not bundled.
  external: ['@canvelete/core', '@canvelete/sandbox', 'fast-check'],
});
