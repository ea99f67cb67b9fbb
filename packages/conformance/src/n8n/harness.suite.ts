import { fileURLToPath } from 'node:url';
import { startScriptedServer } from '@canvelete/testing/http';
import { N8nHarness } from '@canvelete/testing/n8n';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const fixtureDir = fileURLToPath(new URL('./__fixtures__/greeter-package', import.meta.url));

describe('n8n engine harness (n8n-core WorkflowExecute + PackageDirectoryLoader)', () => {
  let server: Awaited<ReturnType<typeof startScriptedServer>>;
  let harness: N8nHarness;

  beforeAll(async () => {
    server = await startScriptedServer((request) => {
      const who = new URL(request.url, 'http://x').searchParams.get('who');
      return { status: 200, body: { greeting: `hello ${who}` } };
    });
    harness = await N8nHarness.create({
      packageDir: fixtureDir,
      credentials: { greeterApi: { token: 'tok_harness', baseUrl: server.url } },
    });
  });

  afterAll(async () => {
    await server.close();
  });

  it('runs a loaded node with an expression and applies the credential generic auth', async () => {
    const run = await harness.run(
      { nodes: [{ name: 'Greeter', type: 'greeter', parameters: { who: '={{ $json.who }}' } }] },
      [{ who: 'Ada' }, { who: 'Linus' }],
    );
    expect(run.status).toBe('success');
    expect(run.output('Greeter').map((item) => item.json.greeting)).toEqual([
      'hello Ada',
      'hello Linus',
    ]);
    expect(run.output('Greeter').map((item) => item.pairedItem)).toEqual([
      { item: 0 },
      { item: 1 },
    ]);
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer tok_harness');
  });

  it('reports a node error as the execution error, and continueOnFail keeps going', async () => {
    const failed = await harness.run(
      { nodes: [{ name: 'Greeter', type: 'greeter', parameters: { who: 'nobody' } }] },
      [{}],
    );
    expect(failed.status).toBe('error');
    expect(failed.error?.message).toBe('nobody to greet');

    const continued = await harness.run(
      {
        nodes: [
          {
            name: 'Greeter',
            type: 'greeter',
            parameters: { who: 'nobody' },
            onError: 'continueRegularOutput',
          },
        ],
      },
      [{}],
    );
    expect(continued.status).toBe('success');
    expect(continued.output('Greeter')[0]?.json).toEqual({ error: 'nobody to greet' });
  });
});
