// Runs renders: synchronously for the binary and JSON routes, through a small queue for async and batch
// renders. Charges one credit per successful render, stores the file, and announces the result to the
// per-request callback URL and to matching subscriptions.

import type { AssetResolver, RenderJobOutput } from '../render/index.js';
import { InvalidElementError, renderDesign } from '../render/index.js';
import type { SandboxStats } from './context.js';
import type { WireFormat } from './dialects.js';
import { ApiError, invalidElement, notFound } from './errors.js';
import type { EventNotifier } from './events.js';
import { nowIso, prefixedId } from './ids.js';
import type { BatchRecord, DesignRecord, RenderRecord, RenderRequest } from './model.js';
import type { ResolvedOptions } from './options.js';
import type { Store } from './store.js';
import { checkAgainstDesign, type JsonObject, parseRenderInput } from './validation.js';

export interface PreparedRender {
  request: RenderRequest;
  design: DesignRecord;
}

export interface RenderServiceDeps {
  options: ResolvedOptions;
  store: Store;
  wire: WireFormat;
  events: EventNotifier;
  assets: AssetResolver;
  stats: SandboxStats;
  baseUrl(): string;
}

/** A reference starting with this fails on purpose, so integrators can test render.failed. */
export const FAIL_REFERENCE_PREFIX = 'sandbox:fail';

const EXTENSIONS = { png: 'png', jpg: 'jpg', webp: 'webp', pdf: 'pdf', svg: 'svg' } as const;

export class RenderService {
  private readonly queue: Array<() => Promise<void>> = [];
  private active = 0;
  private reservedCredits = 0;
  private closed = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deps: RenderServiceDeps) {}

  /** Validates a render body and resolves its design (404 when unknown). */
  prepare(body: JsonObject, designIdFromPath?: string): PreparedRender {
    const request = parseRenderInput(body, designIdFromPath);
    const id = (request.designId ?? request.templateId)!;
    const design = this.deps.store.designs.get(id);
    if (!design) {
      const err = notFound(request.templateId ? 'Template' : 'Design', id);
      err.details.field = request.templateId ? 'templateId' : 'designId';
      throw err;
    }
    checkAgainstDesign(request, design);
    return { request, design };
  }

  creditsRemaining(): number {
    return Math.max(0, this.deps.options.credits - this.deps.store.usage.creditsUsed);
  }

  /** Reserves credits for `count` renders or throws 402. */
  reserve(count: number): void {
    if (this.creditsRemaining() - this.reservedCredits < count) {
      throw new ApiError(
        402,
        'INSUFFICIENT_CREDITS',
        `Not enough credits: ${count} needed, ${Math.max(0, this.creditsRemaining() - this.reservedCredits)} left`,
        { creditsRemaining: this.creditsRemaining(), creditLimit: this.deps.options.credits },
      );
    }
    this.reservedCredits += count;
  }

  private newRecord(prepared: PreparedRender, batchId: string | null): RenderRecord {
    const { request, design } = prepared;
    return {
      id: prefixedId('job'),
      designId: design.id,
      templateId: request.templateId ?? null,
      format: request.format,
      status: 'pending',
      fileName: null,
      fileSize: null,
      width: null,
      height: null,
      renderTimeMs: null,
      reference: request.reference ?? null,
      error: null,
      batchId,
      createdAt: nowIso(),
      completedAt: null,
    };
  }

  /** Renders now (sync routes). Throws 500 when the engine fails; the record stays as `failed`. */
  async renderNow(
    prepared: PreparedRender,
  ): Promise<{ record: RenderRecord; output: RenderJobOutput }> {
    this.reserve(1);
    const record = this.newRecord(prepared, null);
    record.status = 'processing';
    this.deps.store.putRender(record);
    const output = await this.execute(record, prepared);
    if (!output) {
      throw new ApiError(500, 'INTERNAL_ERROR', `Render failed: ${record.error}`, {
        renderId: record.id,
      });
    }
    return { record, output };
  }

  /** Queues an async render and returns a snapshot of its pending record. */
  enqueue(prepared: PreparedRender, batchId: string | null = null): RenderRecord {
    this.reserve(1);
    const record = this.newRecord(prepared, batchId);
    this.deps.store.putRender(record);
    this.queue.push(async () => {
      await this.execute(record, prepared);
      if (batchId) this.maybeFinishBatch(batchId);
    });
    setImmediate(() => this.pump());
    return { ...record };
  }

  createBatch(items: PreparedRender[], callbackUrl: string | undefined): BatchRecord {
    this.reserve(items.length);
    this.reservedCredits -= items.length; // enqueue reserves each item itself
    const batch: BatchRecord = {
      id: prefixedId('batch'),
      jobIds: [],
      callbackUrl: callbackUrl ?? null,
      createdAt: nowIso(),
      completedAt: null,
    };
    for (const item of items) batch.jobIds.push(this.enqueue(item, batch.id).id);
    this.deps.store.putBatch(batch);
    return batch;
  }

  batchJobs(batch: BatchRecord): RenderRecord[] {
    return batch.jobIds.map((id) => this.deps.store.renders.get(id)).filter((r) => r !== undefined);
  }

  private pump(): void {
    while (!this.closed && this.active < this.deps.options.renderConcurrency && this.queue.length) {
      const job = this.queue.shift()!;
      this.active++;
      job()
        .catch(() => {}) // execute() records failures itself; nothing may escape the queue
        .finally(() => {
          this.active--;
          this.pump();
          if (this.active === 0 && this.queue.length === 0) {
            for (const resolve of this.idleWaiters.splice(0)) resolve();
          }
        });
    }
  }

  /** Resolves when no render is queued or running. */
  idle(): Promise<void> {
    if (this.active === 0 && (this.queue.length === 0 || this.closed)) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Drops queued renders and waits for the running ones. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.idle();
  }

  /** Runs the engine for one record, stores the outcome, charges and notifies. */
  private async execute(
    record: RenderRecord,
    { request, design }: PreparedRender,
  ): Promise<RenderJobOutput | undefined> {
    const { store, options, stats, assets } = this.deps;
    record.status = 'processing';
    store.putRender(record);
    const started = performance.now();
    let output: RenderJobOutput | undefined;
    try {
      if (request.reference?.startsWith(FAIL_REFERENCE_PREFIX)) {
        throw new Error(`simulated failure (reference starts with "${FAIL_REFERENCE_PREFIX}")`);
      }
      output = await renderDesign({
        width: design.width,
        height: design.height,
        canvasData: design.canvasData,
        format: request.format,
        quality: request.quality,
        outputWidth: request.width,
        outputHeight: request.height,
        scale: request.scale,
        dynamicData: withVariableDefaults(design, request.dynamicData),
        dynamicElements: request.dynamicElements,
        background: request.background,
        allowRemoteImages: options.allowRemoteImages,
        resolveAsset: (path) => assets.resolve(path),
      });
    } catch (error) {
      if (error instanceof InvalidElementError) throw invalidElement(error.key);
      record.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.reservedCredits = Math.max(0, this.reservedCredits - 1);
    }
    record.renderTimeMs = Math.round(performance.now() - started);
    record.completedAt = nowIso();
    if (output) {
      const fileName = `${record.id}.${EXTENSIONS[output.format]}`;
      store.putFile(fileName, { bytes: output.bytes, contentType: output.contentType });
      Object.assign(record, {
        status: 'completed',
        fileName,
        fileSize: output.bytes.length,
        width: output.width,
        height: output.height,
      });
      store.usage.creditsUsed += 1;
      store.usage.renders += 1;
      store.saveUsage();
      stats.rendersPerformed += 1;
      stats.creditsCharged += 1;
    } else {
      record.status = 'failed';
      stats.rendersFailed += 1;
    }
    store.putRender(record);
    const type = output ? 'render.completed' : 'render.failed';
    this.deps.events.notify(
      type,
      this.deps.events.renderData(record),
      record.designId,
      request.callbackUrl,
    );
    return output;
  }

  private maybeFinishBatch(batchId: string): void {
    const batch = this.deps.store.batches.get(batchId);
    if (!batch || batch.completedAt) return;
    const jobs = this.batchJobs(batch);
    if (!jobs.every((j) => j.status === 'completed' || j.status === 'failed')) return;
    batch.completedAt = nowIso();
    this.deps.store.putBatch(batch);
    const data = this.deps.wire.batch(batch, jobs);
    this.deps.events.notify('batch.completed', data, undefined, batch.callbackUrl ?? undefined);
  }
}

/** Declared template variable defaults sit under the request's dynamicData. */
function withVariableDefaults(
  design: DesignRecord,
  dynamicData: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const defaults: Record<string, unknown> = {};
  for (const variable of design.variables ?? []) {
    if (variable.default !== undefined) defaults[variable.name] = variable.default;
  }
  if (Object.keys(defaults).length === 0) return dynamicData;
  return { ...defaults, ...dynamicData };
}
