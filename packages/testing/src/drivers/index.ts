// Drivers: each connector in its own runtime behind one interface (import '@canvelete/testing/drivers').

export { createN8nDriver, type N8nDriverOptions } from './n8n.ts';
export {
  createPipedreamDriver,
  type PipedreamDriverOptions,
  runScheduledRender,
  type ScheduledRenderOptions,
} from './pipedream.ts';
export {
  connectorPlatforms,
  type PlatformEntry,
  pipedreamComponentsDir,
} from './platforms.ts';
export * from './types.ts';
export { createZapierDriver, type ZapierDriverOptions } from './zapier.ts';
