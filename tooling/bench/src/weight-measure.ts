// Measuring tools for benchmark 5: packed size and file count of a tarball or zip, and the time to
// load modules in a fresh Node process (median of several runs).
import { execFile } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { median } from './stats.js';

const run = promisify(execFile);
const MAX_BUFFER = 16 * 1024 * 1024;

export interface Packed {
  path: string;
  bytes: number;
  files: number;
}

/** `pnpm pack` of a workspace package into `dest`. */
export async function pnpmPack(packageDir: string, dest: string): Promise<string> {
  const before = new Set(await readdir(dest));
  await run('pnpm', ['pack', '--pack-destination', dest], {
    cwd: packageDir,
    timeout: 120_000,
    maxBuffer: MAX_BUFFER,
  });
  const created = (await readdir(dest)).filter((f) => f.endsWith('.tgz') && !before.has(f));
  if (created.length !== 1)
    throw new Error(`pnpm pack in ${packageDir} made ${created.length} tarballs`);
  return join(dest, created[0]!);
}

/** `npm pack <spec>`: the tarball exactly as published. */
export async function npmPack(spec: string, dest: string): Promise<string> {
  const { stdout } = await run(
    'npm',
    ['pack', spec, '--pack-destination', dest, '--json', '--ignore-scripts'],
    { cwd: dest, timeout: 120_000, maxBuffer: MAX_BUFFER },
  );
  const [info] = JSON.parse(stdout) as { filename: string }[];
  if (!info) throw new Error(`npm pack ${spec} reported nothing`);
  return join(dest, info.filename);
}

export async function tarballFacts(path: string): Promise<Packed> {
  const { stdout } = await run('tar', ['-tzf', path], { timeout: 60_000, maxBuffer: MAX_BUFFER });
  const files = stdout.split('\n').filter((line) => line !== '' && !line.endsWith('/')).length;
  return { path, bytes: (await stat(path)).size, files };
}

/** Entries in a zip, from its end-of-central-directory record (no unzip needed). */
export function zipEntryCount(zip: Uint8Array): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const lowest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint16(at + 10, true);
  }
  throw new Error('not a zip file: no end-of-central-directory record');
}

export async function zipFacts(path: string): Promise<Packed> {
  const bytes = await readFile(path);
  return { path, bytes: bytes.length, files: zipEntryCount(bytes) };
}

export interface LoadSpec {
  kind: 'import' | 'require';
  /** Absolute path of the file to load, or a bare package name resolved from the process's cwd. */
  path: string;
}

function loadStep(l: LoadSpec): string {
  const target =
    l.path.startsWith('/') && l.kind === 'import' ? pathToFileURL(l.path).href : l.path;
  return l.kind === 'import'
    ? `await import(${JSON.stringify(target)});`
    : `require(${JSON.stringify(target)});`;
}

/**
 * The script a fresh process runs: load `preload` untimed (the platform a host has loaded already),
 * then time loading every file and print the milliseconds.
 */
export function loadScript(loads: readonly LoadSpec[], preload: readonly LoadSpec[] = []): string {
  return [
    "import { createRequire } from 'node:module';",
    "import { join } from 'node:path';",
    "const require = createRequire(join(process.cwd(), '__bench_loader__.js'));",
    ...preload.map(loadStep),
    'const start = performance.now();',
    ...loads.map(loadStep),
    'process.stdout.write(String(performance.now() - start));',
  ].join('\n');
}

/** Median load time over `runs` fresh processes (each cold: nothing cached in memory). */
export async function coldLoadMs(
  loads: readonly LoadSpec[],
  runs: number,
  cwd: string,
  preload: readonly LoadSpec[] = [],
) {
  const samples: number[] = [];
  const script = loadScript(loads, preload);
  for (let i = 0; i < runs; i++) {
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      cwd,
      timeout: 60_000,
      maxBuffer: MAX_BUFFER,
    });
    samples.push(Number(stdout));
  }
  return { medianMs: median(samples), samples };
}
