#!/usr/bin/env node
// Lets `npm run demo` / `npm test` work on a machine with only Node and npm: it finds pnpm at the
// pinned version (or installs it into .cache/pnpm, never globally), installs the workspace when
// needed, then runs the named root script with pnpm.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const wanted = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const script = process.argv[2];
const extraArgs = process.argv.slice(3);

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function pnpmVersion(env) {
  const result = spawnSync('pnpm', ['--version'], { cwd: root, env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
if (pnpmVersion(env) !== wanted) {
  const localDir = join(root, '.cache', 'pnpm');
  const localBin = join(localDir, 'node_modules', '.bin');
  env.PATH = `${localBin}:${env.PATH}`;
  if (pnpmVersion(env) !== wanted) {
    console.log(`Installing pnpm ${wanted} into .cache/pnpm (one time) ...`);
    const status = run('npm', [
      'install',
      '--prefix',
      localDir,
      '--no-save',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `pnpm@${wanted}`,
    ]);
    if (status !== 0) process.exit(status);
  }
}

const marker = join(root, 'node_modules', '.modules.yaml');
const lockfile = join(root, 'pnpm-lock.yaml');
const stale = !existsSync(marker) || statSync(lockfile).mtimeMs > statSync(marker).mtimeMs;
if (stale) {
  const status = run('pnpm', ['install', '--frozen-lockfile'], env);
  if (status !== 0) process.exit(status);
}

process.exit(run('pnpm', ['run', script, ...extraArgs], env));
