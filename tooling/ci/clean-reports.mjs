// Removes old vitest reports so the summary only counts this run (turbo restores cached ones).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './workspace-packages.mjs';

for (const { dir } of workspacePackages(process.cwd())) {
  rmSync(join(dir, '.vitest-report.json'), { force: true });
}
