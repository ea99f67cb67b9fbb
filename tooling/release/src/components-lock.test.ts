import { describe, expect, it } from 'vitest';
import {
  type ComponentsLock,
  type CurrentState,
  compareLock,
  parseLock,
  planBump,
  serializeLock,
} from './components-lock.ts';
import { bumpSemver, compareSemver } from './semver.ts';

const lock: ComponentsLock = {
  app: { name: '@pipedream/canvelete', version: '0.0.1', hash: 'app-1' },
  components: {
    'canvelete-a': { path: 'actions/a/a.mjs', version: '0.0.1', hash: 'a-1' },
    'canvelete-b': { path: 'sources/b/b.mjs', version: '0.1.0', hash: 'b-1' },
  },
};

const state = (
  overrides: Partial<Record<string, { version: string; hash: string }>> = {},
  appHash = 'app-1',
) => {
  const current: CurrentState = {
    app: { name: '@pipedream/canvelete', hash: appHash },
    components: {
      'canvelete-a': { path: 'actions/a/a.mjs', version: '0.0.1', hash: 'a-1' },
      'canvelete-b': { path: 'sources/b/b.mjs', version: '0.1.0', hash: 'b-1' },
    },
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete current.components[key];
    else
      current.components[key] = {
        path: current.components[key]?.path ?? `actions/${key}/${key}.mjs`,
        ...value,
      };
  }
  return current;
};

const kinds = (current: CurrentState) =>
  compareLock(lock, current).map((p) => `${p.key}:${p.kind}`);

describe('compareLock (the CI check)', () => {
  it('passes when nothing changed', () => {
    expect(compareLock(lock, state())).toEqual([]);
  });

  it('fails when a hash changed but the version did not', () => {
    const problems = compareLock(lock, state({ 'canvelete-a': { version: '0.0.1', hash: 'a-2' } }));
    expect(problems.map((p) => p.kind)).toEqual(['not-bumped']);
    expect(problems[0]?.message).toMatch(
      /canvelete-a: content changed but version is still 0\.0\.1; run `pnpm components:bump`/,
    );
  });

  it('fails on a bumped version the lock does not record, and on a version that went back', () => {
    expect(kinds(state({ 'canvelete-a': { version: '0.0.2', hash: 'a-2' } }))).toEqual([
      'canvelete-a:lock-stale',
    ]);
    expect(kinds(state({ 'canvelete-b': { version: '0.0.9', hash: 'b-2' } }))).toEqual([
      'canvelete-b:version-backwards',
    ]);
  });

  it('fails on new, removed and non-semver components and on a changed app without a bump', () => {
    expect(kinds(state({ 'canvelete-c': { version: '0.0.1', hash: 'c-1' } }))).toEqual([
      'canvelete-c:unrecorded',
    ]);
    expect(kinds(state({ 'canvelete-b': undefined }))).toEqual(['canvelete-b:removed']);
    expect(kinds(state({ 'canvelete-a': { version: 'v1', hash: 'a-1' } }))).toEqual([
      'canvelete-a:bad-version',
    ]);
    expect(kinds(state({}, 'app-2'))).toEqual(['@pipedream/canvelete:not-bumped']);
  });
});

describe('planBump (pnpm components:bump)', () => {
  it('bumps exactly the changed components and the app, and the result passes the check', () => {
    const changed = state({ 'canvelete-a': { version: '0.0.1', hash: 'a-2' } }, 'app-2');
    const plan = planBump(lock, changed);
    expect(plan.versionEdits).toEqual([
      { key: 'canvelete-a', path: 'actions/a/a.mjs', from: '0.0.1', to: '0.0.2' },
    ]);
    expect(plan.appBumped).toEqual({ from: '0.0.1', to: '0.0.2' });
    expect(plan.lock.components['canvelete-b']).toEqual(lock.components['canvelete-b']);
    // After the edits the files declare the new versions; hashes ignore versions.
    const afterEdits = state({ 'canvelete-a': { version: '0.0.2', hash: 'a-2' } }, 'app-2');
    expect(compareLock(plan.lock, afterEdits)).toEqual([]);
  });

  it('keeps a version raised by hand, records new components as declared and drops removed ones', () => {
    const current = state({
      'canvelete-a': { version: '1.0.0', hash: 'a-2' },
      'canvelete-b': undefined,
      'canvelete-c': { version: '0.0.1', hash: 'c-1' },
    });
    const plan = planBump(lock, current, 'minor');
    expect(plan.versionEdits).toEqual([]);
    expect(Object.keys(plan.lock.components)).toEqual(['canvelete-a', 'canvelete-c']);
    expect(plan.lock.components['canvelete-a']?.version).toBe('1.0.0');
    expect(compareLock(plan.lock, current)).toEqual([]);
  });

  it('writes a first lock without touching any version', () => {
    const plan = planBump(undefined, state());
    expect(plan.versionEdits).toEqual([]);
    expect(plan.lock.app.version).toBe('0.0.1');
    expect(parseLock(serializeLock(plan.lock))).toEqual(plan.lock);
  });
});

describe('semver', () => {
  it('bumps and orders versions', () => {
    expect(bumpSemver('0.0.9', 'patch')).toBe('0.0.10');
    expect(bumpSemver('0.3.9', 'minor')).toBe('0.4.0');
    expect(bumpSemver('1.2.3', 'major')).toBe('2.0.0');
    expect(bumpSemver('1.2.3-rc.1', 'patch')).toBe('1.2.3');
    expect(compareSemver('0.0.10', '0.0.9')).toBeGreaterThan(0);
    expect(compareSemver('1.0.0-rc.1', '1.0.0')).toBeLessThan(0);
    expect(compareSemver('1.0.0', '1.0.0')).toBe(0);
    expect(() => compareSemver('latest', '1.0.0')).toThrow(/not a semver/);
  });
});
