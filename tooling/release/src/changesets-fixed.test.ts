// `pnpm changeset version` must move the five released packages together and leave the private
// test packages alone. Runs the real changesets CLI on a copy of the workspace manifests.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELEASED_PACKAGES, repoRoot } from './paths.ts';
import { run } from './proc.ts';

const PRIVATE_PACKAGES = [
  'packages/testing',
  'packages/conformance',
  'apps/demo',
  'tooling/bench',
  'tooling/release',
];
const work = mkdtempSync(join(tmpdir(), 'canvelete-changesets-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function copy(relative: string) {
  const target = join(work, relative);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(join(repoRoot, relative), target, { recursive: true });
}

const versionOf = (dir: string) =>
  (JSON.parse(readFileSync(join(work, dir, 'package.json'), 'utf8')) as { version: string })
    .version;

describe('changesets fixed group', () => {
  it('bumps every released package from one changeset on the core, and no private one', async () => {
    for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json'])
      copy(file);
    for (const dir of [...RELEASED_PACKAGES.map((p) => p.dir), ...PRIVATE_PACKAGES]) {
      copy(`${dir}/package.json`);
    }
    const before = Object.fromEntries(RELEASED_PACKAGES.map((p) => [p.dir, versionOf(p.dir)]));
    const privateBefore = PRIVATE_PACKAGES.map(versionOf);
    writeFileSync(
      join(work, '.changeset', 'core-fix.md'),
      '---\n"@canvelete/core": patch\n---\n\nA fix.\n',
    );

    const bin = join(repoRoot, 'node_modules', '.bin', 'changeset');
    const result = await run(bin, ['version'], { cwd: work, timeoutMs: 60_000 });
    expect(result.code, result.stderr).toBe(0);

    const bumped = new Set(RELEASED_PACKAGES.map((p) => versionOf(p.dir)));
    expect(bumped.size).toBe(1);
    const [next] = [...bumped];
    for (const p of RELEASED_PACKAGES) expect(next).not.toBe(before[p.dir]);
    for (const p of RELEASED_PACKAGES)
      expect(existsSync(join(work, p.dir, 'CHANGELOG.md'))).toBe(true);
    expect(PRIVATE_PACKAGES.map(versionOf)).toEqual(privateBefore);
  }, 90_000);
});
