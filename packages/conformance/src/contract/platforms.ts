// The platforms the contract suite runs on: one entry per driver. Adding a platform means adding
// its driver here (and its column in the expectation tables), not writing new scenarios.
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

const require = createRequire(import.meta.url);
const N8N_PACKAGE_DIR = dirname(require.resolve('n8n-nodes-canvelete/package.json'));
const PIPEDREAM_COMPONENTS_DIR = join(
  dirname(require.resolve('@canvelete/pipedream/package.json')),
  'components/canvelete',
);

export interface PlatformEntry {
  platform: DriverPlatform;
  connect(options: DriverOptions): Promise<ConnectorDriver>;
}

export const PLATFORMS: readonly PlatformEntry[] = [
  { platform: 'zapier', connect: (options) => createZapierDriver({ ...options, app: App }) },
  {
    platform: 'n8n',
    connect: (options) => createN8nDriver({ ...options, packageDir: N8N_PACKAGE_DIR }),
  },
  {
    platform: 'pipedream',
    connect: (options) =>
      createPipedreamDriver({ ...options, componentsDir: PIPEDREAM_COMPONENTS_DIR }),
  },
];

/** A per-platform value: the columns of the suite's expectation tables. */
export type PerPlatform<T> = Record<DriverPlatform, T>;
