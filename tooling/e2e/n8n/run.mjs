#!/usr/bin/env node
// Full-n8n end-to-end stage: the real n8n 2.41.1 app (Node 24) with our package installed as a
// community package, against the Canvelete sandbox. Run from anywhere with Node >= 20:
//   node tooling/e2e/n8n/run.mjs [--package-dir <dir> | --tarball <file.tgz> | --fixture]
//                                [--skip-build] [--keep]
// Ends with `n8n e2e: ok` (exit 0) or `n8n e2e: FAILED …` (exit 1). Details: README.md here.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkExecuteResult, checkTrigger } from './lib/checks.mjs';
import { installTarball, packPackage } from './lib/community-package.mjs';
import { createN8n, n8nEnv } from './lib/n8n.mjs';
import {
  freePort,
  killAll,
  log,
  printTimings,
  redact,
  run,
  StageError,
  step,
} from './lib/proc.mjs';
import { startSandbox } from './lib/sandbox.mjs';
import { startSink } from './lib/sink.mjs';
import { ensureN8n, ensureNode24, node24Env } from './lib/toolchain.mjs';
import {
  canveleteScenario,
  EXECUTE_WORKFLOW_ID,
  fixtureScenario,
  TRIGGER_WORKFLOW_ID,
} from './lib/workflows.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..', '..');
const FIXTURE_DIR = join(here, 'fixtures', 'n8n-nodes-e2e-fixture');

const { values: args } = parseArgs({
  options: {
    'package-dir': { type: 'string' },
    tarball: { type: 'string' },
    fixture: { type: 'boolean', default: false },
    'skip-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const packageDir = resolve(
  args.fixture ? FIXTURE_DIR : (args['package-dir'] ?? join(repoRoot, 'packages', 'n8n')),
);
const tarball = args.tarball ? resolve(args.tarball) : undefined;
const packageName = tarball
  ? undefined
  : JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).name;

const cleanups = [];
let workDir;

async function main() {
  const started = performance.now();
  log(`package under test: ${tarball ?? `${packageName} (${packageDir})`}`);

  if (!args['skip-build'] && !tarball) {
    await step('build the package and the sandbox (turbo, cached)', async () => {
      const filters = ['--filter', '@canvelete/sandbox...'];
      if (packageDir.startsWith(join(repoRoot, 'packages')))
        filters.push('--filter', `${packageName}...`);
      const result = await run(
        'pnpm',
        ['turbo', 'run', 'build', ...filters, '--output-logs=errors-only'],
        {
          cwd: repoRoot,
          env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
          timeoutMs: 300_000,
        },
      );
      if (result.code !== 0) {
        throw new StageError(
          `turbo build failed:\n${(result.stdout + result.stderr).slice(-3000)}`,
        );
      }
    });
  }

  const node24 = await step('Node 24', () => ensureNode24(repoRoot));
  workDir = mkdtempSync(join(tmpdir(), 'canvelete-n8n-e2e-'));
  const userFolder = join(workDir, 'user');
  log(`work dir: ${workDir}`);

  const install = await step('install n8n 2.41.1 (cached by lockfile)', () =>
    ensureN8n({ projectDir: here, node24, logFile: join(workDir, 'pnpm-install.log') }),
  );
  log(`n8n install: ${install.cold ? 'COLD (installed now)' : 'warm (reused)'} at ${install.dir}`);

  const pkg = await step('install the package from its packed tarball', async () => {
    const packed = tarball ?? (await packPackage({ packageDir, workDir, env: node24Env(node24) }));
    return installTarball({ tarball: packed, userFolder, workDir });
  });
  log(`installed ${pkg.name}@${pkg.version} as a community package`);

  const sandbox = await step('start the sandbox', () => startSandbox({ repoRoot, workDir }));
  cleanups.push(() => sandbox.stop());
  const sink = await startSink();
  cleanups.push(() => sink.close());
  log(`sandbox at ${sandbox.url}`);

  const port = await freePort();
  const env = n8nEnv({
    node24,
    userFolder,
    port,
    brokerPort: await freePort(),
    logFile: join(workDir, 'n8n.log'),
  });
  const n8n = createN8n({ install, env, workDir, node: node24.node });
  const scenarioOf = pkg.name === 'n8n-nodes-canvelete' ? canveleteScenario : fixtureScenario;
  const scenario = scenarioOf({ packageName: pkg.name, sandbox, sinkUrl: sink.url });

  await step('n8n import:credentials (first command migrates the DB)', () =>
    n8n.importJson('credentials', 'credentials', scenario.credentials),
  );
  await step('n8n import:workflow', () =>
    n8n.importJson('workflow', 'workflows', [scenario.executeWorkflow, scenario.triggerWorkflow]),
  );
  const runData = await step(`n8n execute --id=${EXECUTE_WORKFLOW_ID}`, () =>
    n8n.execute(EXECUTE_WORKFLOW_ID),
  );
  await checkExecuteResult({ packageName: pkg.name, runData, sandbox });

  await step(`n8n publish:workflow --id=${TRIGGER_WORKFLOW_ID}`, () =>
    n8n.cliOk(['publish:workflow', `--id=${TRIGGER_WORKFLOW_ID}`]),
  );
  const server = await step('n8n start (until /healthz/readiness)', () => n8n.start());
  cleanups.push(() => server.stop());
  log(`n8n listening at ${server.base}`);
  await step('n8n activated the published trigger workflow', () =>
    n8n.waitForActivation(TRIGGER_WORKFLOW_ID),
  );

  await checkTrigger({ packageName: pkg.name, scenario, sandbox, sink, server, env });

  await step('stop n8n (SIGTERM)', async () => {
    cleanups.pop();
    const { code, signal } = await server.stop();
    log(`n8n stopped (${code ?? signal})`);
  });
  log(`total ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function cleanup() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      log(`cleanup: ${error.message}`);
    }
  }
}

function tail(file, lines = 40) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

// CI may stop the stage: take n8n, its task runner and the sandbox down with it.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    console.log(`n8n e2e: FAILED (stopped by ${signal})`);
    process.exit(130);
  });
}

try {
  await main();
  await cleanup();
  printTimings();
  if (!args.keep) rmSync(workDir, { recursive: true, force: true });
  else log(`kept ${workDir}`);
  log('n8n e2e: ok');
  console.log('n8n e2e: ok');
  process.exit(0);
} catch (error) {
  await cleanup();
  printTimings();
  const known = error instanceof StageError;
  process.stderr.write(redact(`${known ? error.message : error.stack}\n`));
  if (workDir) {
    for (const file of ['n8n.log', 'n8n-server.log', 'sandbox.log']) {
      const text = tail(join(workDir, file));
      if (text) process.stderr.write(redact(`--- last lines of ${file} ---\n${text}\n`));
    }
    process.stderr.write(`logs kept in ${workDir}\n`);
  }
  console.log(`n8n e2e: FAILED (${redact(error.message.split('\n')[0])})`);
  process.exit(1);
}
