// Composes the Hono app: public routes, then the API pipeline and API routes, one error handler.
import { Hono } from 'hono';
import type { AppEnv, SandboxContext } from './context.js';
import { ApiError } from './errors.js';
import {
  authenticate,
  bodyReader,
  chaosInjector,
  idempotency,
  requestIdentity,
} from './middleware.js';
import { errorResponse } from './respond.js';
import { registerDesignRoutes } from './routes/designs.js';
import { registerPublicRoutes } from './routes/public.js';
import { registerRenderRoutes } from './routes/renders.js';
import { registerUsageRoutes } from './routes/usage.js';
import { registerWebhookRoutes } from './routes/webhooks.js';

export function createApp(sandbox: SandboxContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestIdentity(sandbox));
  for (const prefix of ['/api/*', '/v1/*']) {
    app.use(prefix, bodyReader(sandbox));
    app.use(prefix, chaosInjector(sandbox));
    app.use(prefix, authenticate(sandbox));
    app.use(prefix, idempotency(sandbox));
  }
  registerPublicRoutes(app, sandbox);
  registerDesignRoutes(app, sandbox);
  registerRenderRoutes(app, sandbox);
  registerUsageRoutes(app, sandbox);
  if (sandbox.options.webhookApi) registerWebhookRoutes(app, sandbox);

  app.notFound((c) =>
    errorResponse(
      sandbox,
      new ApiError(404, 'NOT_FOUND', `No route for ${c.req.method} ${c.req.path}`, {
        path: c.req.path,
      }),
    ),
  );
  app.onError((error) => errorResponse(sandbox, error));
  return app;
}
