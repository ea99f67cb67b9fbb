// pnpm components:bump [--level patch|minor|major]   raise versions of changed components, write the lock
// pnpm components:check (this file with `check`)     fail when a component changed but kept its version
import { parseArgs } from 'node:util';
import { bumpComponents, checkComponents } from '../components-tasks.ts';
import type { BumpLevel } from '../semver.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { level: { type: 'string', default: 'patch' } },
});
const command = positionals[0] ?? 'check';
const level = values.level as BumpLevel;
if (!['patch', 'minor', 'major'].includes(level)) {
  console.error(`components: --level must be patch, minor or major`);
  process.exit(2);
}

if (command === 'bump') {
  const plan = await bumpComponents(level);
  for (const edit of plan.versionEdits)
    console.log(`${edit.key}: ${edit.from} -> ${edit.to} (${edit.path})`);
  if (plan.appBumped)
    console.log(`@pipedream/canvelete: ${plan.appBumped.from} -> ${plan.appBumped.to}`);
  console.log(
    `components: lock written (${Object.keys(plan.lock.components).length} components, ` +
      `${plan.versionEdits.length} bumped)`,
  );
} else if (command === 'check') {
  const result = await checkComponents();
  const problems = [...result.registryProblems, ...result.lockProblems.map((p) => p.message)];
  for (const problem of problems) console.error(`  ${problem}`);
  console.log(
    problems.length === 0
      ? `components: ok (${result.exported.report.components.length} components match the lock)`
      : `components: FAILED (${problems.length} problems)`,
  );
  process.exitCode = problems.length === 0 ? 0 : 1;
} else {
  console.error(`components: unknown command '${command}' (bump | check)`);
  process.exitCode = 2;
}
