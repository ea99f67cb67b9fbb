import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailed, runOk } from '../proc.ts';
import { devOnlyFiles } from '../tarball-rules.ts';

// Zapier's runtime entry: the handler the platform calls, asked for the definition check.
const VALIDATE = (appModule: string, coreModule: string) => `
  const { createAppHandler } = require(${JSON.stringify(coreModule)});
  const App = require(${JSON.stringify(appModule)});
  const handler = ${appModule.endsWith('zapierwrapper.js') ? 'App.handler' : 'createAppHandler(App)'};
  Promise.resolve(handler({ command: 'validate', calledFromCli: true }, {})).then(
    (out) => console.log(JSON.stringify(out)),
    (error) => { console.error(error.message); process.exit(1); },
  );
`;

interface ValidateOutput {
  results?: unknown[];
  status?: string;
}

function assertValid(output: ValidateOutput, what: string): void {
  if (!Array.isArray(output.results) || output.results.length > 0) {
    throw new CheckFailed(
      `${what}: the definition check returned ${JSON.stringify(output).slice(0, 2000)}`,
    );
  }
}

/** The zip `zapier-platform push` uploads: unzipped, its wrapper loads and validates the app. */
export async function checkZapierBuildZip(buildZip: string, workDir: string): Promise<string[]> {
  const dir = join(workDir, 'zapier-build');
  mkdirSync(dir, { recursive: true });
  const { stdout: listing } = await runOk('unzip', ['-Z1', buildZip]);
  const files = listing.split('\n').filter((line) => line && !line.endsWith('/'));
  const missing = ['zapierwrapper.js', 'index.js', 'package.json', 'dist/index.js'].filter(
    (file) => !files.includes(file),
  );
  if (missing.length > 0) throw new CheckFailed(`build.zip lacks ${missing.join(', ')}`);
  const shipped = devOnlyFiles(files);
  if (shipped.length > 0) throw new CheckFailed(`build.zip ships ${shipped.join(', ')}`);
  await runOk('unzip', ['-q', buildZip, '-d', dir]);
  const core = join(dir, 'node_modules', 'zapier-platform-core');
  const { stdout } = await runOk('node', ['-e', VALIDATE(join(dir, 'zapierwrapper.js'), core)], {
    cwd: dir,
  });
  assertValid(JSON.parse(stdout) as ValidateOutput, 'build.zip');
  const own = files.filter((file) => !file.startsWith('node_modules/'));
  return [
    `build.zip: ${files.length} files (${own.length} outside node_modules: ${own.join(', ')})`,
    'zapierwrapper.js loads; createAppHandler validate: no errors',
  ];
}

/** Fallback without a build.zip: the packed app from the install, through the same handler. */
export async function checkZapierPackage(installDir: string): Promise<string[]> {
  const { stdout } = await runOk(
    'node',
    ['-e', VALIDATE('@canvelete/zapier', 'zapier-platform-core')],
    {
      cwd: installDir,
    },
  );
  assertValid(JSON.parse(stdout) as ValidateOutput, '@canvelete/zapier');
  return [
    'packed @canvelete/zapier loads; createAppHandler(App)({command: "validate"}): no errors',
  ];
}
