// Unauthenticated routes: rendered files, sandbox assets, thumbnails, and the /__sandbox inspection
// endpoints. Chaos never touches these.
import type { Hono } from 'hono';
import { renderDesign } from '../../render/index.js';
import type { AppEnv, SandboxContext } from '../context.js';
import { notFound } from '../errors.js';
import { type AppContext, json } from '../respond.js';

const THUMBNAIL_WIDTH = 320;

function fileResponse(bytes: Uint8Array, contentType: string, cache = 'public, max-age=86400') {
  return new Response(bytes, {
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(bytes.length),
      'Cache-Control': cache,
    },
  });
}

export function registerPublicRoutes(app: Hono<AppEnv>, sandbox: SandboxContext): void {
  const { store, assets } = sandbox;
  const thumbnails = new Map<string, Uint8Array>();

  app.get('/renders/:file', (c: AppContext) => {
    const name = c.req.param('file')!;
    const file = store.getFile(name);
    if (!file) throw notFound('Rendered file', name);
    return fileResponse(file.bytes, file.contentType);
  });

  app.get('/assets/*', (c: AppContext) => {
    const path = c.req.path;
    const bytes = assets.resolve(path);
    if (!bytes) throw notFound('Asset', path);
    return fileResponse(bytes, assets.contentType(path));
  });

  app.get('/thumbnails/:file', async (c: AppContext) => {
    const id = c.req.param('file')!.replace(/\.png$/, '');
    const design = store.designs.get(id);
    if (!design) throw notFound('Design', id);
    const cacheKey = `${design.id}@${design.updatedAt}`;
    let bytes = thumbnails.get(cacheKey);
    if (!bytes) {
      const output = await renderDesign({
        width: design.width,
        height: design.height,
        canvasData: design.canvasData,
        format: 'png',
        outputWidth: Math.min(THUMBNAIL_WIDTH, design.width),
        resolveAsset: (path) => assets.resolve(path),
      });
      bytes = output.bytes;
      thumbnails.set(cacheKey, bytes);
    }
    return fileResponse(bytes, 'image/png', 'no-cache');
  });

  app.get('/editor/:id', (c: AppContext) => {
    const design = store.designs.get(c.req.param('id')!);
    if (!design) throw notFound('Design', c.req.param('id')!);
    const name = design.name.replace(/[<>&"]/g, '');
    const html = `<!doctype html><meta charset="utf-8"><title>${name}</title><h1>${name}</h1><p>The sandbox has no editor. <img src="/thumbnails/${design.id}.png" alt=""></p>`;
    return new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });

  app.get('/__sandbox/deliveries', () => json({ deliveries: sandbox.dispatcher.deliveries() }));

  app.get('/__sandbox/stats', () => json({ ...sandbox.stats }));

  app.get('/', () =>
    json({
      name: 'canvelete-sandbox',
      dialect: sandbox.wire.name,
      webhookApi: sandbox.options.webhookApi,
    }),
  );
}
