#!/usr/bin/env node
// Bundles the built core into ONE CommonJS file, the way the n8n package ships it (valibot inlined,
// platform node), and runs n8n's verification scanner (`analyzePackage`) over it. The scanner lints
// every .js file of an n8n tarball with n8n-cloud rules, so anything it rejects here would block the
// n8n package. Usage: `node scripts/scan-bundled-core.mjs` after `pnpm build`. Exit 1 on violations.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const requireHere = createRequire(import.meta.url);

/** esbuild exactly as tsup (which the n8n package builds with) resolves it. */
function tsupEsbuild() {
  return createRequire(requireHere.resolve('tsup'))('esbuild');
}

export async function bundleCore(outDir) {
  const entry = join(packageDir, 'dist', 'index.cjs');
  if (!existsSync(entry)) {
    throw new Error(`${entry} is missing: run "pnpm --filter @canvelete/core build" first`);
  }
  const outfile = join(outDir, 'canvelete-core.bundle.js');
  await tsupEsbuild().build({
    stdin: {
      contents: "module.exports = require('./dist/index.cjs');",
      resolveDir: packageDir,
      loader: 'js',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** Returns the scanner's verdict `{ passed, message?, details? }` plus the bundle's path. */
export async function scanBundledCore() {
  const outDir = mkdtempSync(join(tmpdir(), 'canvelete-core-scan-'));
  try {
    const bundle = await bundleCore(outDir);
    const scannerPath = requireHere.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
    const { analyzePackage } = await import(pathToFileURL(scannerPath).href);
    const result = await analyzePackage(outDir, ['**/*.js']);
    return { ...result, bundle };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await scanBundledCore();
  if (result.passed) {
    process.stdout.write('n8n scanner: the bundled core passes (no violations)\n');
  } else {
    process.stderr.write(`n8n scanner: ${result.message}\n${result.details ?? ''}\n`);
    process.exitCode = 1;
  }
}
