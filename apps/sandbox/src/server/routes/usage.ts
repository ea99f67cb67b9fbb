// Usage and credits (reference 3.7): stats in the dialect envelope, credits in their own shape.
import type { Hono } from 'hono';
import { requireScope } from '../auth.js';
import type { AppEnv, SandboxContext } from '../context.js';
import { type AppContext, json } from '../respond.js';

function nextMonthStart(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
}

export function registerUsageRoutes(app: Hono<AppEnv>, sandbox: SandboxContext): void {
  const { store, wire, renders, options } = sandbox;

  app.get('/api/v1/usage/stats', (c: AppContext) => {
    requireScope(c.get('apiKey'), 'usage:read');
    return json(
      wire.ok({
        creditsUsed: store.usage.creditsUsed,
        creditLimit: options.credits,
        creditsRemaining: renders.creditsRemaining(),
        apiCalls: store.usage.apiCalls,
        apiCallLimit: null,
        renders: store.usage.renders,
        storageUsed: 0,
      }),
    );
  });

  app.get('/api/v1/account/credits', (c: AppContext) => {
    requireScope(c.get('apiKey'), 'usage:read');
    return json({
      success: true,
      credits: {
        remaining: renders.creditsRemaining(),
        used: store.usage.creditsUsed,
        total: options.credits,
        resetDate: nextMonthStart(),
      },
    });
  });
}
