import type { ScriptedServer, ScriptedStep } from '@canvelete/test-http';
import { describe, expect, it } from 'vitest';
import { CanveleteError } from '../errors/index.js';
import { clientOn, useScriptedServers } from '../test-support/fixture.js';

const serve = useScriptedServers();

const client = (server: ScriptedServer) => clientOn(server).canvelete;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return CanveleteError.isInstance(error) ? error.code : 'OTHER';
  }
  return undefined;
}

const SUBSCRIPTION = {
  id: 'wh_1',
  url: 'https://hooks.example/a',
  events: ['render.completed'],
  designId: 'd_1',
  createdAt: '2026-01-01T00:00:00Z',
};

describe('webhooks', () => {
  it('subscribes, lists and unsubscribes on /api/v1/webhooks', async () => {
    const server = await serve((request) => {
      if (request.method === 'POST')
        return {
          status: 201,
          body: { success: true, data: { ...SUBSCRIPTION, secret: 'whsec_1' } },
        };
      if (request.method === 'GET')
        return { status: 200, body: { success: true, data: [SUBSCRIPTION] } };
      return { status: 200, body: { success: true } };
    });
    const canvelete = client(server);
    const created = await canvelete.webhooks.subscribe({
      url: SUBSCRIPTION.url,
      events: ['render.completed'],
      designId: 'd_1',
    });
    expect(created).toEqual({ ...SUBSCRIPTION, secret: 'whsec_1' });
    expect(JSON.parse(server.requests[0]?.text ?? '')).toEqual({
      url: SUBSCRIPTION.url,
      events: ['render.completed'],
      designId: 'd_1',
    });
    expect(server.requests[0]?.headers['idempotency-key']).toBeTruthy();
    expect(await canvelete.webhooks.list()).toEqual([SUBSCRIPTION]);
    await canvelete.webhooks.unsubscribe('wh_1');
    expect(server.requests[2]).toMatchObject({ method: 'DELETE', url: '/api/v1/webhooks/wh_1' });
  });

  it('treats 404 on unsubscribe as already done', async () => {
    const server = await serve([{ status: 404, body: { error: 'Webhook not found' } }]);
    await expect(client(server).webhooks.unsubscribe('gone')).resolves.toBeUndefined();
  });

  it.each<[string, ScriptedStep]>([
    ['404', { status: 404, body: { error: 'Not found' } }],
    ['405', { status: 405 }],
    ['501', { status: 501 }],
    [
      'non-JSON 200',
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>app</html>' },
    ],
  ])('raises NOT_SUPPORTED when the collection route answers %s', async (_name, step) => {
    const server = await serve([step]);
    const canvelete = client(server);
    expect(
      await codeOf(
        canvelete.webhooks.subscribe({ url: 'https://h', events: ['render.completed'] }),
      ),
    ).toBe('NOT_SUPPORTED');
    expect(await codeOf(canvelete.webhooks.list())).toBe('NOT_SUPPORTED');
    expect(server.requests).toHaveLength(2);
  });

  it('raises NOT_SUPPORTED for 405/501 on unsubscribe, and keeps other errors', async () => {
    expect(await codeOf(client(await serve([{ status: 405 }])).webhooks.unsubscribe('x'))).toBe(
      'NOT_SUPPORTED',
    );
    expect(
      await codeOf(
        client(await serve([{ status: 401, body: { error: 'Unauthorized' } }])).webhooks.list(),
      ),
    ).toBe('UNAUTHORIZED');
  });
});
