// One sandbox per measured run, in its own process, so every strategy meets a full token bucket and
// fresh counters, and the server's rendering does not share the client's event loop.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Canvelete, type RenderInput } from '@canvelete/core';
import type { SandboxStats } from '@canvelete/sandbox';

export interface BenchSandboxOptions {
  ratePerMinute?: number;
  burst?: number;
  chaos?: number;
  seed: number;
}

export interface BenchSandbox {
  url: string;
  /** The measured key. */
  apiKey: string;
  /** A second key with its own bucket, for set-up and read-back. */
  setupKey: string;
  /** Id of a small design (160 × 80, one shape and one text placeholder) made for the run. */
  designId: string;
  stats(): Promise<SandboxStats>;
  /** Counters since the fixture was ready (set-up and warm-up excluded). */
  statsSinceReady(): Promise<SandboxStats>;
  close(): Promise<void>;
}

/** A small design: cheap to render, so the rate limit (not the renderer) sets the pace. */
export const SMALL_DESIGN = {
  name: 'bench-small',
  width: 160,
  height: 80,
  canvasData: {
    background: '#ffffff',
    elements: [
      { id: 'box', type: 'rectangle', x: 10, y: 10, width: 60, height: 30, fill: '#4f46e5' },
      {
        id: 'label',
        type: 'text',
        x: 80,
        y: 20,
        width: 70,
        height: 30,
        text: '{{label}}',
        fontSize: 14,
        fill: '#111111',
      },
    ],
  },
};

export const BULK_FORMAT = 'svg' as const;

export function bulkItems(designId: string, n: number): RenderInput[] {
  return Array.from({ length: n }, (_, i) => ({
    designId,
    format: BULK_FORMAT,
    dynamicData: { label: `#${i}` },
    reference: `bench-${i}`,
  }));
}

function diff(after: SandboxStats, before: SandboxStats): SandboxStats {
  const out = { ...after };
  for (const key of Object.keys(out) as (keyof SandboxStats)[]) out[key] -= before[key];
  return out;
}

const CHILD = fileURLToPath(new URL('./sandbox-child.js', import.meta.url));
const START_TIMEOUT_MS = 20_000;

async function spawnSandbox(
  options: BenchSandboxOptions,
  setupKey: string,
): Promise<{ child: ChildProcess; url: string; apiKey: string }> {
  const child = spawn(
    process.execPath,
    [CHILD, JSON.stringify({ ...options, setupKey, maxLifetimeMs: 10 * 60_000 })],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the sandbox process exited (${code}) before it was ready`);
    }),
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the sandbox did not start')), START_TIMEOUT_MS).unref(),
    ),
  ]).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  lines.close();
  const { url, apiKey } = JSON.parse(first) as { url: string; apiKey: string };
  return { child, url, apiKey };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function startBenchSandbox(options: BenchSandboxOptions): Promise<BenchSandbox> {
  const setupKey = `cvt_${randomBytes(32).toString('hex')}`;
  const { child, url, apiKey } = await spawnSandbox(options, setupKey);
  const stats = async (): Promise<SandboxStats> => {
    const response = await fetch(`${url}/__sandbox/stats`, { signal: AbortSignal.timeout(10_000) });
    return (await response.json()) as SandboxStats;
  };
  try {
    const setup = new Canvelete({ apiKey: setupKey, baseUrl: url, maxRetries: 8 });
    const design = await setup.designs.create(SMALL_DESIGN);
    // Warm the renderer (fonts, codecs, JIT) so the first measured request pays no start-up cost.
    for (let i = 0; i < 5; i++) {
      await setup.renders.render({
        designId: design.id,
        format: BULK_FORMAT,
        dynamicData: { label: 'w' },
      });
    }
    const ready = await stats();
    return {
      url,
      apiKey,
      setupKey,
      designId: design.id,
      stats,
      statsSinceReady: async () => diff(await stats(), ready),
      close: () => stopChild(child),
    };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
