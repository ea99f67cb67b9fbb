// Shared vitest settings: every package writes a JSON report that tooling/ci/summarize-tests.mjs adds up.
import { defineConfig, mergeConfig } from 'vitest/config';

export function vitestPreset(overrides = {}) {
  return mergeConfig(
    defineConfig({
      test: {
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        environment: 'node',
        testTimeout: 20_000,
        hookTimeout: 30_000,
        reporters: ['default', 'json'],
        outputFile: { json: '.vitest-report.json' },
        env: { NODE_ENV: 'test' },
      },
    }),
    overrides,
  );
}
