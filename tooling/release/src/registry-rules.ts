import type { TreeFiles } from './component-hash.ts';
import { readComponentVersion } from './component-hash.ts';
import {
  isNodeBuiltin,
  isRelative,
  moduleSpecifiers,
  packageNameOf,
  resolveRelative,
} from './import-specifiers.ts';
import { isSemver } from './semver.ts';

/**
 * The rules the Pipedream registry's CI applies to `components/<app>/` (scripts/findBadKeys.js,
 * findDuplicateKeys.js, the publish workflow deriving `<app>-<folder>` from the path, and the
 * contribution guidelines), checked on the exported text, before anything is loaded.
 */
export interface ExportedComponent {
  key: string;
  kind: 'action' | 'source';
  folder: string;
  path: string;
  version: string;
}

export interface RegistryTreeReport {
  components: ExportedComponent[];
  problems: string[];
}

const KEY_LITERAL = /\bkey\s*:\s*(['"])([^'"\n]+)\1/;
const TYPE_LITERAL = /\btype\s*:\s*(['"])(action|source)\1/;
const ROOT_FILES = new Set(['package.json', 'README.md']);

export function checkRegistryTree(
  files: TreeFiles,
  appSlug: string,
  allowedPackages: readonly string[],
): RegistryTreeReport {
  const problems: string[] = [];
  const components: ExportedComponent[] = [];
  const appFile = `${appSlug}.app.mjs`;
  const appText = files.get(appFile);
  if (appText === undefined) problems.push(`no ${appFile} at the root of components/${appSlug}`);
  else if (!new RegExp(`\\bapp\\s*:\\s*['"]${appSlug}['"]`).test(appText)) {
    problems.push(`${appFile}: app slug is not '${appSlug}'`);
  }

  const componentFolders = new Map<string, string[]>();
  for (const [path, text] of files) {
    if (ROOT_FILES.has(path)) continue;
    if (!path.endsWith('.mjs')) {
      problems.push(`${path}: registry components are ESM .mjs files only`);
      continue;
    }
    for (const specifier of moduleSpecifiers(text)) {
      if (isRelative(specifier)) {
        const target = resolveRelative(path, specifier);
        if (target.startsWith('..') || !files.has(target)) {
          problems.push(`${path}: imports ${specifier}, which is not in the exported tree`);
        }
      } else if (!isNodeBuiltin(specifier) && !allowedPackages.includes(packageNameOf(specifier))) {
        problems.push(`${path}: imports ${specifier} (allowed: ${allowedPackages.join(', ')})`);
      }
    }
    const [kind, folder, name, ...rest] = path.split('/');
    if (kind !== 'actions' && kind !== 'sources') continue;
    if (!folder || !name || rest.length > 0) {
      problems.push(`${path}: components live at ${kind}/<folder>/<folder>.mjs`);
      continue;
    }
    const group = componentFolders.get(`${kind}/${folder}`) ?? [];
    if (KEY_LITERAL.test(text)) group.push(path);
    componentFolders.set(`${kind}/${folder}`, group);
  }

  const seenKeys = new Map<string, string>();
  for (const [dir, declaring] of componentFolders) {
    const [kind, folder] = dir.split('/') as ['actions' | 'sources', string];
    const expectedPath = `${dir}/${folder}.mjs`;
    if (!files.has(expectedPath)) {
      problems.push(`${dir}: no ${folder}.mjs (the publish step expects <folder>/<folder>.mjs)`);
      continue;
    }
    const others = declaring.filter((path) => path !== expectedPath);
    if (others.length > 0) {
      problems.push(
        `${dir}: one component per folder, but ${others.join(', ')} also declares a key`,
      );
    }
    const text = files.get(expectedPath) as string;
    const key = KEY_LITERAL.exec(text)?.[2] ?? '';
    const expectedKey = `${appSlug}-${folder}`;
    if (key !== expectedKey) {
      problems.push(
        `${expectedPath}: key '${key}' must be '${expectedKey}' (derived from the path)`,
      );
    }
    const type = TYPE_LITERAL.exec(text)?.[2];
    const expectedType = kind === 'actions' ? 'action' : 'source';
    if (type !== expectedType) {
      problems.push(`${expectedPath}: type must be '${expectedType}'`);
    }
    let version = '';
    try {
      version = readComponentVersion(text, expectedPath);
      if (!isSemver(version)) problems.push(`${expectedPath}: version '${version}' is not semver`);
    } catch (error) {
      problems.push((error as Error).message);
    }
    const duplicate = seenKeys.get(key);
    if (duplicate) problems.push(`${expectedPath}: key '${key}' duplicates ${duplicate}`);
    seenKeys.set(key, expectedPath);
    components.push({ key, kind: expectedType, folder, path: expectedPath, version });
  }
  components.sort((a, b) => a.key.localeCompare(b.key));
  return { components, problems };
}
