import { randomUUID } from 'node:crypto';
import { ComponentHandle, type ComponentSetup } from './component-handle.ts';
import { captureConsole, type LogLine } from './console-capture.ts';
import { applyDedupe, type DedupeState, emptyDedupe } from './dedupe.ts';
import type { HarnessEnvironment } from './environment.ts';
import { cloneJson } from './json.ts';
import type { ResolvedProp } from './props.ts';
import type {
  ComponentDefinition,
  EmitMeta,
  EmittedEvent,
  HttpEvent,
  HttpResponseSpec,
} from './types.ts';

/** The `$.service.db` key-value store: values are JSON, `get` of a missing key is `undefined`. */
export class SourceDb {
  private readonly store = new Map<string, string>();
  get(key: string): unknown {
    const text = this.store.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }
  set(key: string, value: unknown): void {
    const text = JSON.stringify(cloneJson(value, `db value "${key}"`));
    if (text === undefined) this.store.delete(key);
    else this.store.set(key, text);
  }
  keys(): string[] {
    return [...this.store.keys()];
  }
}

export type HookName = 'deploy' | 'activate' | 'deactivate';

/**
 * A deployed source (api.mdx "Source Lifecycle"): deploy = `deploy()` then `activate()`; update =
 * `deactivate()`, new props, `activate()`; delete = `deactivate()`. `$emit` is available in `run`
 * and in hooks; each execution's emits go through the dedupe strategy. `$.interface.http` props
 * get a real loopback endpoint; with `customResponse: true` the HTTP answer is what the source
 * passed to `this.http.respond()`.
 */
export class SourceHandle extends ComponentHandle {
  readonly db = new SourceDb();
  readonly emitted: EmittedEvent[] = [];
  readonly dropped: EmittedEvent[] = [];
  readonly hookCalls: HookName[] = [];
  readonly logs: LogLine[] = [];
  readonly warnings: string[] = [];
  readonly responses: HttpResponseSpec[] = [];
  readonly endpoint: string;
  private readonly dedupeState: DedupeState = emptyDedupe();
  private readonly prefix = `source-${randomUUID()}`;
  private deployed = false;

  constructor(
    component: ComponentDefinition,
    setup: ComponentSetup,
    private readonly env: HarnessEnvironment,
  ) {
    super(component, setup);
    if (component.type !== 'source') throw new Error(`${component.key} is not a source`);
    this.endpoint = env.server.mount(this.prefix, (event) => this.onHttp(event));
  }

  async deploy(): Promise<void> {
    await this.hook('deploy');
    await this.hook('activate');
    this.deployed = true;
  }

  async update(values: Record<string, unknown>): Promise<void> {
    await this.hook('deactivate');
    await this.configure(values);
    await this.hook('activate');
  }

  async delete(): Promise<void> {
    await this.hook('deactivate');
    this.deployed = false;
    this.env.server.unmount(this.prefix);
  }

  /** A timer invocation: `{ timestamp, interval_seconds }` (api.mdx "Timer"). */
  async runTimer(timestampMs = Date.now()): Promise<EmittedEvent[]> {
    const timer = this.props().find((p) => p.kind === 'timer');
    const interval = (timer?.spec.default as { intervalSeconds?: number } | undefined)
      ?.intervalSeconds;
    return this.execute((self) =>
      this.component.run.call(self, {
        timestamp: Math.floor(timestampMs / 1000),
        interval_seconds: interval ?? 900,
      }),
    );
  }

  /** Runs `run(event)` directly with any event; returns what this execution emitted. */
  async runWith(event: unknown): Promise<EmittedEvent[]> {
    return this.execute(
      (self) => this.component.run.call(self, event),
      (response) => {
        this.responses.push(response);
      },
    );
  }

  /** The `this` a run of this source sees (services bound, `$emit` collecting nothing). */
  boundThis(): Record<string, unknown> {
    const self = this.instance((prop) => this.service(prop, () => undefined));
    self.$emit = () => undefined;
    return self;
  }

  private service(prop: ResolvedProp, onRespond: (response: HttpResponseSpec) => void): unknown {
    if (prop.kind === 'db') return this.db;
    if (prop.kind === 'http') return { endpoint: this.endpoint, respond: onRespond };
    if (prop.kind === 'timer') return { type: '$.interface.timer', ...(prop.spec.default ?? {}) };
    return undefined;
  }

  private async hook(name: HookName): Promise<void> {
    this.hookCalls.push(name);
    const hook = this.component.hooks?.[name];
    if (hook) await this.execute((self) => hook.call(self));
  }

  private async onHttp(event: HttpEvent): Promise<HttpResponseSpec> {
    const http = this.props().find((p) => p.kind === 'http');
    if (!this.deployed || !http) return { status: 404, body: { error: 'source not deployed' } };
    let response: HttpResponseSpec | undefined;
    let failed: unknown;
    try {
      await this.execute(
        (self) => this.component.run.call(self, event),
        (r) => {
          response ??= r;
        },
      );
    } catch (error) {
      failed = error;
    }
    if (http.spec.customResponse !== true) return { status: 200, body: { success: true } };
    if (response) {
      this.responses.push(response);
      return response;
    }
    // A custom-response source that never called respond(): the client gets no useful answer.
    return { status: 500, body: { error: failed ? String(failed) : 'no response sent' } };
  }

  private async execute(
    work: (self: Record<string, unknown>) => unknown,
    onRespond: (response: HttpResponseSpec) => void = () => undefined,
  ): Promise<EmittedEvent[]> {
    const pending: EmittedEvent[] = [];
    const self = this.instance((prop) => this.service(prop, onRespond));
    self.$emit = (event: unknown, meta: EmitMeta = {}) => {
      if (this.component.dedupe && meta.id === undefined) {
        this.warnings.push('$emit without meta.id: the dedupe strategy cannot apply');
      }
      pending.push({ event: cloneJson(event, 'The emitted event'), meta: { ...meta } });
    };
    try {
      await this.env.withStashDir(() => captureConsole(this.logs, async () => work(self)));
    } finally {
      const { emitted, dropped } = applyDedupe(this.component.dedupe, this.dedupeState, pending);
      this.emitted.push(...emitted);
      this.dropped.push(...dropped);
    }
    return pending.filter((e) => this.emitted.includes(e));
  }
}
