import { type BumpLevel, bumpSemver, compareSemver, isSemver } from './semver.ts';

/**
 * tooling/release/components.lock.json: what was last released to the Pipedream registry, per
 * component key, with the content hash of the exported component (vendored core included). The
 * registry's CI insists that every changed component bumps its own `version`, independently of the
 * npm version, so CI compares the current export against this lock.
 */
export interface LockEntry {
  path: string;
  version: string;
  hash: string;
}

export interface ComponentsLock {
  /** The registry app package (`components/canvelete/package.json`); its version lives here. */
  app: { name: string; version: string; hash: string };
  components: Record<string, LockEntry>;
}

/** The export as it is now: component versions come from the component files. */
export interface CurrentState {
  app: { name: string; hash: string };
  components: Record<string, LockEntry>;
}

export type LockProblemKind =
  | 'not-bumped'
  | 'unrecorded'
  | 'removed'
  | 'moved'
  | 'version-backwards'
  | 'lock-stale'
  | 'bad-version';

export interface LockProblem {
  key: string;
  kind: LockProblemKind;
  message: string;
}

const FIX = 'run `pnpm components:bump` and commit tooling/release/components.lock.json';

export function compareLock(lock: ComponentsLock, current: CurrentState): LockProblem[] {
  const problems: LockProblem[] = [];
  const add = (key: string, kind: LockProblemKind, message: string) =>
    problems.push({ key, kind, message: `${key}: ${message}` });

  if (lock.app.name !== current.app.name) {
    add(current.app.name, 'moved', `the lock records app package ${lock.app.name}; ${FIX}`);
  } else if (lock.app.hash !== current.app.hash) {
    add(
      current.app.name,
      'not-bumped',
      `the app file or its dependencies changed since ${lock.app.version}; ${FIX}`,
    );
  }

  for (const [key, entry] of Object.entries(current.components)) {
    const locked = lock.components[key];
    if (!isSemver(entry.version)) {
      add(key, 'bad-version', `version '${entry.version}' is not semver`);
      continue;
    }
    if (!locked) {
      add(key, 'unrecorded', `new component at ${entry.path}, not in the lock; ${FIX}`);
      continue;
    }
    if (locked.path !== entry.path) {
      add(key, 'moved', `moved from ${locked.path} to ${entry.path}; ${FIX}`);
      continue;
    }
    const order = compareSemver(entry.version, locked.version);
    if (order < 0) {
      add(
        key,
        'version-backwards',
        `version ${entry.version} is lower than the released ${locked.version}`,
      );
    } else if (order === 0 && entry.hash !== locked.hash) {
      add(key, 'not-bumped', `content changed but version is still ${entry.version}; ${FIX}`);
    } else if (order > 0) {
      add(
        key,
        'lock-stale',
        `version ${entry.version} is not recorded (lock: ${locked.version}); ${FIX}`,
      );
    }
  }
  for (const key of Object.keys(lock.components)) {
    if (!current.components[key]) add(key, 'removed', `in the lock but no longer exported; ${FIX}`);
  }
  return problems;
}

export interface BumpPlan {
  lock: ComponentsLock;
  /** Component files whose `version` literal must change (tree-relative paths). */
  versionEdits: Array<{ key: string; path: string; from: string; to: string }>;
  appBumped: { from: string; to: string } | undefined;
}

/**
 * What `pnpm components:bump` does: every component whose content changed while its version did
 * not gets the next `level` version; versions already raised by hand are kept; new components
 * keep the version they declare; removed ones leave the lock. The hash ignores the version
 * literal, so the new lock can be written without exporting again.
 */
export function planBump(
  lock: ComponentsLock | undefined,
  current: CurrentState,
  level: BumpLevel = 'patch',
  initialAppVersion = '0.0.1',
): BumpPlan {
  const versionEdits: BumpPlan['versionEdits'] = [];
  const components: Record<string, LockEntry> = {};
  for (const key of Object.keys(current.components).sort()) {
    const entry = current.components[key] as LockEntry;
    const locked = lock?.components[key];
    let version = entry.version;
    if (locked && locked.hash !== entry.hash && compareSemver(version, locked.version) <= 0) {
      version = bumpSemver(locked.version, level);
      versionEdits.push({ key, path: entry.path, from: entry.version, to: version });
    }
    components[key] = { path: entry.path, version, hash: entry.hash };
  }
  let appVersion = lock?.app.version ?? initialAppVersion;
  let appBumped: BumpPlan['appBumped'];
  if (lock && lock.app.hash !== current.app.hash) {
    appBumped = { from: appVersion, to: bumpSemver(appVersion, level) };
    appVersion = appBumped.to;
  }
  return {
    lock: {
      app: { name: current.app.name, version: appVersion, hash: current.app.hash },
      components,
    },
    versionEdits,
    appBumped,
  };
}

export function serializeLock(lock: ComponentsLock): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

export function parseLock(text: string): ComponentsLock {
  const value = JSON.parse(text) as ComponentsLock;
  if (!value?.app?.version || typeof value.components !== 'object') {
    throw new Error(
      'components.lock.json: expected { app: {name, version, hash}, components: {…} }',
    );
  }
  return value;
}
