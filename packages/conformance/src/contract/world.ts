// A sandbox and one connected driver per platform, for a test file's lifetime.
import {
  type Sandbox,
  type SandboxOptions,
  SEED_DESIGN_IDS,
  startSandbox,
} from '@canvelete/sandbox';
import type { ConnectorDriver, DriverPlatform } from '@canvelete/testing/drivers';
import { afterAll, beforeAll } from 'vitest';
import { PLATFORMS } from './platforms.ts';

/** The sandbox's seeded designs and template. */
export const SEED = SEED_DESIGN_IDS;

export interface ContractWorld {
  readonly sandbox: Sandbox;
  driver(platform: DriverPlatform): ConnectorDriver;
}

/** Starts the sandbox and connects every platform's driver to it (beforeAll / afterAll). */
export function useContractWorld(options: SandboxOptions = {}): ContractWorld {
  let sandbox: Sandbox | undefined;
  const drivers = new Map<DriverPlatform, ConnectorDriver>();
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seed: 11, webhookRetryScheduleMs: [100], ...options });
    for (const entry of PLATFORMS) {
      drivers.set(
        entry.platform,
        await entry.connect({
          credentials: {
            apiKey: sandbox.apiKey,
            baseUrl: sandbox.url,
            webhookSecret: sandbox.webhookSecret,
          },
        }),
      );
    }
  }, 60_000);
  afterAll(async () => {
    for (const driver of drivers.values()) await driver.close();
    await sandbox?.close();
  });
  return {
    get sandbox() {
      if (!sandbox) throw new Error('the contract world is not started yet');
      return sandbox;
    },
    driver(platform) {
      const driver = drivers.get(platform);
      if (!driver) throw new Error(`no driver for ${platform}`);
      return driver;
    },
  };
}

export { failureOf } from './failure-of.ts';
