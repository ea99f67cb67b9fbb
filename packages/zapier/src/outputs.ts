import type { Canvelete, Design, Render, Usage } from '@canvelete/core';
import type { PlainOutputField, ZObject } from 'zapier-platform-core';

/** Polling triggers return newest first (Zapier's convention); undated items keep their order. */
export function newestFirst(a: { createdAt?: string }, b: { createdAt?: string }): number {
  return Date.parse(b.createdAt ?? '') - Date.parse(a.createdAt ?? '') || 0;
}

/** Zapier shows missing keys as gaps in mapping: every output key is always present. */
function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** An output item: Zapier needs an `id` on everything a trigger or search returns. */
export interface OutputItem {
  id: string;
  [key: string]: unknown;
}

export function renderItem(render: Render): OutputItem & { status: string } {
  return {
    id: render.id,
    status: render.status,
    url: orNull(render.url),
    format: orNull(render.format),
    width: orNull(render.width),
    height: orNull(render.height),
    fileSize: orNull(render.fileSize),
    designId: orNull(render.designId),
    templateId: orNull(render.templateId),
    reference: orNull(render.reference),
    error: orNull(render.error),
    createdAt: orNull(render.createdAt),
    completedAt: orNull(render.completedAt),
  };
}

/** A finished render with its file stashed in Zapier (creates and hydrators only). */
export async function renderWithStashedFile(
  z: ZObject,
  client: Canvelete,
  render: Render,
  deadline?: number,
): Promise<OutputItem> {
  const file = await client.renders.download(render, { deadline });
  const stashed = await z.stashFile(
    Buffer.from(file.bytes),
    file.bytes.byteLength,
    file.fileName,
    file.contentType,
  );
  return { ...renderItem(render), file: stashed, fileSize: render.fileSize ?? file.bytes.length };
}

export function designItem(design: Design): OutputItem {
  return {
    id: design.id,
    name: design.name,
    description: orNull(design.description),
    width: design.width,
    height: design.height,
    status: design.status,
    visibility: orNull(design.visibility),
    isTemplate: design.isTemplate,
    thumbnailUrl: orNull(design.thumbnailUrl),
    editUrl: orNull(design.editUrl),
    createdAt: orNull(design.createdAt),
    updatedAt: orNull(design.updatedAt),
  };
}

export function usageItem(usage: Usage): OutputItem {
  return {
    id: 'usage',
    creditsUsed: usage.creditsUsed,
    creditsRemaining: usage.creditsRemaining,
    creditLimit: usage.creditLimit,
    renders: orNull(usage.renders),
    apiCalls: orNull(usage.apiCalls),
    apiCallLimit: orNull(usage.apiCallLimit),
  };
}

export const RENDER_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Render ID', type: 'string' },
  { key: 'status', label: 'Status (completed or failed)', type: 'string' },
  { key: 'url', label: 'Download URL', type: 'string' },
  { key: 'format', label: 'Format', type: 'string' },
  { key: 'width', label: 'Width (px)', type: 'integer' },
  { key: 'height', label: 'Height (px)', type: 'integer' },
  { key: 'fileSize', label: 'File Size (bytes)', type: 'integer' },
  { key: 'designId', label: 'Design ID', type: 'string' },
  { key: 'templateId', label: 'Template ID', type: 'string' },
  { key: 'reference', label: 'Reference', type: 'string' },
  { key: 'error', label: 'Error (failed renders)', type: 'string' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'completedAt', label: 'Completed At', type: 'datetime' },
];

export const RENDER_FILE_OUTPUT_FIELD: PlainOutputField = {
  key: 'file',
  label: 'File',
  type: 'file',
};

export const RENDER_SAMPLE = {
  id: 'rnd_sample',
  status: 'completed',
  url: 'https://cdn.canvelete.com/renders/rnd_sample.png',
  format: 'png',
  width: 1080,
  height: 1080,
  fileSize: 48213,
  designId: 'dsg_sample',
  templateId: null,
  reference: 'order-1042',
  error: null,
  createdAt: '2026-01-15T10:00:00.000Z',
  completedAt: '2026-01-15T10:00:03.000Z',
};

export const DESIGN_OUTPUT_FIELDS: PlainOutputField[] = [
  { key: 'id', label: 'Design ID', type: 'string' },
  { key: 'name', label: 'Name', type: 'string' },
  { key: 'description', label: 'Description', type: 'string' },
  { key: 'width', label: 'Width (px)', type: 'integer' },
  { key: 'height', label: 'Height (px)', type: 'integer' },
  { key: 'status', label: 'Status', type: 'string' },
  { key: 'visibility', label: 'Visibility', type: 'string' },
  { key: 'isTemplate', label: 'Is Template', type: 'boolean' },
  { key: 'thumbnailUrl', label: 'Thumbnail URL', type: 'string' },
  { key: 'editUrl', label: 'Editor URL', type: 'string' },
  { key: 'createdAt', label: 'Created At', type: 'datetime' },
  { key: 'updatedAt', label: 'Updated At', type: 'datetime' },
];

export const DESIGN_SAMPLE = {
  id: 'dsg_sample',
  name: 'Instagram post',
  description: 'Square post with a headline',
  width: 1080,
  height: 1080,
  status: 'DRAFT',
  visibility: 'PRIVATE',
  isTemplate: false,
  thumbnailUrl: 'https://cdn.canvelete.com/thumbnails/dsg_sample.png',
  editUrl: 'https://www.canvelete.com/editor/dsg_sample',
  createdAt: '2026-01-15T10:00:00.000Z',
  updatedAt: '2026-01-15T12:30:00.000Z',
};
