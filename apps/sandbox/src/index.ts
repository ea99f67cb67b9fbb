// Public surface of @canvelete/sandbox.

export { SEED_DESIGN_IDS } from './seed/designs.js';
export type { SandboxStats } from './server/context.js';
export type { SandboxKeyOption, SandboxOptions } from './server/options.js';
export { FAIL_REFERENCE_PREFIX } from './server/render-service.js';
export type { Sandbox } from './server/start.js';
export { startSandbox } from './server/start.js';
export type { DeliveryAttempt, DeliveryRecord, Dialect } from './webhooks/types.js';
