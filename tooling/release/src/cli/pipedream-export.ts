// pnpm pipedream:export [--out <dir>]: writes components/canvelete for a PR to PipedreamHQ/pipedream
// (default: packages/pipedream/registry/components/canvelete, gitignored).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportComponents } from '../components-tasks.ts';
import { paths } from '../paths.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = values.out ? resolve(values.out) : paths.pipedreamExport;
const result = await exportComponents(outDir);
const problems = [...result.registryProblems, ...result.lockProblems.map((p) => p.message)];
for (const problem of problems) console.error(`  ${problem}`);
if (problems.length > 0) {
  console.log(`pipedream export: FAILED (${problems.length} problems; nothing written)`);
  process.exit(1);
}
for (const c of result.exported.report.components)
  console.log(`  ${c.key}@${c.version}  ${c.path}`);
console.log(
  `pipedream export: ${result.exported.files.size + (result.exported.readme ? 2 : 1)} files (core ${result.exported.coreVersion} ` +
    `vendored, app ${result.lock?.app.version}) -> ${outDir}`,
);
