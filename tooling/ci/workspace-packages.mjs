// Lists workspace package folders (packages/*, apps/*, tooling/*) with their package.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function workspacePackages(root) {
  const found = [];
  for (const group of ['packages', 'apps', 'tooling']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir)) {
      const dir = join(groupDir, name);
      const manifestPath = join(dir, 'package.json');
      if (!existsSync(manifestPath)) continue;
      found.push({ dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) });
    }
  }
  return found;
}
