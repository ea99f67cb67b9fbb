import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const releaseDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(releaseDir, '..', '..');

export const paths = {
  lockFile: join(releaseDir, 'components.lock.json'),
  coreDir: join(repoRoot, 'packages', 'core'),
  pipedreamDir: join(repoRoot, 'packages', 'pipedream'),
  pipedreamSource: join(repoRoot, 'packages', 'pipedream', 'components', 'canvelete'),
  /** Generated, gitignored: the folder to copy into PipedreamHQ/pipedream as components/canvelete. */
  pipedreamExport: join(repoRoot, 'packages', 'pipedream', 'registry', 'components', 'canvelete'),
  zapierDir: join(repoRoot, 'packages', 'zapier'),
  n8nDir: join(repoRoot, 'packages', 'n8n'),
  sandboxDir: join(repoRoot, 'apps', 'sandbox'),
  n8nE2eRunner: join(repoRoot, 'tooling', 'e2e', 'n8n', 'run.mjs'),
  zapierCliCheck: join(repoRoot, 'tooling', 'e2e', 'zapier', 'cli-check.sh'),
  pipedreamHarness: join(repoRoot, 'packages', 'testing', 'src', 'pipedream', 'index.ts'),
} as const;

/** The packages that version and release together (changesets `fixed`). */
export const RELEASED_PACKAGES = [
  { name: '@canvelete/core', dir: 'packages/core', npm: true },
  { name: '@canvelete/sandbox', dir: 'apps/sandbox', npm: true },
  { name: 'n8n-nodes-canvelete', dir: 'packages/n8n', npm: true },
  { name: '@canvelete/pipedream', dir: 'packages/pipedream', npm: true },
  // Private: shipped by `zapier-platform push`, never to npm; packed only to load it here.
  { name: '@canvelete/zapier', dir: 'packages/zapier', npm: false },
] as const;

export const PIPEDREAM_APP_SLUG = 'canvelete';
export const VENDORED_CORE_FILE = 'common/canvelete-core.mjs';
