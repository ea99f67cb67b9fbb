import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeComponentVersion } from './component-hash.ts';
import {
  type BumpPlan,
  type ComponentsLock,
  compareLock,
  type LockProblem,
  parseLock,
  planBump,
  serializeLock,
} from './components-lock.ts';
import { paths } from './paths.ts';
import {
  buildPipedreamExport,
  currentState,
  type PipedreamExport,
  writePipedreamExport,
} from './pipedream-export.ts';
import type { BumpLevel } from './semver.ts';

export async function readLock(lockFile = paths.lockFile): Promise<ComponentsLock | undefined> {
  return existsSync(lockFile) ? parseLock(await readFile(lockFile, 'utf8')) : undefined;
}

export interface CheckResult {
  exported: PipedreamExport;
  lock: ComponentsLock | undefined;
  lockProblems: LockProblem[];
  registryProblems: string[];
}

/** Export in memory, apply the registry rules, and compare with the committed lock. */
export async function checkComponents(
  sourceDir = paths.pipedreamSource,
  lockFile = paths.lockFile,
): Promise<CheckResult> {
  const exported = await buildPipedreamExport(sourceDir);
  const lock = await readLock(lockFile);
  const lockProblems: LockProblem[] = lock
    ? compareLock(lock, currentState(exported))
    : [{ key: '*', kind: 'unrecorded', message: `no ${lockFile}; run pnpm components:bump` }];
  return { exported, lock, lockProblems, registryProblems: exported.report.problems };
}

/** `pnpm pipedream:export`: refuses to write an export the registry or the lock would reject. */
export async function exportComponents(outDir = paths.pipedreamExport): Promise<CheckResult> {
  const result = await checkComponents();
  if (result.registryProblems.length === 0 && result.lockProblems.length === 0 && result.lock) {
    await writePipedreamExport(result.exported, result.lock.app.version, outDir);
  }
  return result;
}

/**
 * `pnpm components:bump`: raises the `version` of every component whose exported content changed
 * (in packages/pipedream/components/canvelete) and rewrites the lock.
 */
export async function bumpComponents(
  level: BumpLevel = 'patch',
  sourceDir = paths.pipedreamSource,
  lockFile = paths.lockFile,
): Promise<BumpPlan> {
  const exported = await buildPipedreamExport(sourceDir);
  if (exported.report.problems.length > 0) {
    throw new Error(
      `the export breaks registry rules:\n  ${exported.report.problems.join('\n  ')}`,
    );
  }
  const plan = planBump(await readLock(lockFile), currentState(exported), level);
  for (const edit of plan.versionEdits) {
    const file = join(sourceDir, edit.path);
    const text = await readFile(file, 'utf8');
    await writeFile(file, writeComponentVersion(text, edit.path, edit.to));
  }
  await writeFile(lockFile, serializeLock(plan.lock));
  return plan;
}
