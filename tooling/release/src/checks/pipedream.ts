import { mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PipedreamExport, writePipedreamExport } from '../pipedream-export.ts';
import { CheckFailed, runOk } from '../proc.ts';
import type { ExportedComponent } from '../registry-rules.ts';
import type { RunningSandbox } from './sandbox.ts';

// Imports each component module with plain Node and prints what the registry reads from it.
const IMPORT_ALL = `
  const files = JSON.parse(process.env.COMPONENT_FILES);
  const out = [];
  for (const file of files) {
    const { default: c } = await import(file);
    out.push({ key: c.key, version: c.version, type: c.type });
  }
  console.log(JSON.stringify(out));
`;

async function importComponents(
  dir: string,
  components: readonly ExportedComponent[],
  cwd: string,
) {
  const files = components.map((c) => pathToFileURL(join(dir, c.path)).href);
  const { stdout } = await runOk('node', ['--input-type=module', '-e', IMPORT_ALL], {
    cwd,
    env: { ...process.env, COMPONENT_FILES: JSON.stringify(files) },
  });
  const loaded = JSON.parse(stdout) as Array<{ key: string; version: string; type: string }>;
  const wrong = components.filter((c, i) => {
    const got = loaded[i];
    return !got || got.key !== c.key || got.version !== c.version || got.type !== c.kind;
  });
  if (wrong.length > 0) {
    throw new CheckFailed(
      `loaded key/version/type differ from the files: ${wrong.map((c) => c.key)}`,
    );
  }
  return loaded;
}

/** @canvelete/pipedream from npm: its components import @canvelete/core from the same install. */
export async function checkPipedreamPackage(opts: {
  installDir: string;
  components: readonly ExportedComponent[];
}): Promise<string[]> {
  const dir = join(
    opts.installDir,
    'node_modules',
    '@canvelete',
    'pipedream',
    'components',
    'canvelete',
  );
  const loaded = await importComponents(dir, opts.components, opts.installDir);
  return [
    `npm package: ${loaded.length} components import with Node (key/version/type as declared)`,
  ];
}

interface EslintModule {
  ESLint: new (options: {
    cwd: string;
    overrideConfigFile: string;
  }) => {
    lintFiles(patterns: string[]): Promise<
      Array<{
        filePath: string;
        messages: Array<{ ruleId: string | null; message: string; line: number; severity: number }>;
      }>
    >;
  };
}

/**
 * The registry's ESLint rules (@pipedream/eslint-plugin-pipedream, packages/pipedream's config) on
 * the exported tree, as the registry's CI lints changed components.
 */
async function lintWithRegistryRules(root: string, pipedreamDir: string): Promise<string> {
  const require = createRequire(join(pipedreamDir, 'package.json'));
  const { ESLint } = (await import(pathToFileURL(require.resolve('eslint')).href)) as EslintModule;
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: join(pipedreamDir, 'eslint.config.mjs'),
  });
  const results = await eslint.lintFiles(['components/canvelete']);
  const errors = results.flatMap((r) =>
    r.messages
      .filter((m) => m.severity === 2)
      .map(
        (m) =>
          `${r.filePath.slice(root.length + 1)}:${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`,
      ),
  );
  if (errors.length > 0) throw new CheckFailed(`registry ESLint rules:\n  ${errors.join('\n  ')}`);
  return `export: registry ESLint rules clean on ${results.length} files`;
}

interface HarnessModule {
  checkRegistryApp(dir: string): Promise<{ problems: string[]; components: unknown[] }>;
  startPipedreamHarness(): Promise<{
    action(
      path: string,
      setup: object,
    ): Promise<{ run(): Promise<{ returnValue?: unknown; summary?: string }> }>;
    close(): Promise<void>;
  }>;
}

/**
 * The registry export, written into a folder whose only npm package is @pipedream/platform (from
 * the install): a leftover `@canvelete/core` import cannot resolve there. Plain Node import of
 * every component, then the Pipedream harness (packages/testing) checks the app like the
 * registry's CI and runs two actions against the installed sandbox.
 */
export async function checkPipedreamExport(opts: {
  exported: PipedreamExport;
  appVersion: string;
  workDir: string;
  installDir: string;
  sandbox: RunningSandbox;
  harnessPath: string;
  pipedreamDir: string;
}): Promise<{ lines: string[]; warnings: string[] }> {
  const root = join(opts.workDir, 'pipedream-registry');
  const appDir = join(root, 'components', 'canvelete');
  await writePipedreamExport(opts.exported, opts.appVersion, appDir);
  mkdirSync(join(root, 'node_modules', '@pipedream'), { recursive: true });
  symlinkSync(
    join(opts.installDir, 'node_modules', '@pipedream', 'platform'),
    join(root, 'node_modules', '@pipedream', 'platform'),
    'dir',
  );
  const components = opts.exported.report.components;
  const loaded = await importComponents(appDir, components, root);
  const lines = [
    `export: ${loaded.length} components import with Node, core vendored (no npm but @pipedream/platform)`,
  ];

  lines.push(await lintWithRegistryRules(root, opts.pipedreamDir));

  let harness: HarnessModule;
  try {
    harness = (await import(pathToFileURL(opts.harnessPath).href)) as HarnessModule;
    if (
      typeof harness.checkRegistryApp !== 'function' ||
      typeof harness.startPipedreamHarness !== 'function'
    ) {
      throw new Error('it lacks checkRegistryApp/startPipedreamHarness');
    }
  } catch (error) {
    return {
      lines,
      warnings: [
        `Pipedream harness not usable, export checked with plain Node only: ${(error as Error).message}`,
      ],
    };
  }
  const report = await harness.checkRegistryApp(appDir);
  if (report.problems.length > 0)
    throw new CheckFailed(`harness registry check:\n  ${report.problems.join('\n  ')}`);
  const pd = await harness.startPipedreamHarness();
  try {
    const auth = {
      canvelete: {
        api_key: opts.sandbox.apiKey,
        base_url: opts.sandbox.url,
        signing_secret: opts.sandbox.webhookSecret,
      },
    };
    const listed = await (
      await pd.action(join(appDir, 'actions/list-designs/list-designs.mjs'), {
        auth,
        props: { maxResults: 3 },
      })
    ).run();
    if (!Array.isArray(listed.returnValue) || listed.returnValue.length === 0) {
      throw new CheckFailed(
        `canvelete-list-designs returned ${JSON.stringify(listed.returnValue)?.slice(0, 300)}`,
      );
    }
    const usage = await (
      await pd.action(join(appDir, 'actions/get-usage/get-usage.mjs'), { auth })
    ).run();
    if (!usage.returnValue || typeof usage.returnValue !== 'object') {
      throw new CheckFailed('canvelete-get-usage returned no object');
    }
    lines.push(
      `harness: registry checks clean (${report.components.length} components); list-designs ` +
        `("${listed.summary}") and get-usage ("${usage.summary}") ran against the sandbox`,
    );
  } finally {
    await pd.close();
  }
  return { lines, warnings: [] };
}
