// The three connectors, each in its platform's runtime, connected to the demo's target. Started on
// first use and closed when the demo ends.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  type ConnectorDriver,
  createN8nDriver,
  createPipedreamDriver,
  createZapierDriver,
  type DriverOptions,
  type DriverPlatform,
} from '@canvelete/testing/drivers';
import App from '@canvelete/zapier';
import type { DemoTarget } from './types.js';

const require = createRequire(import.meta.url);

const CONNECT: Record<DriverPlatform, (options: DriverOptions) => Promise<ConnectorDriver>> = {
  zapier: (options) => createZapierDriver({ ...options, app: App }),
  n8n: (options) =>
    createN8nDriver({
      ...options,
      packageDir: dirname(require.resolve('n8n-nodes-canvelete/package.json')),
    }),
  pipedream: (options) =>
    createPipedreamDriver({ ...options, componentsDir: PIPEDREAM_COMPONENTS }),
};

/** The Pipedream components folder (canvelete.app.mjs, actions/, sources/). */
export const PIPEDREAM_COMPONENTS = join(
  dirname(require.resolve('@canvelete/pipedream/package.json')),
  'components/canvelete',
);

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
export const CONNECTOR_PLATFORMS = Object.keys(CONNECT) as DriverPlatform[];

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
        driver = CONNECT[platform](driverOptions(target));
        started.set(platform, driver);
      }
      return driver;
    },
    async close() {
      for (const driver of started.values()) await (await driver.catch(() => undefined))?.close();
    },
  };
}
