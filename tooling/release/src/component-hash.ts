import { createHash } from 'node:crypto';
import { isRelative, moduleSpecifiers, resolveRelative } from './import-specifiers.ts';

/** An exported registry tree in memory: tree-relative POSIX path → file text. */
export type TreeFiles = ReadonlyMap<string, string>;

// `version: '0.0.1'` in a component's default export. `apiVersion:` does not match (\b).
const VERSION_LITERAL = /(\bversion\s*:\s*)(['"])([^'"\n]*)\2/g;

export function readComponentVersion(text: string, file: string): string {
  const matches = [...text.matchAll(VERSION_LITERAL)];
  if (matches.length !== 1) {
    throw new Error(
      `${file}: expected exactly one \`version: '…'\` literal, found ${matches.length}`,
    );
  }
  return matches[0]?.[3] ?? '';
}

export function writeComponentVersion(text: string, file: string, version: string): string {
  readComponentVersion(text, file);
  return text.replace(VERSION_LITERAL, (_whole, head: string, quote: string) => {
    return `${head}${quote}${version}${quote}`;
  });
}

/**
 * Every file of the tree that `entry` reaches through relative imports, itself included, sorted.
 * Bare imports (`@pipedream/platform`, `node:*`) are outside the tree and not followed: the app's
 * package.json pins those and is hashed with the app.
 */
export function localClosure(files: TreeFiles, entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    const text = files.get(file);
    if (text === undefined) throw new Error(`${file} is imported but not in the exported tree`);
    seen.add(file);
    for (const specifier of moduleSpecifiers(text)) {
      if (isRelative(specifier)) queue.push(resolveRelative(file, specifier));
    }
  }
  return [...seen].sort();
}

/**
 * The content hash of a component as the registry would ship it: its own file and everything it
 * imports from the tree (common/, the app file, the vendored core), path and bytes. The
 * component's own version literal is blanked first, so bumping the version does not change the
 * hash: the lock can tell "content changed" apart from "version changed".
 */
export function componentHash(files: TreeFiles, entry: string, extra = ''): string {
  const hash = createHash('sha256');
  for (const file of localClosure(files, entry)) {
    const raw = files.get(file) as string;
    const text = file === entry ? raw.replace(VERSION_LITERAL, '$1$2<version>$2') : raw;
    hash.update(`${file}\0${text}\0`);
  }
  if (extra) hash.update(`\0extra\0${extra}`);
  return `sha256-${hash.digest('base64')}`;
}
