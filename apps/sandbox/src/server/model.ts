// Stored shapes. These are the sandbox's own records; dialects.ts turns them into wire shapes.
import type { CanvasData, OutputFormat } from '../render/types.js';

export type DesignStatus = 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
export type Visibility = 'PRIVATE' | 'PUBLIC' | 'TEAM' | 'UNLISTED';

export interface TemplateVariable {
  name: string;
  type: 'text' | 'image' | 'number' | 'boolean';
  default?: unknown;
}

export interface DesignRecord {
  id: string;
  name: string;
  description: string | null;
  width: number;
  height: number;
  status: DesignStatus;
  visibility: Visibility;
  isTemplate: boolean;
  category: string | null;
  canvasData: CanvasData;
  /** Explicit template variables; computed from the canvas when absent. */
  variables?: TemplateVariable[];
  createdAt: string;
  updatedAt: string;
}

export type RenderStatus = 'pending' | 'processing' | 'completed' | 'failed';

/** A validated render request, ready for the engine. */
export interface RenderRequest {
  designId?: string;
  templateId?: string;
  format: OutputFormat;
  quality?: number;
  width?: number;
  height?: number;
  scale?: number;
  dynamicData?: Record<string, unknown>;
  dynamicElements?: Record<string, Record<string, unknown>>;
  background?: string;
  reference?: string;
  callbackUrl?: string;
}

export interface RenderRecord {
  id: string;
  designId: string;
  templateId: string | null;
  format: OutputFormat;
  status: RenderStatus;
  /** `<id>.<ext>` under /renders once completed. */
  fileName: string | null;
  fileSize: number | null;
  width: number | null;
  height: number | null;
  renderTimeMs: number | null;
  reference: string | null;
  error: string | null;
  batchId: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface BatchRecord {
  id: string;
  jobIds: string[];
  callbackUrl: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface SubscriptionRecord {
  id: string;
  url: string;
  events: string[];
  designId: string | null;
  secret: string;
  createdAt: string;
}
