import { defineConfig } from 'tsup';

// Zapier runs CommonJS from index.js. The core is bundled in (it is a devDependency); the Zapier
// runtime stays external because Zapier's build installs it from package.json.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['cjs'],
  outExtension: () => ({ js: '.js' }),
  noExternal: ['@canvelete/core'],
  external: ['zapier-platform-core'],
  clean: true,
  target: 'node20',
  platform: 'node',
});
