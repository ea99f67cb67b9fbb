/**
 * An emulated Pipedream runtime for tests (there is no official local one). It loads the real
 * `.mjs` components with Node's own ESM loader, binds props, apps, methods and prop definitions,
 * runs `options()` and `additionalProps()` like the prop form, gives actions a `$` (exports,
 * `flow.exit`/`rerun`/`suspend` with real loopback resume URLs, `context.deadline`, test mode)
 * and sources `$emit` with the documented dedupe, `db`, `http` endpoints, timers and hooks. Each
 * behaviour is pinned to Pipedream's docs by this folder's tests, which also run published
 * Pipedream components as an outside check.
 */
export {
  type ActionExecution,
  ActionHandle,
  type ActionResult,
  type ActionStatus,
  type RunOptions,
} from './action-runner.ts';
export { ComponentHandle, type ComponentSetup, loadComponent } from './component-handle.ts';
export type { LogLine } from './console-capture.ts';
export { applyDedupe, type DedupeStrategy, emptyDedupe, UNIQUE_CACHE_SIZE } from './dedupe.ts';
export { type PipedreamHarness, startPipedreamHarness } from './harness.ts';
export { checkRegistryApp, type RegistryReport } from './registry-checks.ts';
export { type HookName, SourceDb, SourceHandle } from './source-runner.ts';
export { type RerunRequest, TEST_MODE_CANCEL_MESSAGE } from './step-context.ts';
export type {
  ComponentDefinition,
  EmitMeta,
  EmittedEvent,
  HttpEvent,
  HttpResponseSpec,
  OptionsPage,
} from './types.ts';
