import { isNodeBuiltin, packageNameOf } from './import-specifiers.ts';

/**
 * What a packed package must and must not contain, judged from its packed package.json and its
 * file list (paths relative to the package root, i.e. without npm's `package/` prefix).
 */
export interface PackedManifest {
  name: string;
  version: string;
  private?: boolean;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  bin?: string | Record<string, string>;
  exports?: unknown;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  bundleDependencies?: unknown;
  bundledDependencies?: unknown;
  n8n?: { nodes?: string[]; credentials?: string[] };
}

export interface TarballReport {
  problems: string[];
  warnings: string[];
}

/** Tests, fixtures and dev leftovers that must never ship (third-party node_modules excepted). */
const DEV_ONLY: Array<[RegExp, string]> = [
  [/(^|\/)(__tests__|tests?)\//, 'a test folder'],
  [/\.(test|spec)\.[cm]?[jt]sx?$/, 'a test file'],
  [/(^|\/)(__fixtures__|fixtures?)\//, 'a fixture'],
  [/(^|\/)test-support\//, 'test support code'],
  [/(^|\/)__snapshots__\/|\.snap(\.json)?$/, 'a test snapshot'],
  [/(^|\/)\.vitest-report\.json$/, 'a vitest report'],
  [/(^|\/)coverage\//, 'a coverage report'],
  [/(^|\/)\.turbo\//, 'turbo cache output'],
  [/(^|\/)(vitest|tsup|tsdown|eslint)\.config\.[cm]?[jt]s$/, 'a dev tool config'],
  [/(^|\/)tsconfig(\.[\w-]+)?\.json$/, 'a tsconfig'],
  [/\.tsbuildinfo$/, 'a TypeScript build cache'],
  [/(^|\/)\.env(\.|$)/, 'an env file'],
];

export function devOnlyFiles(files: readonly string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (file.includes('node_modules/')) continue;
    const hit = DEV_ONLY.find(([pattern]) => pattern.test(file));
    if (hit) found.push(`${file} (${hit[1]})`);
  }
  return found;
}

/** Every file path a manifest points at (entry points, types, bins, n8n nodes/credentials). */
export function declaredFiles(manifest: PackedManifest): string[] {
  const targets = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value === 'string' && !value.includes('*')) targets.add(value.replace(/^\.\//, ''));
  };
  add(manifest.main);
  add(manifest.module);
  add(manifest.types);
  add(manifest.typings);
  if (typeof manifest.bin === 'string') add(manifest.bin);
  else for (const target of Object.values(manifest.bin ?? {})) add(target);
  const walkExports = (value: unknown): void => {
    if (typeof value === 'string') add(value);
    else if (Array.isArray(value)) value.forEach(walkExports);
    else if (value && typeof value === 'object') Object.values(value).forEach(walkExports);
  };
  walkExports(manifest.exports);
  for (const file of [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])])
    add(file);
  return [...targets].sort();
}

const DEPENDENCY_FIELDS = [
  'dependencies',
  'peerDependencies',
  'optionalDependencies',
  'devDependencies',
] as const;

export function checkPackedPackage(
  manifest: PackedManifest,
  files: readonly string[],
  options: { npm: boolean; n8nCommunityPackage?: boolean },
): TarballReport {
  const problems: string[] = [];
  const warnings: string[] = [];
  const have = new Set(files);
  const where = `${manifest.name}@${manifest.version}`;

  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (range.startsWith('workspace:')) {
        problems.push(`${where}: ${field}.${name} is still '${range}' (pack with pnpm)`);
      }
    }
  }
  for (const file of declaredFiles(manifest)) {
    if (!have.has(file))
      problems.push(`${where}: package.json points at ${file}, missing from the tarball`);
  }
  for (const entry of manifest.files ?? []) {
    const prefix = entry.replace(/^\.\//, '').replace(/\/$/, '');
    if (!files.some((file) => file === prefix || file.startsWith(`${prefix}/`))) {
      problems.push(`${where}: "files" lists ${entry}, but nothing of it is in the tarball`);
    }
  }
  for (const file of devOnlyFiles(files)) problems.push(`${where}: ships ${file}`);

  if (options.npm) {
    if (manifest.private) problems.push(`${where}: is private but released to npm`);
    if (!files.some((file) => /^readme(\.md)?$/i.test(file))) warnings.push(`${where}: no README`);
    if (!files.some((file) => /^licen[cs]e(\.md|\.txt)?$/i.test(file))) {
      warnings.push(`${where}: no LICENSE file`);
    }
  }
  if (options.n8nCommunityPackage) {
    for (const field of ['dependencies', 'optionalDependencies'] as const) {
      const names = Object.keys(manifest[field] ?? {});
      if (names.length > 0) {
        problems.push(
          `${where}: n8n community packages take no runtime ${field} (${names.join(', ')})`,
        );
      }
    }
    if (manifest.bundleDependencies || manifest.bundledDependencies) {
      problems.push(`${where}: bundled dependencies are not allowed in an n8n community package`);
    }
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter((n) => n !== 'n8n-workflow');
    if (peers.length > 0)
      problems.push(`${where}: peer dependencies other than n8n-workflow: ${peers}`);
  }
  return { problems, warnings };
}

const REQUIRE_OR_IMPORT =
  /\brequire\(\s*(['"])([^'"]+)\1\s*\)|\bfrom\s*(['"])([^'"]+)\3|\bimport\(\s*(['"])([^'"]+)\5\s*\)/g;

/**
 * Bare modules a built file loads at run time (require, import … from, import()) other than Node
 * built-ins and `allowed`. For the n8n package this must be empty: the core is bundled, and
 * n8n-workflow is provided by n8n itself.
 */
export function unexpectedRuntimeModules(text: string, allowed: readonly string[]): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(REQUIRE_OR_IMPORT)) {
    const specifier = match[2] ?? match[4] ?? match[6] ?? '';
    if (specifier.startsWith('.') || specifier.startsWith('/') || isNodeBuiltin(specifier))
      continue;
    if (!allowed.includes(packageNameOf(specifier))) found.add(specifier);
  }
  return [...found].sort();
}
