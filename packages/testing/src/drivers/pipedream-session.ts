// One emulated Pipedream workspace with a connected Canvelete account: the steps a user would
// build (render-design, render-many), configured through the prop form and run as a deployed
// workflow, with everything the platform showed recorded in one transcript.

import { join } from 'node:path';
import {
  type ActionExecution,
  type ActionHandle,
  type ActionResult,
  type LogLine,
  type PipedreamHarness,
  startPipedreamHarness,
} from '../pipedream/index.ts';
import { normalizeRenderOutput } from './normalize.ts';
import {
  captureLogs,
  failure,
  itemFailure,
  readSaved,
  type SavedFile,
  type ShownField,
  shownFields,
  stepFailure,
  Transcript,
  withTimeout,
} from './pipedream-support.ts';
import type {
  DriverOptions,
  DriverRenderRequest,
  DriverRenderResult,
  RenderSource,
} from './types.ts';

export type PipedreamDriverOptions = DriverOptions & {
  /** The folder holding canvelete.app.mjs, actions/ and sources/. */
  componentsDir: string;
  /** How long a paused render step waits for Canvelete's callback. Default 30 s. */
  callbackTimeoutMs?: number;
};

/** A workflow timeout for polled steps: long enough for a real account's render queue. */
const POLL_TIMEOUT_SECONDS = 300;
/** Pause between polls once the step polls; stands in for the component's 30 s rerun delay. */
const POLL_PAUSE_MS = 200;
/** More than the component's own MAX_RERUNS, so the component's limit is the one that applies. */
const MAX_WAKES = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The props that pick what render-design and render-many render: Source (Design | Template) and
 * the id prop it names. A design leaves Source at its default, as a user (or a step saved before
 * Source existed) does.
 */
export function sourceProps(source: RenderSource): Record<string, string> {
  return 'templateId' in source
    ? { source: 'template', templateId: source.templateId }
    : { designId: source.designId };
}

/** `designId:<id>` or `templateId:<id>`: two requests render the same thing when these match. */
function sourceKey(source: RenderSource): string {
  return 'templateId' in source ? `templateId:${source.templateId}` : `designId:${source.designId}`;
}

/** The id key a full Items entry names its design or template with. */
function sourceEntry(source: RenderSource): Record<string, string> {
  return 'templateId' in source ? { templateId: source.templateId } : { designId: source.designId };
}

export class PipedreamSession {
  readonly transcript = new Transcript();
  readonly callbacks: boolean;
  readonly auth: Record<string, Record<string, unknown>>;

  private constructor(
    readonly harness: PipedreamHarness,
    readonly options: PipedreamDriverOptions,
  ) {
    this.callbacks = options.callbacks !== false;
    const { apiKey, baseUrl, webhookSecret } = options.credentials;
    // The connected account: API Key, Base URL and the optional Signing Secret field.
    this.auth = {
      canvelete: {
        api_key: apiKey,
        base_url: baseUrl,
        ...(webhookSecret ? { signing_secret: webhookSecret } : {}),
      },
    };
  }

  static async start(options: PipedreamDriverOptions): Promise<PipedreamSession> {
    return new PipedreamSession(await startPipedreamHarness(), options);
  }

  path(relative: string): string {
    return join(this.options.componentsDir, relative);
  }

  /**
   * Runs `work` with the console captured into the transcript (the step's logs). Capture is
   * process-wide: what other code prints meanwhile lands here too (harmless for a leak sweep).
   */
  async logged<T>(work: () => Promise<T>): Promise<T> {
    const lines: LogLine[] = [];
    try {
      return await captureLogs(lines, work);
    } finally {
      this.transcript.logs(lines);
    }
  }

  /** A new step of `slug`, its props set one by one as the form sets them (reloads included). */
  async step(slug: string, props: Array<Record<string, unknown>>): Promise<ActionHandle> {
    try {
      const action = await this.harness.action(this.path(`actions/${slug}/${slug}.mjs`), {
        auth: this.auth,
      });
      for (const values of props) {
        const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
        if (Object.keys(set).length > 0) await action.configure(set);
      }
      return action;
    } catch (error) {
      // The prop form shows the error additionalProps() threw (e.g. a revoked key on reload).
      this.transcript.add(`Props error: ${error instanceof Error ? error.message : String(error)}`);
      throw failure(error, { stage: 'props', error });
    }
  }

  /** The render-design step with the design or template chosen: its dynamic props, mapped back. */
  async designStep(source: RenderSource): Promise<{ action: ActionHandle; fields: ShownField[] }> {
    const action = await this.step('render-design', [sourceProps(source)]);
    return { action, fields: shownFields(action) };
  }

  async render(request: DriverRenderRequest): Promise<DriverRenderResult> {
    return this.logged(async () => {
      const { action, fields } = await this.designStep(request);
      const byKey = new Map(fields.map((f) => [f.key, f]));
      const values: Record<string, unknown> = {};
      const extra: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(request.data ?? {})) {
        const field = byKey.get(key);
        if (!field) extra[key] = value;
        else values[field.prop] = field.type === 'boolean' ? Boolean(value) : String(value);
      }
      await this.configure(action, {
        ...values,
        // Keys without a field of their own go where the form puts them: Extra Dynamic Data.
        dynamicData: Object.keys(extra).length > 0 ? extra : undefined,
        format: request.format,
        quality: request.quality,
        width: request.width,
        height: request.height,
        scale: request.scale === undefined ? undefined : String(request.scale),
        reference: request.reference,
        saveFile: true,
      });
      this.transcript.json('Render Design props', action.values);
      if (!this.callbacks) {
        // Canvelete cannot reach this machine's resume URL, so none is handed out: the step runs
        // as in the builder's Test, where the component polls within the workflow's timeout.
        const polled = await action.run({ test: true, timeoutSeconds: POLL_TIMEOUT_SECONDS });
        this.transcript.step('Render Design (polled within the timeout)', polled);
        return this.renderResult(polled, 'poll');
      }
      const { result, waited } = await this.waitOut(action.execution());
      return this.renderResult(result, waited);
    });
  }

  private async configure(action: ActionHandle, values: Record<string, unknown>): Promise<void> {
    const set = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
    await action.configure(set);
  }

  /**
   * Run 1 creates the render with the rerun's resume_url as callback and pauses; the sandbox's
   * POST to that URL wakes run 2. After a wake that found the render unfinished, the rerun delay
   * is what wakes the step: it is let pass after a short real pause instead of the component's
   * 30 s.
   */
  private async waitOut(
    execution: ActionExecution,
  ): Promise<{ result: ActionResult; waited: DriverRenderResult['waited'] }> {
    let result = await execution.start();
    this.transcript.step('Render Design (run 1)', result);
    if (result.status !== 'suspended') return { result, waited: 'sync' };
    result = await withTimeout(execution.next(), this.options.callbackTimeoutMs ?? 30_000);
    this.transcript.step(`Render Design (run ${result.runs}, woken by the callback)`, result);
    for (let wakes = 0; result.status === 'suspended' && wakes < MAX_WAKES; wakes++) {
      await sleep(POLL_PAUSE_MS);
      result = await execution.elapse();
      this.transcript.step(`Render Design (run ${result.runs}, rerun delay)`, result);
    }
    return { result, waited: 'callback' };
  }

  private async renderResult(
    result: ActionResult,
    waited: DriverRenderResult['waited'],
  ): Promise<DriverRenderResult> {
    const output = result.returnValue as Record<string, unknown> | undefined;
    if (result.status !== 'success' || !output || typeof output !== 'object') {
      throw stepFailure(result);
    }
    const file = await readSaved(output.file as SavedFile | undefined);
    return {
      raw: output,
      output: normalizeRenderOutput(output),
      waited,
      ...(file ? { file } : {}),
    };
  }

  /**
   * render-many: the first request's design or template as the step's Source, one Items entry per
   * render (field values, or a full input naming its own design or template), Save Files on.
   */
  async renderMany(requests: DriverRenderRequest[]): Promise<DriverRenderResult[]> {
    if (requests.length === 0) return [];
    return this.logged(async () => {
      const first = requests[0] as DriverRenderRequest;
      const formats = new Set(requests.map((r) => r.format));
      const sharedFormat = formats.size === 1 ? requests[0]?.format : undefined;
      const items = requests.map((request) => {
        const plain =
          sourceKey(request) === sourceKey(first) &&
          request.format === sharedFormat &&
          [request.quality, request.scale, request.width, request.height, request.reference].every(
            (v) => v === undefined,
          );
        if (plain) return JSON.stringify(request.data ?? {});
        return JSON.stringify({
          ...sourceEntry(request),
          format: request.format,
          quality: request.quality,
          scale: request.scale,
          width: request.width,
          height: request.height,
          reference: request.reference,
          dynamicData: request.data,
        });
      });
      const action = await this.step('render-many', [
        { ...sourceProps(first), items, format: sharedFormat, saveFiles: true },
      ]);
      this.transcript.json('Render Many props', action.values);
      const result = await action.run({ timeoutSeconds: POLL_TIMEOUT_SECONDS });
      this.transcript.step('Render Many', result);
      const output = result.returnValue as
        | {
            results?: Array<{
              ok: boolean;
              render?: Record<string, unknown>;
              file?: SavedFile;
              error?: { code?: string; message?: string };
            }>;
          }
        | undefined;
      if (result.status !== 'success' || !Array.isArray(output?.results)) throw stepFailure(result);
      const results: DriverRenderResult[] = [];
      for (const [index, entry] of output.results.entries()) {
        if (!entry.ok || !entry.render) throw itemFailure(entry, index, output);
        const file = await readSaved(entry.file);
        results.push({
          raw: entry,
          output: normalizeRenderOutput(entry.render),
          waited: 'poll',
          ...(file ? { file } : {}),
        });
      }
      return results;
    });
  }
}
