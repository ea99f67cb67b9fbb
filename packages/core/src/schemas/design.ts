import * as v from 'valibot';
import {
  compact,
  IdSchema,
  OptionalNumber,
  OptionalText,
  parseOrThrow,
  unwrapEnvelope,
} from './common.js';

export interface Design {
  id: string;
  name: string;
  description?: string;
  width: number;
  height: number;
  /** `DRAFT`, `PUBLISHED`, `ARCHIVED` … as the server says; `UNKNOWN` when it does not. */
  status: string;
  visibility?: string;
  isTemplate: boolean;
  thumbnailUrl?: string;
  canvasData?: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
  editUrl?: string;
}

export type TemplateVariableType = 'text' | 'image' | 'number' | 'boolean';

export interface TemplateVariable {
  name: string;
  type: TemplateVariableType;
  default?: unknown;
}

export interface Template extends Design {
  category?: string;
  variables: TemplateVariable[];
}

const VariableSchema = v.union([
  v.pipe(v.string(), v.minLength(1)),
  v.looseObject({
    name: v.pipe(v.string(), v.minLength(1)),
    type: OptionalText,
    default: v.unknown(),
  }),
]);

/** The wire shape of a design or template, with every alias the public sources use. */
const WireDesignSchema = v.looseObject({
  id: IdSchema,
  name: OptionalText,
  description: OptionalText,
  width: OptionalNumber,
  height: OptionalNumber,
  status: OptionalText,
  visibility: OptionalText,
  isTemplate: v.nullish(v.boolean()),
  thumbnailUrl: OptionalText,
  thumbnail: OptionalText,
  canvasData: v.nullish(v.union([v.record(v.string(), v.unknown()), v.string()])),
  createdAt: OptionalText,
  updatedAt: OptionalText,
  editUrl: OptionalText,
  category: OptionalText,
  variables: v.nullish(v.array(VariableSchema)),
  dynamicFields: v.nullish(v.array(VariableSchema)),
});

type WireDesign = v.InferOutput<typeof WireDesignSchema>;

function parseCanvasData(value: WireDesign['canvasData']): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function toDesign(wire: WireDesign, defaultIsTemplate: boolean): Design {
  return compact({
    id: wire.id,
    name: wire.name ?? '',
    description: wire.description ?? undefined,
    width: wire.width ?? 0,
    height: wire.height ?? 0,
    status: wire.status ? wire.status.toUpperCase() : 'UNKNOWN',
    visibility: wire.visibility ?? undefined,
    isTemplate: wire.isTemplate ?? defaultIsTemplate,
    thumbnailUrl: wire.thumbnailUrl ?? wire.thumbnail ?? undefined,
    canvasData: parseCanvasData(wire.canvasData),
    createdAt: wire.createdAt ?? undefined,
    updatedAt: wire.updatedAt ?? undefined,
    editUrl: wire.editUrl ?? undefined,
  });
}

const VARIABLE_TYPES: readonly TemplateVariableType[] = ['text', 'image', 'number', 'boolean'];

function toVariable(entry: v.InferOutput<typeof VariableSchema>): TemplateVariable {
  if (typeof entry === 'string') return { name: entry, type: 'text' };
  const type = (entry.type ?? 'text').toLowerCase() as TemplateVariableType;
  const variable: TemplateVariable = {
    name: entry.name,
    type: VARIABLE_TYPES.includes(type) ? type : 'text',
  };
  if (entry.default !== undefined && entry.default !== null) variable.default = entry.default;
  return variable;
}

/** Validates a design record (aliases: `thumbnail` → `thumbnailUrl`) and returns a `Design`. */
export const DesignSchema = v.pipe(
  WireDesignSchema,
  v.transform((wire) => toDesign(wire, false)),
);

/** Validates a template record (aliases: `variables`/`dynamicFields`, `thumbnail`). */
export const TemplateSchema = v.pipe(
  WireDesignSchema,
  v.transform(
    (wire): Template =>
      compact({
        ...toDesign(wire, true),
        category: wire.category ?? undefined,
        variables: (wire.variables ?? wire.dynamicFields ?? []).map(toVariable),
      }),
  ),
);

export function normalizeDesign(body: unknown): Design {
  return parseOrThrow(DesignSchema, unwrapEnvelope(body), 'design');
}

export function normalizeTemplate(body: unknown): Template {
  return parseOrThrow(TemplateSchema, unwrapEnvelope(body), 'template');
}
