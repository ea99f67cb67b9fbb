// The Canvelete sandbox as a child process (`apps/sandbox/dist/cli.js --port 0`) plus a tiny client.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { addSecret, StageError, startBackground, stopChild } from './proc.mjs';

export async function startSandbox({ repoRoot, workDir }) {
  const cli = join(repoRoot, 'apps', 'sandbox', 'dist', 'cli.js');
  if (!existsSync(cli)) {
    throw new StageError(
      `${cli} is missing; build it: pnpm turbo run build --filter @canvelete/sandbox...`,
    );
  }
  const logFile = join(workDir, 'sandbox.log');
  const child = startBackground(process.execPath, [cli, '--port', '0', '--host', '127.0.0.1'], {
    env: process.env,
    logFile,
  });
  // startBackground pipes stdout to the log; read the first line from the same stream.
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    new Promise((resolve) => lines.once('line', resolve)),
    child.exited.then(({ code }) => {
      throw new StageError(`sandbox exited (${code}) before printing its address; see ${logFile}`);
    }),
    new Promise((_, reject) =>
      setTimeout(() => reject(new StageError('sandbox did not start within 30 s')), 30_000),
    ),
  ]);
  lines.close();
  const info = JSON.parse(first);
  addSecret(info.apiKey);
  addSecret(info.webhookSecret);
  return { ...info, child, logFile, stop: () => stopChild(child, 5_000) };
}

/** Calls the sandbox API with the key; returns the parsed JSON body, or throws on a non-2xx. */
export async function sandboxApi(sandbox, method, path, body) {
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${sandbox.apiKey}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new StageError(
      `sandbox ${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`,
    );
  }
  return text ? JSON.parse(text) : undefined;
}

/** Accepts both the wrapped (`{success, data}`) and the top-level response shapes. */
export function unwrap(body) {
  return body && typeof body === 'object' && 'data' in body ? body.data : body;
}
