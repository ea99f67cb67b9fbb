import { join } from 'node:path';
import { CheckFailed, runOk } from '../proc.ts';
import type { Packed } from '../tarball.ts';
import type { RunningSandbox } from './sandbox.ts';

const bin = (releaseDir: string, name: string) => join(releaseDir, 'node_modules', '.bin', name);

// The same small program in both module systems: list designs on the sandbox, report the exports.
const PROGRAM = `
  const client = new core.Canvelete({ apiKey: process.env.CANVELETE_API_KEY, baseUrl: process.env.CANVELETE_BASE_URL });
  const page = await client.designs.list({ limit: 2 });
  console.log(JSON.stringify({ exports: Object.keys(core).sort(), version: core.VERSION, designs: page.items.length }));
`;
const ESM = `const core = await import('@canvelete/core');${PROGRAM}`;
const CJS = `(async () => { const core = require('@canvelete/core');${PROGRAM} })().catch((e) => { console.error(e.message); process.exit(1); });`;

interface LoadReport {
  exports: string[];
  version: string;
  designs: number;
}

/**
 * @canvelete/core from the installed tarball through `import` and `require`, each making a real
 * call to the sandbox; then publint --strict and attw (node16 profile) on the tarball itself.
 */
export async function checkCore(opts: {
  packed: Packed;
  unpackedDir: string;
  installDir: string;
  sandbox: RunningSandbox;
  releaseDir: string;
}): Promise<string[]> {
  const env = {
    ...process.env,
    CANVELETE_API_KEY: opts.sandbox.apiKey,
    CANVELETE_BASE_URL: opts.sandbox.url,
  };
  const load = async (args: string[]) =>
    JSON.parse((await runOk('node', args, { cwd: opts.installDir, env })).stdout) as LoadReport;
  const esm = await load(['--input-type=module', '-e', ESM]);
  const cjs = await load(['-e', CJS]);
  if (esm.exports.join() !== cjs.exports.join()) {
    throw new CheckFailed(
      `import and require expose different names:\n  ${esm.exports}\n  ${cjs.exports}`,
    );
  }
  for (const name of ['Canvelete', 'CanveleteError', 'verifyWebhook', 'VERSION']) {
    if (!esm.exports.includes(name))
      throw new CheckFailed(`@canvelete/core does not export ${name}`);
  }
  if (
    esm.version !== opts.packed.manifest.version ||
    cjs.version !== opts.packed.manifest.version
  ) {
    throw new CheckFailed(
      `VERSION is ${esm.version}/${cjs.version}, package.json ${opts.packed.manifest.version}`,
    );
  }
  if (esm.designs < 1 || cjs.designs < 1) throw new CheckFailed('designs.list returned no design');

  const publint = await runOk(bin(opts.releaseDir, 'publint'), [
    opts.unpackedDir,
    '--strict',
    '--pack',
    'false',
  ]);
  if (!publint.stdout.includes('All good')) throw new CheckFailed(`publint:\n${publint.stdout}`);
  const attw = await runOk(
    bin(opts.releaseDir, 'attw'),
    [opts.packed.tarball, '--profile', 'node16', '--format', 'json'],
    { timeoutMs: 120_000 },
  );
  const problems = (JSON.parse(attw.stdout) as { analysis: { problems: unknown[] } }).analysis
    .problems;
  if (problems.length > 0)
    throw new CheckFailed(`attw: ${JSON.stringify(problems).slice(0, 2000)}`);
  return [
    `import and require: ${esm.exports.length} named exports, VERSION ${esm.version}, designs.list on the sandbox ok`,
    'publint --strict: all good; attw --profile node16: no problems',
  ];
}
