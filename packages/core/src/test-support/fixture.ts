// Test-only: what the core's HTTP tests share — scripted servers closed after each test, a client
// on one of them that never really waits, and reading the CanveleteError an operation threw.
import { type ScriptedServer, startScriptedServer } from '@canvelete/test-http';
import { afterEach } from 'vitest';
import { Canvelete, type CanveleteOptions } from '../canvelete.js';
import { CanveleteError } from '../errors/index.js';
import { virtualClock } from './virtual-clock.js';

export type VirtualClock = ReturnType<typeof virtualClock>;

/** `serve(steps)` for one test file: every server it starts is closed after each test. */
export function useScriptedServers(): typeof startScriptedServer {
  const servers: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (...args) => {
    const server = await startScriptedServer(...args);
    servers.push(server);
    return server;
  };
}

/** A client on a scripted server, on a virtual clock (waits are recorded, not slept), no jitter. */
export function clientOn(
  server: ScriptedServer,
  options: Partial<CanveleteOptions> & { clock?: VirtualClock } = {},
): { canvelete: Canvelete; clock: VirtualClock } {
  const { clock = virtualClock(), ...rest } = options;
  const canvelete = new Canvelete({
    apiKey: 'cvt_test',
    baseUrl: server.url,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0,
    ...rest,
  });
  return { canvelete, clock };
}

/** The CanveleteError `promise` rejects with (fails the test if it resolves or throws another). */
export async function caught(promise: Promise<unknown>): Promise<CanveleteError> {
  try {
    await promise;
  } catch (error) {
    if (CanveleteError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a CanveleteError');
}
