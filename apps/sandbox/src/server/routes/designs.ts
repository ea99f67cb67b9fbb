// Designs and templates: SDK paths (/api/automation/…) plus the docs (/v1/…) and MCP (/api/designs…)
// aliases of reference 8.1. Delete archives (reference 8.11).
import type { Hono } from 'hono';
import { requireScope } from '../auth.js';
import type { AppEnv, SandboxContext } from '../context.js';
import { invalid, malformed, notFound } from '../errors.js';
import { cuid, nowIso } from '../ids.js';
import type { DesignRecord, DesignStatus, Visibility } from '../model.js';
import { type AppContext, bodyOf, json, query } from '../respond.js';
import {
  isObject,
  type JsonObject,
  LIMITS,
  optionalString,
  paginate,
  parsePageQuery,
} from '../validation.js';

const STATUSES: DesignStatus[] = ['DRAFT', 'PUBLISHED', 'ARCHIVED'];
const VISIBILITIES: Visibility[] = ['PRIVATE', 'PUBLIC', 'TEAM', 'UNLISTED'];

function parseCanvasData(value: unknown): DesignRecord['canvasData'] {
  if (typeof value === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalid('canvasData', 'the JSON string could not be parsed');
    }
    if (!isObject(parsed)) throw invalid('canvasData', 'must describe a JSON object');
    return checkElements(parsed) as DesignRecord['canvasData'];
  }
  if (!isObject(value)) throw malformed('canvasData', 'must be an object or a JSON string');
  return checkElements(value) as DesignRecord['canvasData'];
}

function checkElements(canvasData: JsonObject): JsonObject {
  const { elements } = canvasData;
  if (elements === undefined) return canvasData;
  if (!Array.isArray(elements)) throw invalid('canvasData.elements', 'must be an array');
  for (const [index, element] of elements.entries()) {
    if (!isObject(element) || typeof element.type !== 'string') {
      throw invalid(`canvasData.elements[${index}]`, 'must be an object with a string "type"');
    }
  }
  return canvasData;
}

function parseSide(body: JsonObject, field: 'width' | 'height'): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number') throw malformed(field, 'must be a number');
  if (!Number.isInteger(value) || value < 1 || value > LIMITS.side) {
    throw invalid(field, 'must be an integer from 1 to 10,000');
  }
  return value;
}

function parseEnum<T extends string>(body: JsonObject, field: string, allowed: T[]): T | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  const upper = value.toUpperCase() as T;
  if (!allowed.includes(upper)) throw invalid(field, `must be one of ${allowed.join(', ')}`);
  return upper;
}

function parseName(body: JsonObject, required: boolean): string | undefined {
  const name = optionalString(body, 'name');
  if (name === undefined) {
    if (required) throw invalid('name', 'is required');
    return undefined;
  }
  if (name.trim().length === 0 || name.length > 255)
    throw invalid('name', 'must be 1–255 characters');
  return name;
}

function parseBoolean(body: JsonObject, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw malformed(field, 'must be true or false');
  return value;
}

function findDesign(sandbox: SandboxContext, id: string): DesignRecord {
  const design = sandbox.store.designs.get(id);
  if (!design) throw notFound('Design', id);
  return design;
}

function sortByUpdated(designs: DesignRecord[]): DesignRecord[] {
  return designs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
}

function queryBoolean(c: AppContext, field: string): boolean | undefined {
  const value = c.req.query(field);
  if (value === undefined || value === '') return undefined;
  if (value !== 'true' && value !== 'false') throw malformed(field, 'must be true or false');
  return value === 'true';
}

export function registerDesignRoutes(app: Hono<AppEnv>, sandbox: SandboxContext): void {
  const { store, wire } = sandbox;
  /** MCP-family routes answer with the bare design next to `data` (reference 8.2). */
  const single = (c: AppContext, design: DesignRecord, status = 200) => {
    const shaped = wire.design(design);
    const bare = c.req.path.startsWith('/api/designs');
    return json(bare ? { ...shaped, ...wire.ok(shaped) } : wire.ok(shaped), status);
  };

  const list = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'designs:read');
    const pageQuery = parsePageQuery(query(c));
    const status = c.req.query('status')
      ? parseEnum({ status: c.req.query('status') }, 'status', STATUSES)
      : undefined;
    const isTemplate = queryBoolean(c, 'isTemplate');
    const search = c.req.query('search')?.toLowerCase();
    const items = [...store.designs.values()].filter(
      (d) =>
        (status ? d.status === status : d.status !== 'ARCHIVED') &&
        (isTemplate === undefined || d.isTemplate === isTemplate) &&
        (!search || d.name.toLowerCase().includes(search)),
    );
    const { slice, pagination } = paginate(sortByUpdated(items), pageQuery);
    return json(
      wire.list(
        slice.map((d) => wire.design(d, { summary: true })),
        pagination,
      ),
    );
  };

  const create = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'designs:write');
    const body = bodyOf(c);
    const now = nowIso();
    const design: DesignRecord = {
      id: cuid(),
      name: parseName(body, true)!,
      description: optionalString(body, 'description') ?? null,
      width: parseSide(body, 'width') ?? 1920,
      height: parseSide(body, 'height') ?? 1080,
      status: 'DRAFT',
      visibility: parseEnum(body, 'visibility', VISIBILITIES) ?? 'PRIVATE',
      isTemplate: parseBoolean(body, 'isTemplate') ?? false,
      category: optionalString(body, 'category') ?? null,
      canvasData:
        body.canvasData === undefined || body.canvasData === null
          ? { elements: [] }
          : parseCanvasData(body.canvasData),
      createdAt: now,
      updatedAt: now,
    };
    store.putDesign(design);
    sandbox.events.notify('design.created', wire.design(design), design.id);
    return single(c, design, 201);
  };

  const get = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'designs:read');
    return single(c, findDesign(sandbox, c.req.param('id')!));
  };

  const update = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'designs:write');
    const design = findDesign(sandbox, c.req.param('id')!);
    const body = bodyOf(c);
    const patch: Partial<DesignRecord> = {
      name: parseName(body, false),
      description: optionalString(body, 'description'),
      width: parseSide(body, 'width'),
      height: parseSide(body, 'height'),
      status: parseEnum(body, 'status', STATUSES),
      visibility: parseEnum(body, 'visibility', VISIBILITIES),
      isTemplate: parseBoolean(body, 'isTemplate'),
      category: optionalString(body, 'category'),
      canvasData:
        body.canvasData === undefined || body.canvasData === null
          ? undefined
          : parseCanvasData(body.canvasData),
    };
    const updated: DesignRecord = { ...design, updatedAt: nowIso() };
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) (updated as unknown as JsonObject)[key] = value;
    }
    if (patch.canvasData) delete updated.variables; // recomputed from the new canvas
    store.putDesign(updated);
    sandbox.events.notify('design.updated', wire.design(updated), updated.id);
    return single(c, updated);
  };

  const remove = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'designs:write');
    const design = findDesign(sandbox, c.req.param('id')!);
    if (design.status !== 'ARCHIVED') {
      const archived: DesignRecord = { ...design, status: 'ARCHIVED', updatedAt: nowIso() };
      store.putDesign(archived);
      sandbox.events.notify('design.deleted', wire.design(archived, { summary: true }), design.id);
    }
    return json({ success: true });
  };

  for (const base of ['/api/automation/designs', '/v1/designs', '/api/designs']) {
    app.get(base, list);
    app.post(base, create);
    app.get(`${base}/:id`, get);
    app.patch(`${base}/:id`, update);
    app.delete(`${base}/:id`, remove);
  }

  const listTemplates = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'templates:read');
    const pageQuery = parsePageQuery(query(c));
    const search = c.req.query('search')?.toLowerCase();
    const category = c.req.query('category')?.toLowerCase();
    const items = [...store.designs.values()].filter(
      (d) =>
        d.isTemplate &&
        d.status !== 'ARCHIVED' &&
        (!search || d.name.toLowerCase().includes(search)) &&
        (!category || d.category?.toLowerCase() === category),
    );
    const { slice, pagination } = paginate(sortByUpdated(items), pageQuery);
    return json(
      wire.list(
        slice.map((d) => wire.template(d, { summary: true })),
        pagination,
      ),
    );
  };

  const getTemplate = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'templates:read');
    const id = c.req.param('id')!;
    const design = store.designs.get(id);
    if (!design?.isTemplate) throw notFound('Template', id);
    return json(wire.ok(wire.template(design)));
  };

  for (const base of ['/api/automation/templates', '/v1/templates', '/api/templates']) {
    app.get(base, listTemplates);
    app.get(`${base}/:id`, getTemplate);
  }
}
