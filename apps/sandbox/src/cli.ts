#!/usr/bin/env node
// canvelete-sandbox: starts the sandbox and prints ONE JSON line {"url","apiKey","webhookSecret"}.
import { parseArgs } from 'node:util';
import { startSandbox } from './index.js';
import type { SandboxOptions } from './server/options.js';

const USAGE = `Usage: canvelete-sandbox [options]
  --port <n>             port (default 4010; 0 = a free port)
  --host <addr>          interface (default 127.0.0.1)
  --api-key <key>        API key to accept (default: generated cvt_…)
  --webhook-secret <s>   secret for per-request callbacks (default: generated)
  --rate-limit <n>       requests per minute per key (token bucket; off by default)
  --burst <n>            bucket size (default = rate limit)
  --credits <n>          credit allowance (default 5000)
  --dialect <d>          sdk | docs | py (default sdk)
  --no-webhook-api       answer 404 on /api/v1/webhooks, like today's Canvelete
  --data-dir <dir>       persist designs, renders and files here
  --chaos <rate>         fault probability 0–1 on API requests
  --seed <n>             reproducible keys and chaos
  --allow-remote-images  let image elements fetch http(s) URLs
  --max-body-bytes <n>   request body limit (default 10485760)
  -h, --help`;

function fail(message: string): never {
  process.stderr.write(`canvelete-sandbox: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function toNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) fail(`--${name} must be a number`);
  return n;
}

async function main(): Promise<void> {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dialect = values.dialect ?? 'sdk';
  if (dialect !== 'sdk' && dialect !== 'docs' && dialect !== 'py') {
    fail('--dialect must be sdk, docs or py');
  }
  const chaos = toNumber('chaos', values.chaos);
  if (chaos !== undefined && (chaos < 0 || chaos > 1)) fail('--chaos must be from 0 to 1');
  const options: SandboxOptions = {
    port: toNumber('port', values.port),
    host: values.host,
    apiKey: values['api-key'],
    webhookSecret: values['webhook-secret'],
    rateLimit: toNumber('rate-limit', values['rate-limit']),
    burst: toNumber('burst', values.burst),
    credits: toNumber('credits', values.credits),
    dialect,
    webhookApi: !values['no-webhook-api'],
    dataDir: values['data-dir'],
    chaos,
    seed: toNumber('seed', values.seed),
    allowRemoteImages: values['allow-remote-images'] ?? false,
    maxBodyBytes: toNumber('max-body-bytes', values['max-body-bytes']),
  };
  const sandbox = await startSandbox(options);
  process.stdout.write(
    `${JSON.stringify({ url: sandbox.url, apiKey: sandbox.apiKey, webhookSecret: sandbox.webhookSecret })}\n`,
  );
  if (options.chaos && options.seed === undefined) {
    // stdout stays one JSON line; the seed goes to stderr so a chaotic run can be replayed.
    process.stderr.write(`canvelete-sandbox: chaos seed ${sandbox.seed} (pass --seed to repeat)\n`);
  }
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function parse() {
  return parseArgs({
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'api-key': { type: 'string' },
      'webhook-secret': { type: 'string' },
      'rate-limit': { type: 'string' },
      burst: { type: 'string' },
      credits: { type: 'string' },
      dialect: { type: 'string' },
      'no-webhook-api': { type: 'boolean' },
      'data-dir': { type: 'string' },
      chaos: { type: 'string' },
      seed: { type: 'string' },
      'allow-remote-images': { type: 'boolean' },
      'max-body-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException)?.code;
  process.stderr.write(
    `canvelete-sandbox: could not start${code ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
