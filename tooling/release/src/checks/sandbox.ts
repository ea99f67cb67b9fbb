import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CheckFailed } from '../proc.ts';

export interface RunningSandbox {
  url: string;
  apiKey: string;
  webhookSecret: string;
  stop(): Promise<void>;
}

/**
 * Starts the installed sandbox through its bin (`canvelete-sandbox --port 0`), the way an
 * integrator does, and reads the one JSON line it prints. It listens on 127.0.0.1 only.
 */
export function startInstalledSandbox(installDir: string): Promise<RunningSandbox> {
  const bin = join(installDir, 'node_modules', '.bin', 'canvelete-sandbox');
  const child = spawn(bin, ['--port', '0', '--host', '127.0.0.1', '--seed', '7'], {
    cwd: installDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('close', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new CheckFailed(`canvelete-sandbox printed nothing in 30 s:\n${stderr.slice(-2000)}`));
    }, 30_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new CheckFailed(`canvelete-sandbox exited ${code}:\n${stderr.slice(-2000)}`));
    });
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      child.removeAllListeners('close');
      try {
        const info = JSON.parse(line) as { url: string; apiKey: string; webhookSecret: string };
        if (!info.url?.startsWith('http://127.0.0.1:'))
          throw new Error(`unexpected url ${info.url}`);
        resolve({ ...info, stop });
      } catch (error) {
        void stop();
        reject(
          new CheckFailed(
            `canvelete-sandbox's first line is not its JSON: ${(error as Error).message}`,
          ),
        );
      }
    });
  });
}
