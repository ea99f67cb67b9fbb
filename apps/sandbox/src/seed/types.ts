import type { CanvasData } from '../render/types.js';

export interface SeedVariable {
  name: string;
  type: 'text' | 'image' | 'number' | 'boolean';
  default?: string | number | boolean;
}

export interface SeedDesign {
  /** Stable cuid-like id (25 characters, starts with 'c'). */
  id: string;
  name: string;
  description: string;
  width: number;
  height: number;
  status: 'PUBLISHED' | 'DRAFT';
  visibility: 'PRIVATE' | 'PUBLIC' | 'TEAM' | 'UNLISTED';
  isTemplate: boolean;
  category?: string;
  variables?: SeedVariable[];
  canvasData: CanvasData;
}
