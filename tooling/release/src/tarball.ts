import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailed, runOk } from './proc.ts';
import type { PackedManifest } from './tarball-rules.ts';

export interface PackedFile {
  path: string;
  bytes: number;
}

export interface Packed {
  tarball: string;
  tarballBytes: number;
  manifest: PackedManifest;
  files: PackedFile[];
}

/**
 * `pnpm pack` (not npm: pnpm rewrites `workspace:` ranges to real versions, as `changeset publish`
 * does) into a fresh folder under `dest`; returns the tarball with its manifest and file list.
 */
export async function packPackage(packageDir: string, dest: string): Promise<Packed> {
  const out = mkdtempSync(join(dest, 'pack-'));
  await runOk('pnpm', ['pack', '--pack-destination', out], { cwd: packageDir, timeoutMs: 120_000 });
  const tarballs = readdirSync(out).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1)
    throw new CheckFailed(`pnpm pack in ${packageDir} wrote ${tarballs.length} tarballs`);
  const tarball = join(out, tarballs[0] as string);
  return {
    tarball,
    tarballBytes: statSync(tarball).size,
    manifest: await readPackedManifest(tarball),
    files: await listTarball(tarball),
  };
}

export async function readPackedManifest(tarball: string): Promise<PackedManifest> {
  const { stdout } = await runOk('tar', ['-xzOf', tarball, 'package/package.json']);
  return JSON.parse(stdout) as PackedManifest;
}

/** GNU tar's verbose listing: `-rw-r--r-- 0/0  1234 1985-10-26 08:15 package/dist/index.js`. */
export async function listTarball(tarball: string): Promise<PackedFile[]> {
  const { stdout } = await runOk('tar', ['-tvzf', tarball]);
  return parseTarListing(stdout);
}

export function parseTarListing(listing: string): PackedFile[] {
  const files: PackedFile[] = [];
  for (const line of listing.split('\n')) {
    const match = /^(\S)\S*\s+\S+\s+(\d+)\s+\S+\s+\S+\s+(?:package\/)?(.+)$/.exec(line.trim());
    if (!match || match[1] === 'd') continue;
    files.push({ path: match[3] as string, bytes: Number(match[2]) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : bytes >= 1024
      ? `${(bytes / 1024).toFixed(1)} KiB`
      : `${bytes} B`;
}
