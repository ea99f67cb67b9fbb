import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailed, runOk } from '../proc.ts';

/** Given explicitly: n8n provides it at run time, so the n8n package only peers on it. */
export const N8N_WORKFLOW = 'n8n-workflow@2.41.0';

/**
 * One `npm install` of every tarball into an empty folder, as a user's project would get them:
 * npm (not pnpm, not the workspace), no install scripts, published ranges only. Our packages
 * depend on each other by version; npm takes those from the tarballs given on the same command
 * line, so a wrong range fails here instead of silently pulling an older release from npm.
 */
export async function installTarballs(
  tarballs: readonly string[],
  ownNames: readonly string[],
  dir: string,
): Promise<string> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'release-check-consumer', private: true, type: 'commonjs' }, null, 2)}\n`,
  );
  await runOk(
    'npm',
    [
      'install',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...tarballs,
      N8N_WORKFLOW,
    ],
    { cwd: dir, timeoutMs: 300_000 },
  );
  assertFromTarballs(dir, ownNames);
  return dir;
}

/**
 * npm's hidden lockfile records where each installed package came from: every one of ours must be
 * the tarball (`file:`), once, never a registry copy (a same-named release on npm would hide a
 * range that does not match).
 */
export function assertFromTarballs(dir: string, ownNames: readonly string[]): void {
  const lock = JSON.parse(
    readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8'),
  ) as {
    packages: Record<string, { resolved?: string }>;
  };
  const problems: string[] = [];
  for (const [location, entry] of Object.entries(lock.packages)) {
    const name = location.split('node_modules/').pop() ?? '';
    if (!ownNames.includes(name)) continue;
    if (location !== `node_modules/${name}`) problems.push(`${name} installed twice (${location})`);
    else if (!entry.resolved?.startsWith('file:'))
      problems.push(`${name} came from ${entry.resolved}`);
  }
  for (const name of ownNames) {
    if (!lock.packages[`node_modules/${name}`]) problems.push(`${name} is not installed`);
  }
  if (problems.length > 0) throw new CheckFailed(`npm install: ${problems.join('; ')}`);
}
