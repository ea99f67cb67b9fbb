// The registry accepts plain semver; components only ever move by patch/minor/major bumps.
export const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

export type BumpLevel = 'patch' | 'minor' | 'major';

export function isSemver(version: string): boolean {
  return SEMVER.test(version);
}

function parts(version: string): [number, number, number, string | undefined] {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`'${version}' is not a semver version`);
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4]];
}

/** Negative when a < b, 0 when equal, positive when a > b (a pre-release sorts before its release). */
export function compareSemver(a: string, b: string): number {
  const [aMajor, aMinor, aPatch, aPre] = parts(a);
  const [bMajor, bMinor, bPatch, bPre] = parts(b);
  const byNumber = aMajor - bMajor || aMinor - bMinor || aPatch - bPatch;
  if (byNumber !== 0) return byNumber;
  if (aPre === bPre) return 0;
  if (aPre === undefined) return 1;
  if (bPre === undefined) return -1;
  return aPre < bPre ? -1 : 1;
}

export function bumpSemver(version: string, level: BumpLevel): string {
  const [major, minor, patch, pre] = parts(version);
  if (level === 'major') return `${major + 1}.0.0`;
  if (level === 'minor') return `${major}.${minor + 1}.0`;
  // 1.2.3-rc.1 → 1.2.3 (the release of the pre-release), like npm version patch.
  return pre === undefined ? `${major}.${minor}.${patch + 1}` : `${major}.${minor}.${patch}`;
}
