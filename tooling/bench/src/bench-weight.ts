// Benchmark 5: weight and cold start. Packed size, file count and fresh-process load time of each
// shipped artifact, against comparable published connectors installed from npm at pinned versions.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { type BenchResult, type Row, timed } from './report.js';
import { ratio, round } from './stats.js';
import {
  type Artifact,
  COMPARABLE_SPECS,
  comparableArtifacts,
  type Group,
  ourArtifacts,
  ZAPIER_PLATFORM,
} from './weight-artifacts.js';
import {
  coldLoadMs,
  npmPack,
  type Packed,
  pnpmPack,
  tarballFacts,
  zipFacts,
} from './weight-measure.js';

const run = promisify(execFile);
export const WEIGHT = { loadRuns: 3 } as const;

/** Installs the comparables once per spec list into a cached temp folder (scripts never run). */
async function installComparables(): Promise<string> {
  const hash = createHash('sha256').update(COMPARABLE_SPECS.join('\n')).digest('hex').slice(0, 12);
  const prefix = join(tmpdir(), `canvelete-bench-comparables-${hash}`);
  const marker = join(prefix, '.installed');
  if (existsSync(marker)) return prefix;
  await rm(prefix, { recursive: true, force: true });
  await mkdir(prefix, { recursive: true });
  await run(
    'npm',
    [
      'install',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      '--prefix',
      prefix,
      ...COMPARABLE_SPECS,
    ],
    { timeout: 240_000, maxBuffer: 16 * 1024 * 1024 },
  );
  await writeFile(marker, `${COMPARABLE_SPECS.join('\n')}\n`);
  return prefix;
}

async function packFacts(artifact: Artifact, dest: string): Promise<Packed | undefined> {
  const { pack } = artifact;
  if (pack.kind === 'pnpm') return tarballFacts(await pnpmPack(pack.dir, dest));
  if (pack.kind === 'npm') return tarballFacts(await npmPack(pack.spec, dest));
  if (pack.kind === 'zip') return zipFacts(pack.path);
  return undefined;
}

/** Unzips a Zapier build.zip so its index.js can be required the way Lambda would. */
async function zapierZipVariant(artifact: Artifact, work: string): Promise<void> {
  if (artifact.pack.kind !== 'zip') return;
  const dir = join(work, 'zapier-zip');
  await mkdir(dir, { recursive: true });
  await run('unzip', ['-q', '-o', artifact.pack.path, '-d', dir], { timeout: 60_000 });
  artifact.variants.push({
    label: 'require index.js (unzipped)',
    loads: [{ kind: 'require', path: join(dir, 'index.js') }],
    cwd: dir,
    preload: ZAPIER_PLATFORM,
  });
}

interface Measured {
  artifact: Artifact;
  label: string;
  packed?: Packed;
  /** Fresh process, nothing loaded before: the whole graph, platform included. */
  loadMs?: number;
  /** Fresh process with the platform runtime loaded first: what the connector itself adds. */
  ownMs?: number;
  error?: string;
}

export async function benchWeight(): Promise<BenchResult> {
  return timed(async () => {
    const work = await mkdtemp(join(tmpdir(), 'canvelete-bench-weight-'));
    const notes: string[] = [];
    const measured: Measured[] = [];
    try {
      const { found, missing } = ourArtifacts();
      let comparables: Artifact[] = [];
      try {
        comparables = comparableArtifacts(await installComparables());
      } catch (error) {
        notes.push(
          `comparables could not be installed from npm: ${(error as Error).message.split('\n')[0]}`,
        );
      }
      for (const artifact of [...found, ...comparables]) {
        let packed: Packed | undefined;
        try {
          packed = await packFacts(artifact, work);
          await zapierZipVariant(artifact, work);
        } catch (error) {
          measured.push({
            artifact,
            label: 'pack',
            error: (error as Error).message.split('\n')[0],
          });
          continue;
        }
        if (artifact.variants.length === 0) measured.push({ artifact, label: '—', packed });
        for (const variant of artifact.variants) {
          try {
            const cold = await coldLoadMs(variant.loads, WEIGHT.loadRuns, variant.cwd);
            const own =
              variant.preload.length > 0
                ? await coldLoadMs(variant.loads, WEIGHT.loadRuns, variant.cwd, variant.preload)
                : cold;
            measured.push({
              artifact,
              label: variant.label,
              packed,
              loadMs: cold.medianMs,
              ownMs: own.medianMs,
            });
          } catch (error) {
            const message = (error as { stderr?: string }).stderr || (error as Error).message;
            const line = message.split('\n').find((l) => /Error/.test(l)) ?? message.split('\n')[0];
            measured.push({
              artifact,
              label: variant.label,
              packed,
              error: `load failed: ${line}`,
            });
          }
        }
      }
      const rows = buildRows(measured, missing);
      return {
        id: 'weight',
        title: '5. Weight and cold start',
        baseline:
          'per platform, the first published comparable measured in the same run (× columns)',
        parameters: { ...WEIGHT, comparables: COMPARABLE_SPECS, node: process.version },
        rows,
        targets: [],
        notes: [
          'packed = the tarball `pnpm pack` (ours) or `npm pack <spec>` (published) writes; for Zapier the build.zip. files = file entries in it.',
          `load ms = median of ${WEIGHT.loadRuns} fresh \`node\` processes timing import/require of the listed files (the whole graph, peers included: n8n-workflow, @pipedream/platform, zapier-platform-core); own ms = the same with that platform package loaded first, untimed, as the host has it loaded already.`,
          'Comparables are installed with `npm install --ignore-scripts` into a cached temp folder (peers included, as n8n and Pipedream provide them).',
          'No Canvelete client or Zapier app is published on npm, so the core has no comparable row and Zapier is compared with zapier-platform-core alone.',
          ...notes,
        ],
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
}

function buildRows(
  measured: Measured[],
  missing: { group: Group; name: string; why: string }[],
): Row[] {
  const groups: Group[] = ['core', 'n8n', 'pipedream', 'zapier'];
  const rows: Row[] = [];
  for (const group of groups) {
    const inGroup = measured.filter((m) => m.artifact.group === group);
    const baseline = inGroup.find((m) => !m.artifact.ours && m.error === undefined);
    for (const m of inGroup) {
      rows.push({
        name: `${group}: ${m.artifact.name}${m.artifact.ours ? '' : ' (published)'} — ${m.label}`,
        cells: {
          'packed KiB': m.packed ? round(m.packed.bytes / 1024, 1) : null,
          files: m.packed ? m.packed.files : null,
          'load ms': m.loadMs !== undefined ? round(m.loadMs, 1) : null,
          'own ms': m.ownMs !== undefined ? round(m.ownMs, 1) : null,
          '× size':
            baseline?.packed && m.packed
              ? round(ratio(m.packed.bytes, baseline.packed.bytes), 2)
              : null,
          '× files':
            baseline?.packed && m.packed
              ? round(ratio(m.packed.files, baseline.packed.files), 2)
              : null,
          '× load':
            baseline?.loadMs !== undefined && m.loadMs !== undefined
              ? round(ratio(m.loadMs, baseline.loadMs), 2)
              : null,
          '× own':
            baseline?.ownMs !== undefined && m.ownMs !== undefined
              ? round(ratio(m.ownMs, baseline.ownMs), 2)
              : null,
          status: m.error ?? 'measured',
        },
      });
    }
    for (const gap of missing.filter((g) => g.group === group)) {
      rows.push({ name: `${group}: ${gap.name}`, cells: { status: gap.why } });
    }
  }
  return rows;
}
