import { createRequire } from 'node:module';
import {
  buildAppInstance,
  missingRequiredProps,
  type ResolvedProp,
  resolveProps,
  runOptions,
  userPropValue,
} from './props.ts';
import type { AuthValues, ComponentDefinition, Loose, OptionsPage } from './types.ts';

/**
 * Node's own ESM loader, out of reach of a test runner's module transform (Node ≥ 20.19 loads ES
 * modules through `require`): the platform runs components as plain Node ESM, so a missing named
 * export must fail to link here too instead of surfacing later as `undefined`.
 */
const nativeRequire = createRequire(import.meta.url);

/** Loads a component the way the platform does: the real `.mjs` file, its default export. */
export async function loadComponent(path: string): Promise<ComponentDefinition> {
  const module = nativeRequire(path) as { default?: unknown };
  const component = module.default as ComponentDefinition | undefined;
  if (!component || typeof component !== 'object') {
    throw new Error(`${path} has no default export object`);
  }
  return component;
}

export interface ComponentSetup {
  /** `$auth` per app slug, e.g. `{ canvelete: { api_key: '…' } }`. */
  auth?: Record<string, AuthValues>;
  /** Configured prop values (what the user entered in the prop form). */
  props?: Record<string, unknown>;
}

/** Extra `this` members a runner adds (db, http, $emit …), keyed by prop name or member name. */
export type InstanceExtras = (prop: ResolvedProp) => unknown;

/**
 * What the prop form does before anything runs: resolve props and prop definitions, run
 * `options()` with paging, call `additionalProps()` when a `reloadProps` prop changes, and build
 * the bound `this` every component function sees (props, app objects, methods).
 */
export class ComponentHandle {
  readonly component: ComponentDefinition;
  protected readonly auth: Record<string, AuthValues>;
  protected configured: Record<string, unknown>;
  /** The last `additionalProps()` result; it replaces the previous one (api.mdx "Dynamic props"). */
  protected dynamicProps: Record<string, Loose> = {};
  readonly additionalPropsCalls: Array<Record<string, unknown>> = [];

  constructor(component: ComponentDefinition, setup: ComponentSetup = {}) {
    this.component = component;
    this.auth = setup.auth ?? {};
    this.configured = { ...(setup.props ?? {}) };
  }

  /** Static props merged with the current additional props. */
  props(): ResolvedProp[] {
    return resolveProps({ ...(this.component.props ?? {}), ...this.dynamicProps });
  }

  prop(name: string): ResolvedProp {
    const found = this.props().find((p) => p.name === name);
    if (!found) throw new Error(`Component ${this.component.key} has no prop "${name}"`);
    return found;
  }

  get values(): Record<string, unknown> {
    return { ...this.configured };
  }

  /**
   * Sets prop values like the form; when a changed prop has `reloadProps: true`, the platform
   * calls `additionalProps()` again, so this does too.
   */
  async configure(values: Record<string, unknown>): Promise<void> {
    const props = this.props();
    const changedReload = Object.keys(values).some(
      (name) =>
        values[name] !== this.configured[name] &&
        props.find((p) => p.name === name)?.spec.reloadProps === true,
    );
    this.configured = { ...this.configured, ...values };
    if (changedReload) await this.reloadProps();
  }

  /** Calls `additionalProps(previousPropDefs)` with `this` bound as in `run`; returns the final props. */
  async reloadProps(): Promise<ResolvedProp[]> {
    const { additionalProps } = this.component;
    if (typeof additionalProps !== 'function') return this.props();
    // Shallow copies: a component may flip `hidden`/`disabled` on them without touching the module.
    const previous = Object.fromEntries(
      Object.entries({ ...(this.component.props ?? {}), ...this.dynamicProps }).map(
        ([name, raw]) => [name, isPlainDefinition(raw) ? { ...raw } : raw],
      ),
    );
    const self = this.instance(() => undefined);
    const result = (await additionalProps.call(self, previous)) as
      | Record<string, Loose>
      | undefined;
    this.dynamicProps = { ...(result ?? {}) };
    this.additionalPropsCalls.push({ ...this.configured });
    return this.props();
  }

  /** One call of a prop's `options()`, as the form makes it. */
  async options(
    name: string,
    args: { page?: number; prevContext?: Record<string, unknown>; query?: string } = {},
  ): Promise<OptionsPage> {
    const prop = this.prop(name);
    const appInstance = prop.sourceApp
      ? buildAppInstance(prop.sourceApp, this.auth[prop.sourceApp.app ?? ''])
      : undefined;
    return runOptions(prop, args, {
      appInstance,
      componentInstance: this.instance(() => undefined),
      configured: this.values,
    });
  }

  /**
   * Loads option pages like a user scrolling the dropdown: page 0, 1, … with the previous
   * `context` as `prevContext`, until a page comes back empty (or `maxPages`).
   */
  async allOptions(
    name: string,
    args: { query?: string; maxPages?: number } = {},
  ): Promise<{ options: OptionsPage['options']; pages: OptionsPage[] }> {
    const pages: OptionsPage[] = [];
    let prevContext: Record<string, unknown> = {};
    for (let page = 0; page < (args.maxPages ?? 50); page++) {
      const result = await this.options(name, { page, prevContext, query: args.query });
      pages.push(result);
      if (result.options.length === 0) break;
      prevContext = result.context ?? {};
    }
    return { options: pages.flatMap((p) => p.options), pages };
  }

  missingRequired(): string[] {
    return missingRequiredProps(this.props(), this.configured);
  }

  /** The bound `this`: prop values, app objects, services from `extras`, then bound methods. */
  protected instance(extras: InstanceExtras): Record<string, unknown> {
    const self: Record<string, unknown> = {};
    for (const prop of this.props()) {
      if (prop.kind === 'app' && prop.app) {
        self[prop.name] = buildAppInstance(prop.app, this.auth[prop.app.app ?? '']);
      } else if (prop.kind === 'user') {
        self[prop.name] = userPropValue(prop, this.configured);
      } else if (prop.kind !== 'alert') {
        self[prop.name] = extras(prop);
      }
    }
    for (const [name, method] of Object.entries(this.component.methods ?? {})) {
      self[name] = method.bind(self);
    }
    return self;
  }
}

function isPlainDefinition(raw: Loose): boolean {
  return typeof raw === 'object' && raw !== null && raw.type !== 'app';
}
