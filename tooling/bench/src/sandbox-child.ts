// Runs a sandbox in its own process (so the server and the measured client do not share one event
// loop) with a second key for set-up. Started by sandbox-fixture.ts; prints one JSON line
// {url, apiKey, setupKey} and stops on SIGTERM, on stdin closing, or after a hard time bound.
import { startSandbox } from '@canvelete/sandbox';

interface ChildOptions {
  ratePerMinute?: number;
  burst?: number;
  chaos?: number;
  seed: number;
  setupKey: string;
  /** The process exits by itself after this long, whatever happens to its parent. */
  maxLifetimeMs: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ChildOptions;
const sandbox = await startSandbox({
  port: 0,
  host: '127.0.0.1',
  seed: options.seed,
  rateLimit: options.ratePerMinute,
  burst: options.burst,
  chaos: options.chaos,
  credits: 100_000,
  keys: [{ key: options.setupKey, name: 'bench set-up' }],
});
process.stdout.write(`${JSON.stringify({ url: sandbox.url, apiKey: sandbox.apiKey })}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  sandbox.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
setTimeout(stop, options.maxLifetimeMs).unref();
