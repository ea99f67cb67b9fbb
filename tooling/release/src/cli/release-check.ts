// pnpm release:check [--skip-build] [--skip-n8n-e2e] [--skip-zapier-build | --zapier-build-zip <file>]
//                    [--keep]
// Builds, exports the Pipedream components and checks their lock, packs every released package,
// installs all tarballs with one npm command into an empty folder, and loads each the way its
// users will. Ends with `release check: ok` (exit 0) or `release check: FAILED (…)` (exit 1).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkCore } from '../checks/core.ts';
import { installTarballs } from '../checks/install.ts';
import { checkN8n } from '../checks/n8n.ts';
import { checkPipedreamExport, checkPipedreamPackage } from '../checks/pipedream.ts';
import { type RunningSandbox, startInstalledSandbox } from '../checks/sandbox.ts';
import { checkZapierBuildZip, checkZapierPackage } from '../checks/zapier.ts';
import { type CheckResult, checkComponents } from '../components-tasks.ts';
import { paths, RELEASED_PACKAGES, releaseDir, repoRoot } from '../paths.ts';
import { CheckFailed, runOk } from '../proc.ts';
import { formatBytes, type Packed, packPackage } from '../tarball.ts';
import { checkPackedPackage } from '../tarball-rules.ts';

const { values: args } = parseArgs({
  options: {
    'skip-build': { type: 'boolean', default: false },
    'skip-n8n-e2e': { type: 'boolean', default: process.env.RELEASE_CHECK_SKIP_N8N_E2E === '1' },
    'zapier-build-zip': { type: 'string', default: process.env.ZAPIER_BUILD_ZIP },
    'skip-zapier-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const failures: string[] = [];
const warnings: string[] = [];
const started = performance.now();
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs one stage; a failure is recorded and the next stages still run where they can. */
async function stage<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
  const since = performance.now();
  console.log(`\n== ${name}`);
  try {
    const result = await body();
    console.log(`   ok (${seconds(since)})`);
    return result;
  } catch (error) {
    const message =
      error instanceof CheckFailed ? error.message : ((error as Error).stack ?? String(error));
    console.log(`   FAILED (${seconds(since)})\n${message.replace(/^/gm, '   ')}`);
    failures.push(`${name}: ${message.split('\n')[0]}`);
    return undefined;
  }
}

const print = (lines: readonly string[]) => {
  for (const line of lines) console.log(`   ${line}`);
};

const workDir = mkdtempSync(join(tmpdir(), 'canvelete-release-check-'));
let sandbox: RunningSandbox | undefined;

async function main(): Promise<void> {
  console.log(`release check (work dir ${workDir})`);
  if (!args['skip-build']) {
    await stage('build (turbo, cached)', async () => {
      const filters = RELEASED_PACKAGES.flatMap((p) => ['--filter', `${p.name}...`]);
      await runOk('pnpm', ['turbo', 'run', 'build', ...filters, '--output-logs=errors-only'], {
        cwd: repoRoot,
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
        timeoutMs: 600_000,
      });
    });
  }

  // Lock problems fail this stage but still let the export be loaded and run below.
  let components: CheckResult | undefined;
  await stage('Pipedream export: registry rules and components.lock.json', async () => {
    components = await checkComponents();
    print(components.exported.report.components.map((c) => `${c.key}@${c.version} ${c.path}`));
    const problems = [
      ...components.registryProblems,
      ...components.lockProblems.map((p) => p.message),
    ];
    if (problems.length > 0) throw new CheckFailed(problems.join('\n'));
  });

  const packs = new Map<string, Packed>();
  await stage('pnpm pack and tarball contents', async () => {
    const dest = join(workDir, 'packs');
    mkdirSync(dest);
    const problems: string[] = [];
    for (const pkg of RELEASED_PACKAGES) {
      const packed = await packPackage(join(repoRoot, pkg.dir), dest);
      packs.set(pkg.name, packed);
      const unpacked = packed.files.reduce((sum, f) => sum + f.bytes, 0);
      console.log(
        `   ${pkg.name}@${packed.manifest.version}  ${basename(packed.tarball)}  ${formatBytes(packed.tarballBytes)} ` +
          `packed, ${formatBytes(unpacked)} unpacked, ${packed.files.length} files${pkg.npm ? '' : ' (private, not for npm)'}`,
      );
      print(packed.files.map((f) => `  ${f.path} (${formatBytes(f.bytes)})`));
      const report = checkPackedPackage(
        packed.manifest,
        packed.files.map((f) => f.path),
        {
          npm: pkg.npm,
          n8nCommunityPackage: pkg.name === 'n8n-nodes-canvelete',
        },
      );
      // The Zapier tarball is a vehicle for this check only; build.zip is what ships.
      if (pkg.npm) problems.push(...report.problems);
      else if (report.problems.length > 0) {
        warnings.push(
          `${pkg.name} tarball (never published to npm; build.zip ships) has ${report.problems.length} ` +
            `findings, e.g. ${report.problems.slice(0, 3).join('; ')}`,
        );
      }
      warnings.push(...report.warnings);
    }
    if (problems.length > 0) throw new CheckFailed(problems.join('\n'));
  });
  if (packs.size !== RELEASED_PACKAGES.length) return;

  await stage('npm publish --dry-run (pnpm publish, as `changeset publish` runs it)', async () => {
    for (const pkg of RELEASED_PACKAGES.filter((p) => p.npm)) {
      const { stdout, stderr } = await runOk('pnpm', ['publish', '--dry-run', '--no-git-checks'], {
        cwd: join(repoRoot, pkg.dir),
        timeoutMs: 120_000,
      });
      const published = `${stdout}\n${stderr}`.match(/^\+ (\S+)$/m)?.[1];
      if (!published)
        throw new CheckFailed(`${pkg.name}: no "+ name@version" line from the dry run`);
      print([`${published} (dry run)`]);
    }
  });

  const installDir = join(workDir, 'install');
  const installed = await stage(
    'npm install of all tarballs into an empty folder (--ignore-scripts)',
    async () => {
      await installTarballs(
        [...packs.values()].map((p) => p.tarball),
        [...packs.keys()],
        installDir,
      );
    },
  );
  if (!installed && !existsSync(join(installDir, 'node_modules'))) return;

  const unpack = async (name: string) => {
    const dir = join(workDir, 'unpacked', name.replace('/', '__'));
    mkdirSync(dir, { recursive: true });
    await runOk('tar', ['-xzf', (packs.get(name) as Packed).tarball, '-C', dir]);
    return join(dir, 'package');
  };

  sandbox = await stage('@canvelete/sandbox: bin starts from the install', async () => {
    const running = await startInstalledSandbox(installDir);
    print([`canvelete-sandbox listening at ${running.url}`]);
    return running;
  });
  if (!sandbox) return;
  const liveSandbox = sandbox;

  await stage('@canvelete/core: import, require, publint, attw', async () =>
    print(
      await checkCore({
        packed: packs.get('@canvelete/core') as Packed,
        unpackedDir: await unpack('@canvelete/core'),
        installDir,
        sandbox: liveSandbox,
        releaseDir,
      }),
    ),
  );

  const exportable = components?.registryProblems.length === 0 ? components : undefined;
  if (exportable) {
    await stage('@canvelete/pipedream: npm package and registry export', async () => {
      const list = exportable.exported.report.components;
      print(await checkPipedreamPackage({ installDir, components: list }));
      const result = await checkPipedreamExport({
        exported: exportable.exported,
        appVersion: exportable.lock?.app.version ?? '0.0.1',
        workDir,
        installDir,
        sandbox: liveSandbox,
        harnessPath: paths.pipedreamHarness,
        pipedreamDir: paths.pipedreamDir,
      });
      print(result.lines);
      warnings.push(...result.warnings);
    });
  }

  await stage('@canvelete/zapier: the packed app and the build.zip Zapier runs', async () => {
    print(await checkZapierPackage(installDir));
    let zip = args['zapier-build-zip'];
    if (!zip && !args['skip-zapier-build']) {
      // The same staging the release workflow pushes from, built offline with the Zapier CLI.
      const stageDir = join(workDir, 'zapier-stage');
      await runOk(join(releaseDir, 'zapier-stage.sh'), [stageDir, '--build'], {
        timeoutMs: 300_000,
      });
      zip = join(stageDir, 'build', 'build.zip');
    }
    if (zip) print(await checkZapierBuildZip(resolve(zip), workDir));
    else
      warnings.push(
        'Zapier build.zip not built (--skip-zapier-build): only the packed app was validated',
      );
  });

  await stage('n8n-nodes-canvelete: runtime modules, node loading, full n8n', async () =>
    print(
      await checkN8n({
        packed: packs.get('n8n-nodes-canvelete') as Packed,
        unpackedDir: await unpack('n8n-nodes-canvelete'),
        installDir,
        e2eRunner: paths.n8nE2eRunner,
        runE2e: !args['skip-n8n-e2e'],
      }),
    ),
  );
}

try {
  await main();
} catch (error) {
  failures.push(`unexpected: ${(error as Error).stack ?? error}`);
} finally {
  await sandbox?.stop();
}
for (const warning of warnings) console.log(`warning: ${warning}`);
// The install holds tens of thousands of files: remove it in the background instead of waiting.
if (failures.length === 0 && !args.keep) {
  spawn('rm', ['-rf', workDir], { detached: true, stdio: 'ignore' }).unref();
} else console.log(`work dir kept: ${workDir}`);
console.log(`total ${seconds(started)}`);
if (failures.length > 0) {
  for (const failure of failures) console.log(`failed: ${failure}`);
  console.log(`release check: FAILED (${failures.length} stage${failures.length > 1 ? 's' : ''})`);
  process.exit(1);
}
console.log('release check: ok');
