import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coldLoadMs, loadScript, tarballFacts, zipEntryCount } from './weight-measure.js';

const run = promisify(execFile);
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-weight-'));
  await writeFile(join(dir, 'a.mjs'), 'globalThis.loadedA = true;\n');
  await writeFile(join(dir, 'b.cjs'), 'module.exports = 1;\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A minimal zip: one end-of-central-directory record announcing `entries` entries. */
function emptyZipAnnouncing(entries: number, trailingComment = ''): Uint8Array {
  const comment = Buffer.from(trailingComment);
  const record = Buffer.alloc(22 + comment.length);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt16LE(comment.length, 20);
  comment.copy(record, 22);
  return record;
}

describe('zipEntryCount', () => {
  it('reads the entry count from the end record, also behind a comment', () => {
    expect(zipEntryCount(emptyZipAnnouncing(7))).toBe(7);
    expect(zipEntryCount(emptyZipAnnouncing(3, 'a comment'))).toBe(3);
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => zipEntryCount(new Uint8Array(40))).toThrow(/not a zip/);
  });
});

describe('tarballFacts', () => {
  it('counts files (not folders) and reports the size', async () => {
    const tgz = join(dir, 'x.tgz');
    await run('tar', ['-czf', tgz, '-C', dir, 'a.mjs', 'b.cjs']);
    const facts = await tarballFacts(tgz);
    expect(facts.files).toBe(2);
    expect(facts.bytes).toBeGreaterThan(0);
  });
});

describe('cold loading', () => {
  it('builds a script that imports ESM and requires CJS', () => {
    const script = loadScript([
      { kind: 'import', path: '/x/a.mjs' },
      { kind: 'require', path: '/x/b.cjs' },
    ]);
    expect(script).toContain('await import("file:///x/a.mjs")');
    expect(script).toContain('require("/x/b.cjs")');
  });

  it('loads the preload before the timer starts', () => {
    const script = loadScript(
      [{ kind: 'require', path: '/x/b.cjs' }],
      [{ kind: 'require', path: 'pkg' }],
    );
    expect(script.indexOf('require("pkg")')).toBeLessThan(script.indexOf('const start'));
    expect(script.indexOf('require("/x/b.cjs")')).toBeGreaterThan(script.indexOf('const start'));
  });

  it('loads the files in fresh processes and returns one sample per run', async () => {
    const result = await coldLoadMs(
      [
        { kind: 'import', path: join(dir, 'a.mjs') },
        { kind: 'require', path: join(dir, 'b.cjs') },
      ],
      2,
      dir,
    );
    expect(result.samples).toHaveLength(2);
    expect(result.samples.every((s) => Number.isFinite(s) && s >= 0)).toBe(true);
  });

  it('fails when a file cannot be loaded', async () => {
    await expect(
      coldLoadMs([{ kind: 'require', path: join(dir, 'missing.cjs') }], 1, dir),
    ).rejects.toThrow();
  });
});
