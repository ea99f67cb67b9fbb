import { describe, expect, it } from 'vitest';
import { startScriptedServer } from './scripted-server.ts';

describe('startScriptedServer', () => {
  it('answers request n with step n, repeats the last step and records every request', async () => {
    const server = await startScriptedServer([
      { status: 503, headers: { 'retry-after': '1' } },
      { status: 200, body: { ok: true } },
    ]);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${server.url}/x?i=${i}`, { method: 'POST', body: `é${i}` });
        statuses.push(response.status);
        if (response.status === 200) {
          expect(response.headers.get('content-type')).toBe('application/json');
          expect(await response.json()).toEqual({ ok: true });
        } else expect(response.headers.get('retry-after')).toBe('1');
      }
      expect(statuses).toEqual([503, 200, 200]);
      expect(server.requests.map((r) => [r.method, r.url, r.text])).toEqual([
        ['POST', '/x?i=0', 'é0'],
        ['POST', '/x?i=1', 'é1'],
        ['POST', '/x?i=2', 'é2'],
      ]);
      expect(server.requests[0]?.body).toEqual(Buffer.from('é0'));
    } finally {
      await server.close();
    }
  });

  it('takes a function of the request, and drops the connection when told to', async () => {
    const server = await startScriptedServer((request) =>
      request.url === '/drop' ? { drop: true } : { status: 201, body: 'plain' },
    );
    try {
      const response = await fetch(`${server.url}/fine`);
      expect([response.status, await response.text()]).toEqual([201, 'plain']);
      await expect(fetch(`${server.url}/drop`)).rejects.toThrow();
    } finally {
      await server.close();
    }
  });

  it('holds a delayed answer back while later requests are answered', async () => {
    const server = await startScriptedServer((request) =>
      request.url === '/slow'
        ? { status: 200, body: 'slow', delayMs: 300 }
        : { status: 200, body: 'fast' },
    );
    try {
      const order: string[] = [];
      const slow = fetch(`${server.url}/slow`).then(async (r) => order.push(await r.text()));
      while (server.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
      await fetch(`${server.url}/fast`).then(async (r) => order.push(await r.text()));
      await slow;
      expect(order).toEqual(['fast', 'slow']);
    } finally {
      await server.close();
    }
  });
});
