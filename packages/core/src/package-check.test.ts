import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The same checks as `pnpm check:package` (publint --strict, attw --profile node16), run from the
// test suite so CI keeps them; attw reads a tarball packed once here instead of packing again.
const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string) => join(packageDir, 'node_modules', '.bin', name);

describe('published package shape (on the built dist)', () => {
  it('passes publint --strict', { timeout: 120_000 }, async () => {
    const { stdout } = await run(bin('publint'), ['--strict', '--pack', 'false'], {
      cwd: packageDir,
    });
    expect(stdout).toContain('All good!');
  });

  it('resolves types and code for node16 ESM and CJS and bundlers (attw)', {
    timeout: 120_000,
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'canvelete-core-pack-'));
    try {
      await run('pnpm', ['pack', '--pack-destination', dir], { cwd: packageDir });
      const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
      expect(tarball).toBeDefined();
      const { stdout } = await run(
        bin('attw'),
        [join(dir, tarball as string), '--profile', 'node16', '--format', 'json'],
        { cwd: packageDir },
      );
      const report = JSON.parse(stdout) as { analysis: { problems: unknown[] } };
      expect(report.analysis.problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
