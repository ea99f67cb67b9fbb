// What benchmark 5 weighs: our shipped artifacts (found only when their build output exists) and
// comparable published connectors at pinned versions.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadSpec } from './weight-measure.js';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export type Group = 'core' | 'n8n' | 'pipedream' | 'zapier';

/** How to get the packed artifact. */
export type PackSource =
  | { kind: 'pnpm'; dir: string }
  | { kind: 'npm'; spec: string }
  | { kind: 'zip'; path: string }
  | { kind: 'none'; why: string };

export interface LoadVariant {
  label: string;
  loads: LoadSpec[];
  /** Folder the fresh process starts in; bare names in `preload` resolve from here. */
  cwd: string;
  /** The platform runtime a host has loaded already: loaded before the timer for "own ms". */
  preload: LoadSpec[];
}

const N8N_PLATFORM: LoadSpec[] = [{ kind: 'require', path: 'n8n-workflow' }];
const PIPEDREAM_PLATFORM: LoadSpec[] = [{ kind: 'import', path: '@pipedream/platform' }];
const ZAPIER_PLATFORM: LoadSpec[] = [{ kind: 'require', path: 'zapier-platform-core' }];

export interface Artifact {
  group: Group;
  name: string;
  ours: boolean;
  pack: PackSource;
  variants: LoadVariant[];
}

/** An artifact whose build output is missing: reported as a "not built" row. */
export interface Missing {
  group: Group;
  name: string;
  why: string;
}

export const COMPARABLE_SPECS = [
  'n8n-nodes-templated@0.4.5',
  'n8n-nodes-htmlcsstoimage@0.3.1',
  '@pipedream/templated@0.1.0',
] as const;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** Every node and credential file an n8n package declares: what n8n loads at start-up. */
export function n8nLoads(packageDir: string): LoadSpec[] {
  const manifest = readJson(join(packageDir, 'package.json'));
  const block = (manifest['n8n'] ?? {}) as { nodes?: string[]; credentials?: string[] };
  return [...(block.credentials ?? []), ...(block.nodes ?? [])].map((file) => ({
    kind: 'require' as const,
    path: join(packageDir, file),
  }));
}

function allExist(loads: LoadSpec[]): boolean {
  return loads.length > 0 && loads.every((l) => existsSync(l.path));
}

/** The app file plus one action (render-design when there is one) of a Pipedream component tree. */
export function pipedreamLoads(
  componentDir: string,
  appFile: string,
  preferred: string[],
): LoadSpec[] {
  const app = join(componentDir, appFile);
  const actionsDir = join(componentDir, 'actions');
  if (!existsSync(app) || !existsSync(actionsDir)) return [];
  const actions = readdirSync(actionsDir);
  const action = preferred.find((a) => actions.includes(a)) ?? actions.sort()[0];
  if (!action) return [];
  return [
    { kind: 'import', path: app },
    { kind: 'import', path: join(actionsDir, action, `${action}.mjs`) },
  ];
}

export { ZAPIER_PLATFORM };

export function ourArtifacts(
  root = REPO_ROOT,
  zapierZip = process.env['CANVELETE_ZAPIER_BUILD_ZIP'],
): { found: Artifact[]; missing: Missing[] } {
  const found: Artifact[] = [];
  const missing: Missing[] = [];

  const core = join(root, 'packages/core');
  const esm = join(core, 'dist/index.js');
  const cjs = join(core, 'dist/index.cjs');
  if (existsSync(esm) && existsSync(cjs)) {
    found.push({
      group: 'core',
      name: '@canvelete/core',
      ours: true,
      pack: { kind: 'pnpm', dir: core },
      variants: [
        { label: 'import (ESM)', loads: [{ kind: 'import', path: esm }], cwd: core, preload: [] },
        { label: 'require (CJS)', loads: [{ kind: 'require', path: cjs }], cwd: core, preload: [] },
      ],
    });
  } else
    missing.push({ group: 'core', name: '@canvelete/core', why: 'packages/core/dist missing' });

  const n8n = join(root, 'packages/n8n');
  const n8nFiles = existsSync(join(n8n, 'package.json')) ? n8nLoads(n8n) : [];
  if (allExist(n8nFiles)) {
    found.push({
      group: 'n8n',
      name: 'n8n-nodes-canvelete',
      ours: true,
      pack: { kind: 'pnpm', dir: n8n },
      variants: [
        { label: 'require nodes + credentials', loads: n8nFiles, cwd: n8n, preload: N8N_PLATFORM },
      ],
    });
  } else {
    missing.push({
      group: 'n8n',
      name: 'n8n-nodes-canvelete',
      why: 'not built (dist/ nodes missing)',
    });
  }

  const pd = join(root, 'packages/pipedream');
  const pdFiles = pipedreamLoads(join(pd, 'components/canvelete'), 'canvelete.app.mjs', [
    'render-design',
  ]);
  if (allExist(pdFiles)) {
    found.push({
      group: 'pipedream',
      name: '@canvelete/pipedream',
      ours: true,
      pack: { kind: 'pnpm', dir: pd },
      variants: [
        {
          label: 'import app + render-design',
          loads: pdFiles,
          cwd: pd,
          preload: PIPEDREAM_PLATFORM,
        },
      ],
    });
  } else {
    missing.push({
      group: 'pipedream',
      name: '@canvelete/pipedream',
      why: 'not built (components/canvelete missing)',
    });
  }

  const zapier = join(root, 'packages/zapier');
  const zip = zapierZip ?? join(zapier, 'build/build.zip');
  const zapierIndex = join(zapier, 'index.js');
  if (existsSync(zip)) {
    found.push({
      group: 'zapier',
      name: 'Zapier build.zip',
      ours: true,
      pack: { kind: 'zip', path: zip },
      variants: [], // filled by the benchmark after unzipping into a temp folder
    });
  } else {
    missing.push({
      group: 'zapier',
      name: 'Zapier build.zip',
      why: 'not built (set CANVELETE_ZAPIER_BUILD_ZIP or leave it at packages/zapier/build/build.zip)',
    });
  }
  if (existsSync(join(zapier, 'dist/index.js')) && existsSync(zapierIndex)) {
    found.push({
      group: 'zapier',
      name: '@canvelete/zapier (workspace dist)',
      ours: true,
      pack: { kind: 'none', why: 'shipped as build.zip' },
      variants: [
        {
          label: 'require index.js',
          loads: [{ kind: 'require', path: zapierIndex }],
          cwd: zapier,
          preload: ZAPIER_PLATFORM,
        },
      ],
    });
  } else {
    missing.push({
      group: 'zapier',
      name: '@canvelete/zapier (workspace dist)',
      why: 'not built (dist/index.js missing)',
    });
  }
  return { found, missing };
}

/** Published comparables, installed under `prefix/node_modules`. */
export function comparableArtifacts(prefix: string, root = REPO_ROOT): Artifact[] {
  const modules = join(prefix, 'node_modules');
  const list: Artifact[] = [];
  for (const spec of ['n8n-nodes-templated@0.4.5', 'n8n-nodes-htmlcsstoimage@0.3.1']) {
    const name = spec.slice(0, spec.lastIndexOf('@'));
    const dir = join(modules, name);
    list.push({
      group: 'n8n',
      name: spec,
      ours: false,
      pack: { kind: 'npm', spec },
      variants: [
        {
          label: 'require nodes + credentials',
          loads: n8nLoads(dir),
          cwd: dir,
          preload: N8N_PLATFORM,
        },
      ],
    });
  }
  const templated = join(modules, '@pipedream/templated');
  list.push({
    group: 'pipedream',
    name: '@pipedream/templated@0.1.0',
    ours: false,
    pack: { kind: 'npm', spec: '@pipedream/templated@0.1.0' },
    variants: [
      {
        label: 'import app + create-render',
        loads: pipedreamLoads(templated, 'templated.app.mjs', ['create-render']),
        cwd: templated,
        preload: PIPEDREAM_PLATFORM,
      },
    ],
  });
  // No Zapier app is published on npm; the platform runtime alone is the floor every app pays.
  const zapier = join(root, 'packages/zapier');
  const platformCore = join(zapier, 'node_modules/zapier-platform-core');
  if (existsSync(platformCore)) {
    list.push({
      group: 'zapier',
      name: 'zapier-platform-core 19.1.0 alone',
      ours: false,
      pack: { kind: 'none', why: 'the runtime every Zapier app bundles' },
      variants: [
        {
          label: 'require',
          loads: [{ kind: 'require', path: platformCore }],
          cwd: zapier,
          preload: [],
        },
      ],
    });
  }
  return list;
}
