import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs on the built dist (turbo runs `build` before `test`): the core bundled as one CommonJS file,
// valibot inlined, must pass n8n's verification scanner, because n8n-nodes-canvelete ships it so.
const script = fileURLToPath(new URL('../scripts/scan-bundled-core.mjs', import.meta.url));

interface ScanResult {
  passed: boolean;
  message?: string;
  details?: string;
  bundle?: string;
}

describe('n8n verification scanner on the bundled core', () => {
  it('passes with no violation', { timeout: 120_000 }, async () => {
    const { scanBundledCore } = await import(pathToFileURL(script).href);
    const result: ScanResult = await scanBundledCore();
    expect(result.details ?? '').toBe('');
    expect(result.passed).toBe(true);
  });

  it('is a real check: the same scanner rejects a bundle that uses setTimeout and process', {
    timeout: 120_000,
  }, async () => {
    const scannerPath = createRequire(import.meta.url).resolve(
      '@n8n/scan-community-package/scanner/scanner.mjs',
    );
    const { analyzePackage } = await import(pathToFileURL(scannerPath).href);
    const dir = mkdtempSync(join(tmpdir(), 'canvelete-scan-negative-'));
    try {
      writeFileSync(
        join(dir, 'bad.js'),
        'setTimeout(() => {}, 1);\nmodule.exports = process.env;\n',
      );
      const result: ScanResult = await analyzePackage(dir, ['**/*.js']);
      expect(result.passed).toBe(false);
      expect(result.details).toMatch(/setTimeout/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
