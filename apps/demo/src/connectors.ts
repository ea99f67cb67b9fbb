// The three connectors, each in its platform's runtime, connected to the demo's target. Started on
// first use and closed when the demo ends.
import { createRequire } from 'node:module';
import {
  type ConnectorDriver,
  connectorPlatforms,
  type DriverOptions,
  type DriverPlatform,
  pipedreamComponentsDir,
} from '@canvelete/testing/drivers';
import type { DemoTarget } from './types.js';

const require = createRequire(import.meta.url);
const PLATFORMS = connectorPlatforms(require);

/** The Pipedream components folder (canvelete.app.mjs, actions/, sources/). */
export const PIPEDREAM_COMPONENTS = pipedreamComponentsDir(require);

/** How the connectors sign in to the demo's target. */
export function driverOptions(target: DemoTarget): DriverOptions {
  return {
    credentials: {
      apiKey: target.apiKey,
      baseUrl: target.baseUrl,
      webhookSecret: target.webhookSecret,
    },
    callbacks: target.canCallBack,
  };
}

/** Every connector the demo plays, in table order. */
export const CONNECTOR_PLATFORMS = PLATFORMS.map((entry) => entry.platform);

export interface Connectors {
  get(platform: DriverPlatform): Promise<ConnectorDriver>;
  close(): Promise<void>;
}

export function openConnectors(target: DemoTarget): Connectors {
  const started = new Map<DriverPlatform, Promise<ConnectorDriver>>();
  return {
    get(platform) {
      let driver = started.get(platform);
      if (!driver) {
        const entry = PLATFORMS.find((candidate) => candidate.platform === platform);
        if (!entry) throw new Error(`no connector for ${platform}`);
        driver = entry.connect(driverOptions(target));
        started.set(platform, driver);
      }
      return driver;
    },
    async close() {
      for (const driver of started.values()) await (await driver.catch(() => undefined))?.close();
    },
  };
}
