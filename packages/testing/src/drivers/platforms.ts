// The three connectors as driver factories. The adapter packages are loaded through the caller's
// `require`: the caller (the contract suite, the demo) depends on them, and this kit must not, as
// they depend on it.
import { dirname, join } from 'node:path';
import { createN8nDriver } from './n8n.ts';
import { createPipedreamDriver } from './pipedream.ts';
import type { ConnectorDriver, DriverOptions, DriverPlatform } from './types.ts';
import { createZapierDriver } from './zapier.ts';

export interface PlatformEntry {
  platform: DriverPlatform;
  connect(options: DriverOptions): Promise<ConnectorDriver>;
}

/** The folder holding canvelete.app.mjs, actions/ and sources/ of @canvelete/pipedream. */
export function pipedreamComponentsDir(require: NodeJS.Require): string {
  return join(
    dirname(require.resolve('@canvelete/pipedream/package.json')),
    'components/canvelete',
  );
}

/** Every connector, in table order; a new platform is one more entry here. */
export function connectorPlatforms(require: NodeJS.Require): PlatformEntry[] {
  return [
    {
      platform: 'zapier',
      connect: (options) =>
        createZapierDriver({ ...options, app: require('@canvelete/zapier') as object }),
    },
    {
      platform: 'n8n',
      connect: (options) =>
        createN8nDriver({
          ...options,
          packageDir: dirname(require.resolve('n8n-nodes-canvelete/package.json')),
        }),
    },
    {
      platform: 'pipedream',
      connect: (options) =>
        createPipedreamDriver({ ...options, componentsDir: pipedreamComponentsDir(require) }),
    },
  ];
}
