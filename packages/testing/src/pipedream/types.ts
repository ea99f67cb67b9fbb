/**
 * The shapes the emulated Pipedream runtime works with. They follow the component API reference
 * (docs-v2/pages/components/contributing/api.mdx in PipedreamHQ/pipedream) and rerun.mdx; the
 * definitions are loose on purpose: components are plain JavaScript objects.
 */
// biome-ignore lint/suspicious/noExplicitAny: components are untyped JavaScript objects
export type Loose = any;

export interface PropDefinitionSpec {
  type?: string;
  label?: string;
  description?: string;
  optional?: boolean;
  default?: unknown;
  options?: unknown;
  useQuery?: boolean;
  reloadProps?: boolean;
  secret?: boolean;
  customResponse?: boolean;
  propDefinition?:
    | [Loose, string]
    | [Loose, string, (configured: Record<string, unknown>) => object];
  [key: string]: unknown;
}

export interface ComponentDefinition {
  key?: string;
  name?: string;
  description?: string;
  version?: string;
  type?: 'action' | 'source' | 'app' | string;
  app?: string;
  props?: Record<string, Loose>;
  propDefinitions?: Record<string, PropDefinitionSpec>;
  methods?: Record<string, (...args: Loose[]) => unknown>;
  hooks?: { deploy?: () => unknown; activate?: () => unknown; deactivate?: () => unknown };
  dedupe?: 'unique' | 'greatest' | 'last';
  annotations?: Record<string, boolean>;
  additionalProps?: (previous: Record<string, Loose>) => unknown;
  run: (arg?: Loose) => unknown;
}

export interface EmitMeta {
  id?: string | number;
  name?: string;
  summary?: string;
  ts?: number;
}

export interface EmittedEvent {
  event: unknown;
  meta: EmitMeta;
}

/** The HTTP event a `$.interface.http` source receives (api.mdx "HTTP Event Shape"). */
export interface HttpEvent {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  bodyRaw: string;
  body: unknown;
}

export interface HttpResponseSpec {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** What the app prop receives as `$auth` (custom auth fields of the app). */
export type AuthValues = Record<string, unknown>;

export interface OptionsPage {
  options: Array<{ label: string; value: unknown }>;
  /** The `context` the component returned, passed back as `prevContext` on the next call. */
  context: Record<string, unknown> | undefined;
}
