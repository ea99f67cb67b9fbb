import { ActionHandle } from './action-runner.ts';
import { type ComponentSetup, loadComponent } from './component-handle.ts';
import { HarnessEnvironment } from './environment.ts';
import { SourceHandle } from './source-runner.ts';
import type { ComponentDefinition } from './types.ts';

/**
 * An emulated Pipedream runtime (ARCHITECTURE "Pipedream"; platforms.md C.4). There is no official
 * local runtime, so this follows the documented behaviour and nothing more; its own tests pin
 * each behaviour to the docs. Components use the real `@pipedream/platform` they import.
 */
export interface PipedreamHarness {
  /** The loopback origin serving source endpoints and rerun URLs. */
  readonly baseUrl: string;
  /** The folder `process.env.STASH_DIR` points to while a component runs. */
  readonly stashDir: string;
  action(component: ComponentDefinition | string, setup?: ComponentSetup): Promise<ActionHandle>;
  source(component: ComponentDefinition | string, setup?: ComponentSetup): Promise<SourceHandle>;
  close(): Promise<void>;
}

async function resolve(component: ComponentDefinition | string): Promise<ComponentDefinition> {
  return typeof component === 'string' ? loadComponent(component) : component;
}

export async function startPipedreamHarness(): Promise<PipedreamHarness> {
  const env = await HarnessEnvironment.start();
  return {
    baseUrl: env.server.baseUrl,
    stashDir: env.stashDir,
    async action(component, setup = {}) {
      const handle = new ActionHandle(await resolve(component), setup, env);
      if (handle.component.additionalProps) await handle.reloadProps();
      return handle;
    },
    async source(component, setup = {}) {
      const handle = new SourceHandle(await resolve(component), setup, env);
      if (handle.component.additionalProps) await handle.reloadProps();
      return handle;
    },
    close: () => env.close(),
  };
}
