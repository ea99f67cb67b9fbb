import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness, zapierErrorOf } from './harness';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({
    keys: [
      { key: 'cvt_revoked_key_000000000000', revoked: true },
      { key: 'cvt_designs_only_0000000000', scopes: ['designs:read'] },
    ],
  });
});
afterAll(() => harness.close());

describe('authentication', () => {
  it('tests the key with an authenticated call and labels the connection', async () => {
    const tested = await harness.run<Record<string, unknown>>('authentication.test');
    expect(tested['creditsRemaining']).toBe(5000);
    const label = await harness.run<string>('authentication.connectionLabel', {
      inputData: tested,
    });
    expect(label).toBe(`Canvelete (${new URL(harness.sandbox.url).host})`);
  });

  it('asks the user to reconnect when the key is revoked', async () => {
    const caught = await zapierErrorOf(
      harness.run('authentication.test', { authData: { apiKey: 'cvt_revoked_key_000000000000' } }),
    );
    expect(caught.name).toBe('ExpiredAuthError');
    expect(caught.message).toContain('UNAUTHORIZED');
    expect(caught.message).not.toContain('cvt_revoked_key_000000000000');
  });

  it.each([
    'creates.render_design.operation.inputFields',
    'creates.render_many.operation.inputFields',
  ])('asks to reconnect when %s cannot load the fields with a revoked key', async (method) => {
    const caught = await zapierErrorOf(
      harness.run(method, {
        authData: { apiKey: 'cvt_revoked_key_000000000000' },
        inputData: { source: 'design', designId: 'cm4sbxprodct0card00000002' },
      }),
    );
    expect(caught.name).toBe('ExpiredAuthError');
    expect(caught.message).toContain('UNAUTHORIZED');
    expect(caught.message).not.toContain('cvt_revoked_key_000000000000');
  });

  it('says which scope is missing for a key that may not read usage', async () => {
    const caught = await zapierErrorOf(
      harness.run('authentication.test', { authData: { apiKey: 'cvt_designs_only_0000000000' } }),
    );
    expect(caught.name).toBe('AppError');
    expect(caught.code).toBe('InsufficientScope');
  });

  it('rejects a base URL that is not http(s), naming the field', async () => {
    const caught = await zapierErrorOf(
      harness.run('authentication.test', { authData: { baseUrl: 'ftp://example.com' } }),
    );
    expect(caught.code).toBe('InvalidData');
    expect(caught.message).toContain('baseUrl');
  });

  it('sends the adapter’s name and version in the User-Agent', async () => {
    const seen: string[] = [];
    const { createServer } = await import('node:http');
    const spy = createServer((req, res) => {
      seen.push(String(req.headers['user-agent']));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"success":true,"data":{"creditsUsed":1,"creditsRemaining":2}}');
    });
    await new Promise<void>((resolve) => spy.listen(0, '127.0.0.1', resolve));
    const { port } = spy.address() as { port: number };
    try {
      await harness.run('authentication.test', {
        authData: { baseUrl: `http://127.0.0.1:${port}` },
      });
    } finally {
      spy.close();
    }
    expect(seen[0]).toMatch(/^canvelete-core\/\S+ canvelete-zapier\/\d+\.\d+\.\d+/);
  });

  it('shows each Canvelete call in Zapier’s log, with the key scrubbed', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    });
    try {
      await harness.run(
        'authentication.test',
        {},
        {
          event: { logToStdout: true, detailedLogToStdout: true },
        },
      );
    } finally {
      spy.mockRestore();
    }
    const log = lines.join('\n');
    expect(log).toContain(`GET ${harness.sandbox.url}/api/v1/usage/stats`);
    expect(log).toContain('"creditsRemaining":5000');
    expect(log).not.toContain(harness.sandbox.apiKey);
  });
});
