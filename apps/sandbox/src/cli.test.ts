import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const children: ReturnType<typeof spawn>[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

function start(args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const first = new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
  });
  return { child, first };
}

describe('canvelete-sandbox CLI (needs a build)', () => {
  it('prints one JSON line with url, apiKey and webhookSecret, then serves', async () => {
    const { child, first } = start([
      '--port',
      '0',
      '--seed',
      '9',
      '--dialect',
      'docs',
      '--no-webhook-api',
      '--rate-limit',
      '100',
    ]);
    const line = await first;
    const info = JSON.parse(line);
    expect(Object.keys(info)).toEqual(['url', 'apiKey', 'webhookSecret']);
    expect(info.apiKey).toMatch(/^cvt_[0-9a-f]{64}$/);
    const res = await fetch(`${info.url}/v1/designs`, {
      headers: { Authorization: `Bearer ${info.apiKey}` },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { success: boolean }).success).toBe(true);
    expect(res.headers.get('x-ratelimit-limit')).toBe('100');
    const hooks = await fetch(`${info.url}/api/v1/webhooks`, {
      headers: { Authorization: `Bearer ${info.apiKey}` },
    });
    expect(hooks.status).toBe(404);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 with usage on a bad option', async () => {
    const child = spawn(process.execPath, [CLI, '--dialect', 'klingon'], { stdio: 'pipe' });
    children.push(child);
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('--dialect');
  });
});
