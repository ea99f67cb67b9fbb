import type {
  AuthValues,
  ComponentDefinition,
  Loose,
  OptionsPage,
  PropDefinitionSpec,
} from './types.ts';

/**
 * Props as the runtime resolves them (api.mdx "Props"): a `propDefinition: [app, name, inputValues?]`
 * inherits the app's definition and local keys override it; app props become the app object with
 * `$auth` and its methods bound to it; `$.service.db`, `$.interface.http` and `$.interface.timer`
 * become services; user props take their configured value, else their `default`.
 */
export type PropKind = 'app' | 'db' | 'http' | 'timer' | 'alert' | 'user';

export interface ResolvedProp {
  name: string;
  kind: PropKind;
  spec: PropDefinitionSpec;
  /** The app object a prop definition came from: its `options()` runs with the app as `this`. */
  sourceApp?: ComponentDefinition;
  inputValues?: (configured: Record<string, unknown>) => object;
  app?: ComponentDefinition;
}

export function resolveProp(name: string, raw: Loose): ResolvedProp {
  if (raw === '$.service.db') return { name, kind: 'db', spec: { type: '$.service.db' } };
  if (raw?.type === 'app') return { name, kind: 'app', spec: { type: 'app' }, app: raw };
  if (Array.isArray(raw?.propDefinition)) {
    const [app, definitionName, inputValues] = raw.propDefinition;
    const base = app?.propDefinitions?.[definitionName];
    if (!base) {
      throw new Error(
        `Prop "${name}" references propDefinition "${definitionName}", which app "${app?.app}" does not define`,
      );
    }
    const { propDefinition: _drop, ...overrides } = raw;
    return {
      name,
      kind: 'user',
      spec: { ...base, ...overrides },
      sourceApp: app,
      inputValues: typeof inputValues === 'function' ? inputValues : undefined,
    };
  }
  const type = raw?.type;
  if (type === '$.service.db') return { name, kind: 'db', spec: raw };
  if (type === '$.interface.http') return { name, kind: 'http', spec: raw };
  if (type === '$.interface.timer') return { name, kind: 'timer', spec: raw };
  if (type === 'alert') return { name, kind: 'alert', spec: raw };
  return { name, kind: 'user', spec: raw ?? {} };
}

export function resolveProps(props: Record<string, Loose> | undefined): ResolvedProp[] {
  return Object.entries(props ?? {}).map(([name, raw]) => resolveProp(name, raw));
}

/** The object an app prop exposes: `$auth` plus the app's methods, bound so `this` is the app. */
export function buildAppInstance(app: ComponentDefinition, auth: AuthValues | undefined): Loose {
  const instance: Record<string, unknown> = { $auth: { ...(auth ?? {}) } };
  for (const [name, method] of Object.entries(app.methods ?? {})) {
    instance[name] = method.bind(instance);
  }
  return instance;
}

/** The value a user prop has at run time: the configured one, else the definition's default. */
export function userPropValue(prop: ResolvedProp, configured: Record<string, unknown>): unknown {
  if (Object.hasOwn(configured, prop.name) && configured[prop.name] !== undefined) {
    return configured[prop.name];
  }
  return prop.spec.default;
}

/** Names of required user props without a value (the prop form would not let the step run). */
export function missingRequiredProps(
  props: ResolvedProp[],
  configured: Record<string, unknown>,
): string[] {
  return props
    .filter((p) => p.kind === 'user' && p.spec.optional !== true && !p.spec.hidden)
    .filter((p) => {
      const value = userPropValue(p, configured);
      return value === undefined || value === null || value === '';
    })
    .map((p) => p.name);
}

function normaliseOption(option: unknown): { label: string; value: unknown } {
  if (typeof option === 'object' && option !== null && 'value' in option) {
    const { label, value } = option as { label?: unknown; value: unknown };
    return { label: String(label ?? value), value };
  }
  return { label: String(option), value: option };
}

/**
 * Runs a prop's `options` the way the prop form does (api.mdx "Async Options"): `page` is 0-indexed,
 * `prevContext` is the `context` the previous call returned (`{}` on the first call), `query` is the
 * search text and is passed only when the prop sets `useQuery`. Prop-definition options run with
 * the app as `this` and receive the definition's input values; local options run with the component.
 */
export async function runOptions(
  prop: ResolvedProp,
  args: { page?: number; prevContext?: Record<string, unknown>; query?: string },
  bindings: { appInstance?: Loose; componentInstance: Loose; configured: Record<string, unknown> },
): Promise<OptionsPage> {
  const { options } = prop.spec;
  if (Array.isArray(options)) return { options: options.map(normaliseOption), context: undefined };
  if (typeof options !== 'function') {
    throw new Error(`Prop "${prop.name}" has no options`);
  }
  const input = {
    page: args.page ?? 0,
    prevContext: args.prevContext ?? {},
    ...(prop.spec.useQuery ? { query: args.query } : {}),
    ...(prop.inputValues ? prop.inputValues({ ...bindings.configured }) : {}),
  };
  const self = prop.sourceApp ? bindings.appInstance : bindings.componentInstance;
  const result = await (options as (opts: unknown) => unknown).call(self, input);
  if (Array.isArray(result)) return { options: result.map(normaliseOption), context: undefined };
  if (result && typeof result === 'object' && Array.isArray((result as Loose).options)) {
    const { options: list, context } = result as { options: unknown[]; context?: Loose };
    return { options: list.map(normaliseOption), context };
  }
  throw new Error(
    `options() of prop "${prop.name}" must return an array or { options, context }, got ${typeof result}`,
  );
}
