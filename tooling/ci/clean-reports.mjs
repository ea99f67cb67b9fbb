// Removes old reports so the summary only counts this run (turbo restores cached vitest reports).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './workspace-packages.mjs';

const root = process.cwd();
for (const { dir } of workspacePackages(root)) {
  rmSync(join(dir, '.vitest-report.json'), { force: true });
}
rmSync(join(root, '.ci', '.reports'), { recursive: true, force: true });
