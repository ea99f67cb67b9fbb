// The changesets action's `version` command (pnpm --dir tooling/release run version-packages):
// `changeset version` moves the fixed group and writes changelogs; a new core version changes the
// vendored core, so the Pipedream components and the lock move with it; then pnpm's lockfile.
import { bumpComponents } from '../components-tasks.ts';
import { repoRoot } from '../paths.ts';
import { run } from '../proc.ts';

async function step(command: string, args: string[]): Promise<void> {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = await run(command, args, { cwd: repoRoot, inherit: true });
  if (result.code !== 0) {
    console.error(`version-packages: ${command} ${args.join(' ')} exited ${result.code}`);
    process.exit(1);
  }
}

await step('pnpm', ['exec', 'changeset', 'version']);
const plan = await bumpComponents('patch');
for (const edit of plan.versionEdits) console.log(`${edit.key}: ${edit.from} -> ${edit.to}`);
if (plan.appBumped)
  console.log(`@pipedream/canvelete: ${plan.appBumped.from} -> ${plan.appBumped.to}`);
await step('pnpm', ['install', '--lockfile-only']);
