import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { assertFromTarballs } from './install.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A consumer folder with npm's hidden lockfile as `npm install` leaves it. */
function consumer(packages: Record<string, { resolved?: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'release-install-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'node_modules', '.package-lock.json'),
    JSON.stringify({ name: 'c', lockfileVersion: 3, packages }),
  );
  return dir;
}

const ours = ['@canvelete/core', '@canvelete/pipedream'];

describe('assertFromTarballs', () => {
  it('accepts our packages installed once, each from its tarball', () => {
    const dir = consumer({
      'node_modules/@canvelete/core': { resolved: 'file:../packs/canvelete-core-0.1.0.tgz' },
      'node_modules/@canvelete/pipedream': {
        resolved: 'file:../packs/canvelete-pipedream-0.1.0.tgz',
      },
      'node_modules/valibot': {
        resolved: 'https://registry.npmjs.org/valibot/-/valibot-1.5.0.tgz',
      },
    });
    expect(() => assertFromTarballs(dir, ours)).not.toThrow();
  });

  it('refuses a registry copy, a nested second copy and a missing package', () => {
    const dir = consumer({
      'node_modules/@canvelete/core': { resolved: 'file:../packs/canvelete-core-0.1.0.tgz' },
      'node_modules/@canvelete/pipedream/node_modules/@canvelete/core': {
        resolved: 'https://registry.npmjs.org/@canvelete/core/-/core-0.0.9.tgz',
      },
    });
    expect(() => assertFromTarballs(dir, ours)).toThrow(
      'npm install: @canvelete/core installed twice (node_modules/@canvelete/pipedream/node_modules/@canvelete/core); @canvelete/pipedream is not installed',
    );
    const fromRegistry = consumer({
      'node_modules/@canvelete/core': {
        resolved: 'https://registry.npmjs.org/@canvelete/core/-/core-0.1.0.tgz',
      },
      'node_modules/@canvelete/pipedream': { resolved: 'file:p.tgz' },
    });
    expect(() => assertFromTarballs(fromRegistry, ours)).toThrow(
      /@canvelete\/core came from https:\/\/registry\.npmjs\.org/,
    );
  });
});
