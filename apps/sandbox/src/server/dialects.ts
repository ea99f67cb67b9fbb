// The three wire dialects, in one place. Each speaks ONE envelope, ONE alias set, ONE error shape and
// ONE validation status, so a client's test against each proves it handles that dialect alone:
//   sdk  – `{success, data}` plus top-level copies on render routes, every alias of reference 8.3,
//          errors `{success:false, error:{code,message,details}, message}`, 422 for semantic validation.
//   docs – `{success, data}`, docs names only (renderId, downloadUrl/imageUrl, thumbnail, variables,
//          status `queued`), errors `{success:false, error:{code,message,details}}`, 400 for validation.
//   py   – `{success, data}`, Python SDK names (id, url, thumbnailUrl, dynamicFields), errors with a flat
//          string `{success:false, error:"…", code, details}`, 422 for semantic validation.
// Signatures follow the same dialect in the webhook dispatcher (t=/v1, sha256=, bare hex + timestamp).
import type { Dialect } from '../webhooks/types.js';
import { templateVariables } from './design-fields.js';
import type { ApiError } from './errors.js';
import type { BatchRecord, DesignRecord, RenderRecord } from './model.js';

export type { Dialect };
export const DIALECTS: readonly Dialect[] = ['sdk', 'docs', 'py'];

export interface Pagination {
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

type Json = Record<string, unknown>;

export interface WireFormat {
  readonly name: Dialect;
  ok(data: unknown, extra?: Json): Json;
  /** Render routes: sdk also copies the data fields to the top level (reference 8.2). */
  okRender(data: Json): Json;
  list(items: unknown[], pagination: Pagination): Json;
  design(design: DesignRecord, options?: { summary?: boolean }): Json;
  template(design: DesignRecord, options?: { summary?: boolean }): Json;
  render(record: RenderRecord): Json;
  accepted(record: RenderRecord, estimatedTime: number): Json;
  batch(batch: BatchRecord, jobs: RenderRecord[]): Json;
  errorStatus(error: ApiError): number;
  errorBody(error: ApiError): Json;
}

function compact(value: Json): Json {
  const out: Json = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out;
}

export function createWireFormat(name: Dialect, baseUrl: () => string): WireFormat {
  const fileUrl = (record: RenderRecord) =>
    record.fileName ? `${baseUrl()}/renders/${record.fileName}` : undefined;
  const thumbnailUrl = (design: DesignRecord) => `${baseUrl()}/thumbnails/${design.id}.png`;
  const status = (record: RenderRecord) =>
    name === 'docs' && record.status === 'pending' ? 'queued' : record.status;

  function designBase(design: DesignRecord, summary: boolean): Json {
    const base: Json = {
      id: design.id,
      name: design.name,
      description: design.description,
      width: design.width,
      height: design.height,
      status: design.status,
      visibility: design.visibility,
      isTemplate: design.isTemplate,
      thumbnailUrl: thumbnailUrl(design),
      editUrl: `${baseUrl()}/editor/${design.id}`,
      createdAt: design.createdAt,
      updatedAt: design.updatedAt,
    };
    if (!(summary && name === 'docs')) base.canvasData = design.canvasData;
    return base;
  }

  function templateExtras(design: DesignRecord, summary: boolean): Json {
    const variables = templateVariables(design);
    const names = variables.map((v) => v.name);
    const detailed = summary ? names : variables;
    if (name === 'docs') return { category: design.category, variables: detailed };
    if (name === 'py') return { category: design.category, dynamicFields: names };
    return {
      category: design.category,
      thumbnail: thumbnailUrl(design),
      dynamicFields: names,
      variables: detailed,
    };
  }

  function render(record: RenderRecord): Json {
    const url = fileUrl(record);
    const common = {
      designId: record.designId,
      templateId: record.templateId ?? undefined,
      format: record.format,
      status: status(record),
      width: record.width ?? undefined,
      height: record.height ?? undefined,
      fileSize: record.fileSize ?? undefined,
      renderTime: record.renderTimeMs ?? undefined,
      reference: record.reference ?? undefined,
      error: record.error ?? undefined,
      batchId: record.batchId ?? undefined,
      createdAt: record.createdAt,
      completedAt: record.completedAt ?? undefined,
    };
    if (name === 'docs') {
      return compact({
        renderId: record.id,
        ...common,
        downloadUrl: url,
        imageUrl: url,
        cached: false,
      });
    }
    if (name === 'py') return compact({ id: record.id, ...common, url });
    return compact({
      id: record.id,
      jobId: record.id,
      renderId: record.id,
      ...common,
      outputUrl: url,
      url,
      downloadUrl: url,
      imageUrl: url,
      cached: false,
    });
  }

  return {
    name,
    ok: (data, extra = {}) => ({ success: true, data, ...extra }),
    okRender: (data) =>
      name === 'sdk' ? { ...data, success: true, data } : { success: true, data },
    list: (items, pagination) => ({ success: true, data: items, pagination }),
    design: (design, options = {}) => {
      const summary = options.summary ?? false;
      const base = designBase(design, summary);
      return design.isTemplate ? { ...base, ...templateExtras(design, summary) } : base;
    },
    template: (design, options = {}) => {
      const summary = options.summary ?? false;
      const base = designBase(design, summary);
      if (name === 'docs') {
        delete base.thumbnailUrl;
        base.thumbnail = thumbnailUrl(design);
      }
      return { ...base, ...templateExtras(design, summary) };
    },
    render,
    accepted: (record, estimatedTime) => {
      const full = render(record);
      if (name === 'docs') return { ...full, estimatedTime };
      if (name === 'py') return full;
      return { ...full, estimatedTime };
    },
    batch: (batch, jobs) => {
      const done = jobs.filter((j) => j.status === 'completed' || j.status === 'failed').length;
      const completed = done === jobs.length;
      const batchStatus = completed ? 'completed' : 'processing';
      const records = jobs.map(render);
      if (name === 'docs') {
        return {
          batchId: batch.id,
          status: batchStatus,
          completed,
          totalRenders: jobs.length,
          completedRenders: done,
          renders: records,
        };
      }
      if (name === 'py')
        return { batchId: batch.id, status: batchStatus, completed, jobs: records };
      return {
        batchId: batch.id,
        id: batch.id,
        status: batchStatus,
        completed,
        jobs: records,
        totalJobs: jobs.length,
        renders: records,
        totalRenders: jobs.length,
        completedRenders: done,
        createdAt: batch.createdAt,
      };
    },
    errorStatus: (error) => {
      if (error.validationKind === 'semantic') return name === 'docs' ? 400 : 422;
      return error.status;
    },
    errorBody: (error) => {
      if (name === 'py') {
        return { success: false, error: error.message, code: error.code, details: error.details };
      }
      const body: Json = {
        success: false,
        error: { code: error.code, message: error.message, details: error.details },
      };
      if (name === 'sdk') body.message = error.message;
      return body;
    },
  };
}
