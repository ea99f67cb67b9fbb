// Render routes: sync binary (SDK), JSON (docs), async + status, batch + status, history (reference 3.3).
import type { Hono } from 'hono';
import { requireScope } from '../auth.js';
import type { AppEnv, SandboxContext } from '../context.js';
import { ApiError, invalid, malformed, notFound } from '../errors.js';
import type { RenderRecord } from '../model.js';
import type { PreparedRender } from '../render-service.js';
import { type AppContext, bodyOf, json, query } from '../respond.js';
import { callbackUrlOf, isObject, LIMITS, paginate, parsePageQuery } from '../validation.js';

/** Rough queue estimate in seconds, for `estimatedTime`. */
const ESTIMATED_SECONDS_PER_RENDER = 1;

export function registerRenderRoutes(app: Hono<AppEnv>, sandbox: SandboxContext): void {
  const { wire, renders, store } = sandbox;

  const startAsync = (body: Record<string, unknown>) => {
    const prepared = renders.prepare(body);
    const record = renders.enqueue(prepared);
    return json(wire.okRender(wire.accepted(record, ESTIMATED_SECONDS_PER_RENDER)), 202);
  };

  const renderBinary = async (c: AppContext) => {
    requireScope(c.get('apiKey'), 'render:write');
    const body = bodyOf(c);
    if (body.async === true) return startAsync(body);
    const { record, output } = await renders.renderNow(renders.prepare(body));
    return new Response(output.bytes, {
      status: 200,
      headers: {
        'Content-Type': output.contentType,
        'Content-Length': String(output.bytes.length),
        'Content-Disposition': `inline; filename="${record.fileName}"`,
        'X-Render-Id': record.id,
        'X-Render-Time': String(record.renderTimeMs ?? 0),
      },
    });
  };

  const renderJson = async (c: AppContext) => {
    requireScope(c.get('apiKey'), 'render:write');
    const body = bodyOf(c);
    const { record } = await renders.renderNow(renders.prepare(body, c.req.param('id')!));
    return json(wire.ok(wire.render(record)));
  };

  const renderAsync = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'render:write');
    return startAsync(bodyOf(c));
  };

  const findRender = (id: string): RenderRecord => {
    const record = store.renders.get(id);
    if (!record) throw notFound('Render', id);
    return record;
  };

  const status = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'render:read');
    return json(wire.okRender(wire.render(findRender(c.req.param('id')!))));
  };

  const history = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'render:read');
    const pageQuery = parsePageQuery(query(c));
    const designId = c.req.param('id');
    // Newest first: the store keeps insertion order, which is creation order.
    const records = [...store.renders.values()]
      .filter((r) => !designId || r.designId === designId)
      .reverse();
    const { slice, pagination } = paginate(records, pageQuery);
    return json(wire.list(slice.map(wire.render), pagination));
  };

  const batch = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'render:write');
    const body = bodyOf(c);
    const field = Array.isArray(body.renders)
      ? 'renders'
      : Array.isArray(body.items)
        ? 'items'
        : 'renders';
    const items = body[field];
    if (!Array.isArray(items)) throw malformed('renders', 'must be an array of render requests');
    if (items.length === 0) throw invalid('renders', 'must contain at least one render');
    if (items.length > LIMITS.batch)
      throw invalid('renders', `at most ${LIMITS.batch} renders per batch`);
    const prepared: PreparedRender[] = items.map((item, index) => {
      if (!isObject(item)) throw malformed(`${field}[${index}]`, 'must be an object');
      try {
        return renders.prepare(item);
      } catch (error) {
        throw prefixField(error, `${field}[${index}]`);
      }
    });
    const created = renders.createBatch(prepared, callbackUrlOf(body));
    return json(wire.okRender(wire.batch(created, renders.batchJobs(created))), 202);
  };

  const batchStatus = (c: AppContext) => {
    requireScope(c.get('apiKey'), 'render:read');
    const id = c.req.param('id')!;
    const found = store.batches.get(id);
    if (!found) throw notFound('Batch', id);
    return json(wire.okRender(wire.batch(found, renders.batchJobs(found))));
  };

  app.post('/api/v1/render', renderBinary);
  app.post('/api/automation/render', renderBinary);
  app.post('/api/v1/render/async', renderAsync);
  app.post('/api/v1/render/design/:id', renderJson);
  app.post('/v1/render/design/:id', renderJson);
  app.post('/api/v1/render/batch', batch);
  app.post('/v1/render/batch', batch);
  app.get('/api/v1/render/batch/:id/status', batchStatus);
  app.get('/v1/render/batch/:id/status', batchStatus);
  app.get('/api/v1/render/history', history);
  app.get('/api/automation/render', history);
  app.get('/api/v1/render/design/:id/history', history);
  app.get('/api/v1/render/status/:id', status);
  app.get('/api/v1/render/:id', status); // Python SDK's status path
}

/** Rewrites a batch item's error so the field names its position (`renders[2].format`). */
function prefixField(error: unknown, prefix: string): unknown {
  if (!(error instanceof ApiError) || typeof error.details.field !== 'string') return error;
  const field = `${prefix}.${error.details.field}`;
  return new ApiError(
    error.status,
    error.code,
    error.message.replace(`"${error.details.field}"`, `"${field}"`),
    { ...error.details, field },
    error.headers,
    error.validationKind,
  );
}
