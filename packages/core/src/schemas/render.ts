import * as v from 'valibot';
import {
  compact,
  isRecord,
  OptionalId,
  OptionalNumber,
  OptionalText,
  parseOrThrow,
  unwrapEnvelope,
} from './common.js';

export type RenderFormat = 'png' | 'jpg' | 'webp' | 'pdf' | 'svg';
export type RenderStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface Render {
  id: string;
  status: RenderStatus;
  /** Where the file can be downloaded (aliases: `outputUrl`, `url`, `downloadUrl`, `imageUrl`). */
  url?: string;
  format?: RenderFormat;
  width?: number;
  height?: number;
  fileSize?: number;
  designId?: string;
  templateId?: string;
  reference?: string;
  error?: string;
  createdAt?: string;
  completedAt?: string;
}

export interface Batch {
  id: string;
  renders: Render[];
  completed: boolean;
}

export const RENDER_FORMATS: readonly RenderFormat[] = ['png', 'jpg', 'webp', 'pdf', 'svg'];

/** `jpeg` → `jpg`, case-insensitive; undefined for anything we do not render. */
export function normalizeFormat(value: string | undefined | null): RenderFormat | undefined {
  if (!value) return undefined;
  const lower = value.toLowerCase();
  const format = lower === 'jpeg' ? 'jpg' : lower;
  return (RENDER_FORMATS as readonly string[]).includes(format)
    ? (format as RenderFormat)
    : undefined;
}

const STATUS_ALIASES: Readonly<Record<string, RenderStatus>> = {
  pending: 'pending',
  queued: 'pending',
  waiting: 'pending',
  created: 'pending',
  processing: 'processing',
  rendering: 'processing',
  running: 'processing',
  in_progress: 'processing',
  started: 'processing',
  completed: 'completed',
  complete: 'completed',
  done: 'completed',
  succeeded: 'completed',
  success: 'completed',
  failed: 'failed',
  failure: 'failed',
  error: 'failed',
  errored: 'failed',
  cancelled: 'failed',
  canceled: 'failed',
};

const WireRenderSchema = v.pipe(
  v.looseObject({
    id: OptionalId,
    jobId: OptionalId,
    renderId: OptionalId,
    status: v.nullish(
      v.pipe(
        v.string(),
        v.check(
          (status) => STATUS_ALIASES[status.toLowerCase()] !== undefined,
          'unknown render status',
        ),
      ),
    ),
    outputUrl: OptionalText,
    url: OptionalText,
    downloadUrl: OptionalText,
    imageUrl: OptionalText,
    format: OptionalText,
    width: OptionalNumber,
    height: OptionalNumber,
    fileSize: OptionalNumber,
    designId: OptionalId,
    templateId: OptionalId,
    reference: OptionalText,
    error: v.nullish(
      v.union([v.string(), v.looseObject({ message: OptionalText, code: OptionalText })]),
    ),
    createdAt: OptionalText,
    completedAt: OptionalText,
    // Webhook deliveries carry the file's facts in a nested object (reference 8.6).
    metadata: v.nullish(
      v.looseObject({
        format: OptionalText,
        width: OptionalNumber,
        height: OptionalNumber,
        fileSize: OptionalNumber,
      }),
    ),
  }),
  v.check(
    (wire) => Boolean(wire.id ?? wire.jobId ?? wire.renderId),
    'a render needs an id (id, jobId or renderId)',
  ),
);

/** Validates a render record with every alias and returns a `Render`. */
export const RenderSchema = v.pipe(
  WireRenderSchema,
  v.transform((wire): Render => {
    const url = wire.outputUrl ?? wire.url ?? wire.downloadUrl ?? wire.imageUrl ?? undefined;
    const status: RenderStatus = wire.status
      ? (STATUS_ALIASES[wire.status.toLowerCase()] as RenderStatus)
      : url
        ? 'completed'
        : 'pending';
    const error =
      typeof wire.error === 'string'
        ? wire.error
        : (wire.error?.message ?? wire.error?.code ?? undefined);
    return compact({
      id: (wire.id ?? wire.jobId ?? wire.renderId) as string,
      status,
      url,
      format: normalizeFormat(wire.format ?? wire.metadata?.format),
      width: wire.width ?? wire.metadata?.width ?? undefined,
      height: wire.height ?? wire.metadata?.height ?? undefined,
      fileSize: wire.fileSize ?? wire.metadata?.fileSize ?? undefined,
      designId: wire.designId ?? undefined,
      templateId: wire.templateId ?? undefined,
      reference: wire.reference ?? undefined,
      error,
      createdAt: wire.createdAt ?? undefined,
      completedAt: wire.completedAt ?? undefined,
    });
  }),
);

/** A batch (aliases: `batchId`/`id`, `jobs`/`renders`, `completed` or a batch `status`). */
export const BatchSchema = v.pipe(
  v.looseObject({
    batchId: OptionalId,
    id: OptionalId,
    jobs: v.nullish(v.array(RenderSchema)),
    renders: v.nullish(v.array(RenderSchema)),
    completed: v.nullish(v.boolean()),
    status: OptionalText,
  }),
  v.check((wire) => Boolean(wire.batchId ?? wire.id), 'a batch needs an id (batchId or id)'),
  v.transform((wire): Batch => {
    const renders = wire.jobs ?? wire.renders ?? [];
    const completed =
      wire.completed ??
      (wire.status
        ? ['completed', 'complete', 'done', 'failed'].includes(wire.status.toLowerCase())
        : renders.length > 0 &&
          renders.every((render) => render.status === 'completed' || render.status === 'failed'));
    return { id: (wire.batchId ?? wire.id) as string, renders, completed };
  }),
);

export function normalizeRender(body: unknown): Render {
  return parseOrThrow(RenderSchema, unwrapEnvelope(body), 'render');
}

export function normalizeBatch(body: unknown, knownId?: string): Batch {
  const unwrapped = unwrapEnvelope(body);
  // Status answers may omit the id we asked about.
  const withId =
    knownId && isRecord(unwrapped) && unwrapped['batchId'] == null && unwrapped['id'] == null
      ? { ...unwrapped, batchId: knownId }
      : unwrapped;
  return parseOrThrow(BatchSchema, withId, 'batch');
}
