// Runs the n8n 2.41.1 CLI on Node 24 with a throwaway user folder and loopback-only servers.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addSecret, log, run, StageError, startBackground, stopChild, waitFor } from './proc.mjs';
import { node24Env } from './toolchain.mjs';

/**
 * The environment every n8n command of one run shares. The encryption key is fixed: credentials are
 * encrypted by `import:credentials` and decrypted by later commands of the same run.
 */
export function n8nEnv({ node24, userFolder, port, brokerPort, logFile }) {
  const encryptionKey = 'canvelete-e2e-fixed-encryption-key';
  addSecret(encryptionKey);
  return node24Env(node24, {
    N8N_USER_FOLDER: userFolder,
    N8N_ENCRYPTION_KEY: encryptionKey,
    // The default engine (isolated-vm) gives the right result but the process then dies with SIGSEGV.
    N8N_EXPRESSION_ENGINE: 'quickjs',
    N8N_DIAGNOSTICS_ENABLED: 'false',
    N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
    N8N_PERSONALIZATION_ENABLED: 'false',
    N8N_TEMPLATES_ENABLED: 'false',
    N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
    N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
    N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
    DB_TYPE: 'sqlite',
    N8N_LISTEN_ADDRESS: '127.0.0.1',
    N8N_HOST: '127.0.0.1',
    N8N_PORT: String(port),
    N8N_PROTOCOL: 'http',
    // What triggers register at Canvelete; `localhost` could resolve to ::1, where nothing listens.
    N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
    N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
    N8N_RUNNERS_BROKER_PORT: String(brokerPort),
    // Structured logs in a file; shown when the stage fails.
    N8N_LOG_OUTPUT: 'file',
    N8N_LOG_FILE_LOCATION: logFile,
    N8N_LOG_LEVEL: 'info',
    NODE_ENV: 'production',
    NO_COLOR: '1',
  });
}

export function createN8n({ install, env, workDir, node }) {
  const cliLog = join(workDir, 'n8n-cli.log');

  async function cli(args, { timeoutMs = 180_000, env: commandEnv = env } = {}) {
    const result = await run(node, [install.bin, ...args], {
      env: commandEnv,
      timeoutMs,
      logFile: cliLog,
    });
    if (result.timedOut) throw new StageError(`n8n ${args[0]} timed out; see ${cliLog}`);
    return result;
  }

  async function cliOk(args, options) {
    const result = await cli(args, options);
    if (result.code !== 0) {
      const output = `${result.stdout}\n${result.stderr}`.trim().slice(-3000);
      throw new StageError(
        `n8n ${args.join(' ')} failed (exit ${result.code ?? result.signal}):\n${output}`,
      );
    }
    return result;
  }

  async function importJson(kind, name, data) {
    const file = join(workDir, `${name}.json`);
    writeFileSync(file, JSON.stringify(data, null, 2), { mode: 0o600 });
    try {
      return await cliOk([`import:${kind}`, `--input=${file}`]);
    } finally {
      // Credentials hold the (sandbox) API key in plain text; n8n keeps them encrypted.
      if (kind === 'credentials') rmSync(file, { force: true });
    }
  }

  /**
   * `execute --id --rawOutput` prints the run data through n8n's logger, so this one command logs
   * to the console too; the run data is the pretty-printed block from a line `{` to a line `}`.
   * A non-zero exit after the result was printed (n8n's default expression engine segfaults at
   * shutdown) is reported, not hidden.
   */
  async function execute(workflowId) {
    const result = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], {
      env: { ...env, N8N_LOG_OUTPUT: 'console,file' },
    });
    const lines = result.stdout.split('\n');
    const first = lines.indexOf('{');
    const last = lines.lastIndexOf('}');
    if (first === -1 || last <= first) {
      const output = `${result.stdout}\n${result.stderr}`.trim().slice(-3000);
      throw new StageError(`n8n execute printed no run data (exit ${result.code}):\n${output}`);
    }
    let data;
    try {
      data = JSON.parse(lines.slice(first, last + 1).join('\n'));
    } catch (error) {
      throw new StageError(`n8n execute output is not JSON (${error.message}); see ${cliLog}`);
    }
    if (result.code !== 0) {
      log(
        `warning: n8n execute exited with ${result.code ?? result.signal} after printing its result`,
      );
    }
    return data;
  }

  async function start() {
    const serverLog = join(workDir, 'n8n-server.log');
    // Debug level: the activation outcome of published workflows is only logged at debug level.
    const child = startBackground(node, [install.bin, 'start'], {
      env: { ...env, N8N_LOG_LEVEL: 'debug' },
      logFile: serverLog,
    });
    const base = `http://127.0.0.1:${env.N8N_PORT}`;
    const exited = child.exited.then(({ code, signal }) => {
      throw new StageError(`n8n start exited early (${code ?? signal}); see ${serverLog}`);
    });
    exited.catch(() => {});
    await Promise.race([
      exited,
      waitFor(
        'n8n /healthz/readiness',
        async () => {
          const response = await fetch(`${base}/healthz/readiness`);
          return response.ok;
        },
        { timeoutMs: 120_000, intervalMs: 500 },
      ),
    ]);
    return { child, base, serverLog, stop: () => stopChild(child) };
  }

  /** n8n's structured log entries (one JSON object a line) about `workflowId`. */
  function logEntriesFor(workflowId) {
    if (!existsSync(env.N8N_LOG_FILE_LOCATION)) return [];
    const entries = [];
    for (const line of readFileSync(env.N8N_LOG_FILE_LOCATION, 'utf8').split('\n')) {
      if (!line.includes(workflowId)) continue;
      try {
        entries.push(JSON.parse(line));
      } catch {
        // A partly written line; the next poll reads it whole.
      }
    }
    return entries;
  }

  /**
   * n8n 2.41 activates published workflows after start-up, asynchronously: its publication service
   * (on by default) enqueues them in an outbox that a consumer drains, and logs the outcome only at
   * debug level. Readiness comes first, so a webhook called then answers 404. This waits for the
   * outcome entry of `workflowId` and fails fast on anything but `completed`.
   */
  async function waitForActivation(workflowId, { timeoutMs = 120_000 } = {}) {
    const outcome = await waitFor(
      `n8n to activate workflow ${workflowId}`,
      () =>
        logEntriesFor(workflowId).find((entry) =>
          entry.message.startsWith('Finished processing workflow publication outbox record'),
        ),
      { timeoutMs, intervalMs: 500 },
    );
    const result = outcome.metadata?.result;
    if (result !== 'completed') {
      const problems = logEntriesFor(workflowId)
        .filter((entry) => entry.level === 'warn' || entry.level === 'error')
        .map((entry) => `${entry.message} ${JSON.stringify(entry.metadata ?? {})}`);
      throw new StageError(
        `n8n did not activate ${workflowId} (publication result: ${result})\n${problems.join('\n')}`,
      );
    }
    return outcome;
  }

  return { cli, cliOk, importJson, execute, start, waitForActivation, cliLog };
}
