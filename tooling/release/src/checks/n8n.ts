import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CheckFailed, run, runOk } from '../proc.ts';
import type { Packed } from '../tarball.ts';
import { unexpectedRuntimeModules } from '../tarball-rules.ts';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.[cm]?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

// Loads every node and credential the manifest lists, as n8n's loader does (require + new).
const LOAD = `
  const { join } = require('node:path');
  const dir = join(require.resolve('n8n-nodes-canvelete/package.json'), '..');
  const manifest = require(join(dir, 'package.json'));
  const out = [];
  for (const [kind, files] of [['node', manifest.n8n.nodes], ['credential', manifest.n8n.credentials]]) {
    for (const file of files) {
      const mod = require(join(dir, file));
      const Type = Object.values(mod).find((v) => typeof v === 'function');
      if (!Type) throw new Error(file + ' exports no class');
      const instance = new Type();
      const name = kind === 'node' ? instance.description?.name : instance.name;
      if (!name) throw new Error(file + ': no name');
      out.push(kind + ' ' + name);
    }
  }
  console.log(JSON.stringify(out));
`;

/**
 * The n8n package from the install: no module it loads at run time beyond n8n-workflow and Node
 * built-ins (the core must be bundled), every listed node/credential loads next to
 * n8n-workflow@2.41.0; then the full-n8n stage (tooling/e2e/n8n) with the same tarball.
 */
export async function checkN8n(opts: {
  packed: Packed;
  unpackedDir: string;
  installDir: string;
  e2eRunner: string;
  runE2e: boolean;
}): Promise<string[]> {
  const offenders: string[] = [];
  for (const file of jsFiles(opts.unpackedDir)) {
    const modules = unexpectedRuntimeModules(readFileSync(file, 'utf8'), ['n8n-workflow']);
    if (modules.length > 0)
      offenders.push(`${relative(opts.unpackedDir, file)}: ${modules.join(', ')}`);
  }
  if (offenders.length > 0) {
    throw new CheckFailed(
      `n8n-nodes-canvelete loads modules n8n does not provide:\n  ${offenders.join('\n  ')}`,
    );
  }
  const loaded = JSON.parse(
    (await runOk('node', ['-e', LOAD], { cwd: opts.installDir })).stdout,
  ) as string[];
  const lines = [`no runtime module beyond n8n-workflow; loaded ${loaded.join(', ')}`];
  if (!opts.runE2e) return [...lines, 'full-n8n e2e stage SKIPPED (--skip-n8n-e2e)'];
  const e2e = await run('node', [opts.e2eRunner, '--tarball', opts.packed.tarball], {
    inherit: true,
    timeoutMs: 20 * 60_000,
  });
  if (e2e.code !== 0)
    throw new CheckFailed(`tooling/e2e/n8n/run.mjs --tarball failed (exit ${e2e.code})`);
  return [...lines, 'full n8n 2.41.1 app with the tarball as a community package: ok'];
}
