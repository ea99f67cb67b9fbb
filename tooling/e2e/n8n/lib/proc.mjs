// Process, timing and polling helpers for the e2e runner. Every child gets its own process group so a
// timeout or a failure can stop it together with whatever it spawned (n8n starts a task runner).
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

const secrets = new Set();
const live = new Set();

function track(child) {
  live.add(child);
  child.on('close', () => live.delete(child));
  return child;
}

/** Kills every child process group still running (used when the stage itself is stopped). */
export function killAll() {
  for (const child of live) killGroup(child, 'SIGKILL');
}

/** Registers a value that must never reach the output (API keys, webhook secrets). */
export function addSecret(value) {
  if (typeof value === 'string' && value.length >= 6) secrets.add(value);
}

export function redact(text) {
  let out = String(text);
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}

export function log(message) {
  process.stdout.write(`[n8n-e2e] ${redact(message)}\n`);
}

export class StageError extends Error {}

const timings = [];

/** Runs one named step, logs its duration and keeps it for the summary. */
export async function step(name, fn) {
  const started = performance.now();
  log(`${name} ...`);
  try {
    const result = await fn();
    const seconds = (performance.now() - started) / 1000;
    timings.push([name, seconds]);
    log(`${name}: done in ${seconds.toFixed(1)} s`);
    return result;
  } catch (error) {
    const seconds = (performance.now() - started) / 1000;
    timings.push([`${name} (FAILED)`, seconds]);
    throw error;
  }
}

export function printTimings() {
  const width = Math.max(...timings.map(([name]) => name.length), 10);
  log('timings:');
  for (const [name, seconds] of timings) {
    log(`  ${name.padEnd(width)} ${seconds.toFixed(1).padStart(7)} s`);
  }
}

/**
 * Runs a command to completion and captures its output. A timeout kills the whole process group.
 * `logFile` also receives everything the command prints (kept for diagnosis of failed runs).
 */
export function run(command, args, { cwd, env, timeoutMs = 300_000, logFile, inherit } = {}) {
  return new Promise((resolve, reject) => {
    const child = track(
      spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      file?.write(chunk);
      if (inherit) process.stdout.write(redact(chunk));
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      file?.write(chunk);
      if (inherit) process.stderr.write(redact(chunk));
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      file?.end();
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** Starts a long-running child in its own process group, its output appended to `logFile`. */
export function startBackground(command, args, { cwd, env, logFile }) {
  const child = track(
    spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }),
  );
  const file = createWriteStream(logFile, { flags: 'a' });
  child.stdout.pipe(file);
  child.stderr.pipe(file);
  child.exited = new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  return child;
}

export function killGroup(child, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with how the process ended. */
export async function stopChild(child, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return child.exited;
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
  const result = await child.exited;
  clearTimeout(timer);
  return result;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls `probe` until it returns a truthy value; throws a StageError naming `what` on timeout.
 * Other errors from `probe` (a server not listening yet) are retried.
 */
export async function waitFor(what, probe, { timeoutMs = 60_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      // A StageError is a verdict, not a transient failure.
      if (error instanceof StageError) throw error;
      lastError = error;
    }
    await sleep(intervalMs);
  }
  const reason = lastError ? ` (last error: ${lastError.message})` : '';
  throw new StageError(`timed out after ${timeoutMs / 1000} s waiting for ${what}${reason}`);
}
