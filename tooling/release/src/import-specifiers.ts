import { builtinModules } from 'node:module';
import { posix } from 'node:path';

/**
 * Static and dynamic module specifiers of an ES module's text: `import … from 'x'`, `import 'x'`,
 * `export … from 'x'` and `import('x')` with a literal. Components are plain `.mjs` written by us,
 * so a lexer-level scan is enough (no comments-inside-strings tricks to defend against); a type
 * import inside a JSDoc comment (`import('@pipedream/types')`) is skipped because it is a comment.
 */
const SPECIFIER =
  /(?:^|[\s;{}])(?:import|export)\s*(?:[^'";]*?\s+from\s*)?(['"])([^'"]+)\1|\bimport\(\s*(['"])([^'"]+)\3\s*\)/g;

function stripComments(text: string): string {
  // Block comments first (JSDoc), then line comments that start a line or follow code.
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/[^\n]*/g, '$1');
}

export function moduleSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of stripComments(text).matchAll(SPECIFIER)) {
    const specifier = match[2] ?? match[4];
    if (specifier) found.push(specifier);
  }
  return [...new Set(found)];
}

export const isRelative = (specifier: string): boolean =>
  specifier.startsWith('./') || specifier.startsWith('../');

const BUILTINS = new Set(builtinModules);

export function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? '');
}

/** The npm package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** `../../common/x.mjs` relative to `actions/a/a.mjs`, in POSIX form, always starting with `.`. */
export function relativeSpecifier(fromFile: string, toFile: string): string {
  const rel = posix.relative(posix.dirname(fromFile), toFile);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Resolves a relative specifier of `fromFile` (both tree-relative POSIX paths). */
export function resolveRelative(fromFile: string, specifier: string): string {
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
}

/**
 * Rewrites every import of `packageName` (exactly the package root: sub-paths are refused, the
 * vendored build only has the root's exports) to a relative path to `targetFile`.
 */
export function rewritePackageImports(
  text: string,
  file: string,
  packageName: string,
  targetFile: string,
): { text: string; count: number } {
  const escaped = packageName.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const pattern = new RegExp(`(['"])${escaped}(/[^'"]*)?\\1`, 'g');
  let count = 0;
  const replacement = relativeSpecifier(file, targetFile);
  const rewritten = text.replace(pattern, (_whole, quote: string, subpath?: string) => {
    if (subpath)
      throw new Error(`${file}: imports ${packageName}${subpath}; only the root is vendored`);
    count += 1;
    return `${quote}${replacement}${quote}`;
  });
  return { text: rewritten, count };
}
