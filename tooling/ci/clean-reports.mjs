// Removes old reports so the summary only counts this run (turbo restores cached vitest reports).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspacePackages } from './workspace-packages.mjs';

const root = process.cwd();
for (const { dir } of workspacePackages(root)) {
  rmSync(join(dir, '.vitest-report.json'), { force: true });
}
const e2eDir = join(root, 'tooling', 'e2e');
if (existsSync(e2eDir)) {
  for (const name of readdirSync(e2eDir)) rmSync(join(e2eDir, name, '.e2e-report.json'), { force: true });
}
