import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { loadComponent } from './component-handle.ts';

/**
 * The registry's own checks, re-implemented (PipedreamHQ/pipedream scripts/findBadKeys.js,
 * findDuplicateKeys.js, the publish workflow and the contribution guidelines):
 * - the app folder name equals the app slug of its `<slug>.app.mjs`;
 * - every component key starts with `<slug>-`, and the publish step derives the key from the path
 *   (`<slug>-<component folder>`), so the key must equal it and the file must be `<folder>/<folder>.mjs`;
 * - keys are unique; `version` is semver; actions have `type: 'action'` and `annotations`
 *   (destructiveHint, openWorldHint, readOnlyHint); source names start with "New" and source
 *   descriptions with "Emit new".
 */
const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;
const REQUIRED_ANNOTATIONS = ['destructiveHint', 'openWorldHint', 'readOnlyHint'];

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? walk(path) : Promise.resolve([path]);
    }),
  );
  return files.flat();
}

export interface RegistryReport {
  appSlug: string | undefined;
  components: Array<{ key: string; version: string; type: string; path: string }>;
  problems: string[];
}

/** Checks one app folder (`components/<slug>`) the way the registry's CI does. */
export async function checkRegistryApp(appDir: string): Promise<RegistryReport> {
  const problems: string[] = [];
  const files = (await walk(appDir)).filter((f) => f.endsWith('.mjs') || f.endsWith('.js'));
  const appFile = files.find((f) => /\.app\.m?js$/.test(f) && !relative(appDir, f).includes('/'));
  let appSlug: string | undefined;
  if (!appFile) problems.push(`no <slug>.app.mjs in ${appDir}`);
  else {
    appSlug = (await readFile(appFile, 'utf8')).match(/['"]?app['"]?: ['"]([^'"]+)/)?.[1];
    if (!appSlug) problems.push(`could not find the app slug in ${appFile}`);
    else if (basename(appDir) !== appSlug) {
      problems.push(`directory '${basename(appDir)}' does not match app slug '${appSlug}'`);
    }
  }
  const components: RegistryReport['components'] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    const rel = relative(appDir, file);
    const [kind, folder, name] = rel.split('/');
    if ((kind !== 'actions' && kind !== 'sources') || !folder || !name) continue;
    if (name !== `${folder}.mjs`) continue;
    // The key is read from the text, as findBadKeys.js does; the rest needs the loaded module.
    const key = (await readFile(file, 'utf8')).match(/['"]?key['"]?: ['"]([^'"]+)/)?.[1] ?? '';
    const where = `${rel} [key: ${key}]`;
    if (!appSlug || !key.startsWith(`${appSlug}-`))
      problems.push(`${where}: key lacks the app slug`);
    if (appSlug && key !== `${appSlug}-${folder}`) {
      problems.push(`${where}: the publish step derives key '${appSlug}-${folder}' from the path`);
    }
    const duplicate = seen.get(key);
    if (duplicate) problems.push(`${where}: duplicate of ${duplicate}`);
    seen.set(key, rel);
    let component: Awaited<ReturnType<typeof loadComponent>>;
    try {
      component = await loadComponent(file);
    } catch (error) {
      problems.push(`${where}: could not load: ${(error as Error).message}`);
      continue;
    }
    if (!SEMVER.test(String(component.version ?? '')))
      problems.push(`${where}: version is not semver`);
    if (!component.name) problems.push(`${where}: no name`);
    if (!component.description) problems.push(`${where}: no description`);
    const expectedType = kind === 'actions' ? 'action' : 'source';
    if (component.type !== expectedType) problems.push(`${where}: type must be '${expectedType}'`);
    if (kind === 'actions') {
      for (const hint of REQUIRED_ANNOTATIONS) {
        if (typeof component.annotations?.[hint] !== 'boolean') {
          problems.push(`${where}: annotations.${hint} missing`);
        }
      }
    } else {
      if (!String(component.name ?? '').startsWith('New'))
        problems.push(`${where}: source name must start with "New"`);
      if (!String(component.description ?? '').startsWith('Emit new')) {
        problems.push(`${where}: source description must start with "Emit new"`);
      }
    }
    components.push({
      key,
      version: String(component.version),
      type: String(component.type),
      path: rel,
    });
  }
  return { appSlug, components, problems };
}
