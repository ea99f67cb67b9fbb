// Copies what n8n reads next to the compiled files: icons, node codex (.node.json) and output
// schemas (__schema__), keeping their paths relative to the package root.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wanted = (file) => /\.(svg|png)$/.test(file) || file.endsWith('.node.json') || file.includes('__schema__');

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (wanted(relative(root, path)) && path.match(/\.(svg|png|json)$/)) {
      cpSync(path, join(root, 'dist', relative(root, path)));
    }
  }
}

for (const folder of ['icons', 'nodes', 'credentials']) walk(join(root, folder));
