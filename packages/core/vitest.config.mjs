import { readFileSync } from 'node:fs';
import { vitestPreset } from '../../tooling/vitest/preset.mjs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

export default vitestPreset({
  define: { __CANVELETE_CORE_VERSION__: JSON.stringify(version) },
  test: {
    // Only used with `vitest run --coverage` (@vitest/coverage-v8).
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/**/__fixtures__/**'],
    },
  },
});
