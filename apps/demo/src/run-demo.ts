import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Canvelete, CanveleteError } from '@canvelete/core';
import { type Sandbox, SEED_DESIGN_IDS, startSandbox } from '@canvelete/sandbox';
import { openConnectors } from './connectors.js';
import { galleryHtml } from './gallery.js';
import { SCENARIOS } from './scenarios/index.js';
import {
  type DemoArtifact,
  type DemoDesigns,
  type DemoTarget,
  type ScenarioContext,
  type ScenarioResult,
  ScenarioSkipped,
} from './types.js';

/** The sandbox's seeded designs, by the role they play in the demo. */
const SANDBOX_DESIGNS: DemoDesigns = {
  certificate: SEED_DESIGN_IDS.certificate,
  productCard: SEED_DESIGN_IDS.productCard,
  socialImage: SEED_DESIGN_IDS.ogImage,
  dailyPost: SEED_DESIGN_IDS.dailyPost,
};

export interface DemoOptions {
  outDir: string;
  /** A real account; when absent the embedded sandbox is started. */
  apiKey?: string;
  baseUrl?: string;
  log?: (line: string) => void;
}

export interface DemoRun {
  results: ScenarioResult[];
  outDir: string;
  galleryPath: string;
}

/** Design names that fit each role, most specific first (whole words, so "Blog" is no "og"). */
const ROLE_PATTERNS: Array<[keyof DemoDesigns, RegExp]> = [
  ['certificate', /\bcertificate\b/i],
  ['productCard', /\bproduct\b/i],
  ['socialImage', /\b(open graph|og|social image|social card)\b/i],
  ['dailyPost', /\b(daily|post)\b/i],
];

/** On a real account: the first design whose name fits each role, never one design for two roles. */
export async function findDesignsByName(client: Canvelete): Promise<DemoDesigns> {
  const byRole: Partial<DemoDesigns> = {};
  const taken = new Set<string>();
  for await (const design of client.designs.iterate({ limit: 100 })) {
    const role = ROLE_PATTERNS.find(([r, pattern]) => !byRole[r] && pattern.test(design.name));
    if (role && !taken.has(design.id)) {
      byRole[role[0]] = design.id;
      taken.add(design.id);
    }
  }
  const missing = ROLE_PATTERNS.map(([role]) => role).filter((role) => !byRole[role]);
  if (missing.length > 0)
    throw new Error(
      `No design on this account is named like a ${missing.join(', ')} (looked for ${missing
        .map((role) => ROLE_PATTERNS.find(([r]) => r === role)?.[1].source)
        .join('; ')})`,
    );
  return byRole as DemoDesigns;
}

async function openTarget(
  options: DemoOptions,
): Promise<{ target: DemoTarget; sandbox?: Sandbox }> {
  if (options.apiKey) {
    const client = new Canvelete({
      apiKey: options.apiKey,
      baseUrl: options.baseUrl,
      userAgent: 'canvelete-demo',
    });
    return {
      target: {
        apiKey: options.apiKey,
        baseUrl: client.baseUrl,
        client,
        canCallBack: false,
        designs: await findDesignsByName(client),
      },
    };
  }
  const sandbox = await startSandbox({ port: 0, webhookRetryScheduleMs: [200, 1000] });
  const client = new Canvelete({
    apiKey: sandbox.apiKey,
    baseUrl: sandbox.url,
    userAgent: 'canvelete-demo',
  });
  return {
    sandbox,
    target: {
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      assetsUrl: `${sandbox.url}/assets`,
      webhookSecret: sandbox.webhookSecret,
      client,
      canCallBack: true,
      designs: SANDBOX_DESIGNS,
    },
  };
}

export function describeError(error: unknown): string {
  if (CanveleteError.isInstance(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs every scenario on every platform that has a runner, writing files and the gallery. */
export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  const log = options.log ?? (() => {});
  await rm(options.outDir, { recursive: true, force: true });
  await mkdir(options.outDir, { recursive: true });
  const { target, sandbox } = await openTarget(options);
  log(sandbox ? `sandbox running at ${sandbox.url}` : `using ${target.baseUrl}`);
  const results: ScenarioResult[] = [];
  const connectors = openConnectors(target);
  try {
    for (const scenario of SCENARIOS) {
      for (const [platform, run] of Object.entries(scenario.runners)) {
        if (!run) continue;
        const artifacts: DemoArtifact[] = [];
        const context: ScenarioContext = {
          target,
          connector: (name) => connectors.get(name),
          progress: (message) => log(`  [${scenario.id} · ${platform}] ${message}`),
          save: async (name, bytes, contentType) => {
            await writeFile(join(options.outDir, name), bytes);
            const artifact = { file: name, contentType };
            artifacts.push(artifact);
            return artifact;
          },
        };
        const started = performance.now();
        log(`▶ ${scenario.title} (${platform})`);
        try {
          const outcome = await run(context);
          results.push({
            scenario: scenario.id,
            title: scenario.title,
            platform: platform as ScenarioResult['platform'],
            ok: true,
            ms: performance.now() - started,
            note: outcome.note,
            artifacts: outcome.artifacts,
          });
          log(`  ✔ ${outcome.note}`);
        } catch (error) {
          const base = {
            scenario: scenario.id,
            title: scenario.title,
            platform: platform as ScenarioResult['platform'],
            ms: performance.now() - started,
            artifacts,
          };
          if (error instanceof ScenarioSkipped) {
            results.push({ ...base, ok: true, skipped: true, note: `skipped: ${error.message}` });
            log(`  – skipped: ${error.message}`);
            continue;
          }
          const message = describeError(error);
          results.push({ ...base, ok: false, note: '', error: message });
          log(`  ✘ ${message}`);
        }
      }
    }
  } finally {
    await connectors.close();
    await sandbox?.close();
  }
  const galleryPath = join(options.outDir, 'index.html');
  await writeFile(galleryPath, galleryHtml(results, new Date()));
  await writeFile(join(options.outDir, 'summary.json'), `${JSON.stringify(results, null, 2)}\n`);
  return { results, outDir: options.outDir, galleryPath };
}
