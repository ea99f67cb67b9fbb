import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipedreamHarness, startPipedreamHarness } from './harness.ts';
import { TEST_MODE_CANCEL_MESSAGE } from './step-context.ts';
import type { ComponentDefinition, Loose } from './types.ts';

let pd: PipedreamHarness;
let api: Server;
let apiUrl: string;
const seenAuth: Array<string | undefined> = [];

beforeAll(async () => {
  pd = await startPipedreamHarness();
  api = createServer((req, res) => {
    seenAuth.push(req.headers.authorization);
    if (req.url === '/missing') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'nope' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, path: req.url }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await pd.close();
  await new Promise((resolve) => api.close(resolve));
});

function action(run: (this: Loose, arg: { $: Loose }) => unknown): ComponentDefinition {
  return { key: 'x-act', type: 'action', version: '0.0.1', props: {}, run };
}

describe('$ in actions (api.mdx "Actions")', () => {
  it('collects $.export and $summary, and JSON-clones the return value', async () => {
    const step = await pd.action(
      action(({ $ }) => {
        $.export('$summary', 'did it');
        $.export('answer', { n: 42, when: new Date(0) });
        return { buffer: Buffer.from('hi'), skip: undefined };
      }),
    );
    const result = await step.run();
    expect(result.status).toBe('success');
    expect(result.summary).toBe('did it');
    expect(result.exports.answer).toEqual({ n: 42, when: '1970-01-01T00:00:00.000Z' });
    expect(result.returnValue).toEqual({ buffer: { type: 'Buffer', data: [104, 105] } });
  });

  it('records $.respond and $.send.* calls', async () => {
    const step = await pd.action(
      action(({ $ }) => {
        $.respond({ status: 201, body: { ok: true } });
        $.send.http({ method: 'POST', url: 'https://example.invalid', data: { a: 1 } });
      }),
    );
    const result = await step.run();
    expect(result.responses).toEqual([{ status: 201, body: { ok: true } }]);
    expect(result.sent).toEqual([
      {
        destination: 'http',
        config: { method: 'POST', url: 'https://example.invalid', data: { a: 1 } },
      },
    ]);
  });

  it('$.flow.suspend does not rerun the step: data sent to resume_url becomes $resume_data', async () => {
    let runs = 0;
    const step = await pd.action(
      action(({ $ }) => {
        runs += 1;
        $.export('urls', $.flow.suspend(60_000));
        return 'before';
      }),
    );
    const execution = step.execution();
    const first = await execution.start();
    const { resume_url } = first.exports.urls as { resume_url: string };
    await fetch(resume_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"approved":true}',
    });
    const resumed = await execution.next();
    expect(resumed).toMatchObject({
      status: 'success',
      returnValue: 'before',
      exports: { $resume_data: { approved: true } },
    });
    expect(runs).toBe(1);
  });

  it('$.flow.suspend pauses with resume and cancel URLs; a request to cancel_url ends it', async () => {
    const step = await pd.action(
      action(({ $ }) => {
        const urls = $.flow.suspend();
        $.export('urls', urls);
      }),
    );
    const execution = step.execution();
    const first = await execution.start();
    expect(first.status).toBe('suspended');
    expect(first.rerun?.kind).toBe('suspend');
    const { cancel_url } = first.exports.urls as { cancel_url: string };
    await fetch(cancel_url, { method: 'POST' });
    expect((await execution.next()).status).toBe('canceled');
  });

  it('ends the step with $.flow.exit(reason)', async () => {
    const step = await pd.action(action(({ $ }) => $.flow.exit('nothing to do')));
    const result = await step.run();
    expect(result).toMatchObject({ status: 'exited', exitReason: 'nothing to do' });
  });

  it('sets $.context.deadline from the workflow timeout and ends a step that outlives it', async () => {
    const step = await pd.action(
      action(async ({ $ }) => {
        $.export('deadline', $.context.deadline);
        await new Promise((resolve) => setTimeout(resolve, 5_000));
      }),
    );
    const before = Date.now();
    const result = await step.run({ timeoutSeconds: 0.2 });
    expect(result.status).toBe('timeout');
    expect(result.exports.deadline).toBeGreaterThanOrEqual(before + 200);
    expect(result.exports.deadline).toBeLessThanOrEqual(Date.now() + 200);
  });

  it('points STASH_DIR at a temp folder while the step runs', async () => {
    const previous = process.env.STASH_DIR;
    const step = await pd.action(
      action(async () => {
        const file = join(process.env.STASH_DIR ?? '/nowhere', 'out.txt');
        await writeFile(file, 'data');
        return file;
      }),
    );
    const result = await step.run();
    expect(result.returnValue).toBe(join(pd.stashDir, 'out.txt'));
    expect(await readFile(join(pd.stashDir, 'out.txt'), 'utf8')).toBe('data');
    expect(process.env.STASH_DIR).toBe(previous);
  });
});

describe('$.flow.rerun (rerun.mdx)', () => {
  const rerunning = action(async function run({ $ }) {
    const { run } = $.context;
    $.export('run', run);
    if (run.runs === 1) {
      const urls = $.flow.rerun(60_000, { started: true }, 2);
      $.export('urls', urls);
      return null;
    }
    if (run.callback_request) return { woke: 'callback', body: run.callback_request.body };
    $.flow.rerun(60_000, { polls: (run.context.polls ?? 0) + 1 }, 2);
    return { woke: 'timer' };
  });

  it('pauses after the first run and reruns with runs, context and callback_request on a POST to resume_url', async () => {
    const step = await pd.action(rerunning);
    const execution = step.execution();
    const first = await execution.start();
    expect(first.status).toBe('suspended');
    expect(first.exports.run).toEqual({ runs: 1 });
    const { resume_url } = first.exports.urls as { resume_url: string };
    const answer = await fetch(resume_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test': 'yes' },
      body: JSON.stringify({ done: 1 }),
    });
    expect(answer.status).toBe(200);
    const second = await execution.next();
    expect(second.status).toBe('success');
    expect(second.returnValue).toEqual({ woke: 'callback', body: { done: 1 } });
    expect(second.exports.run).toMatchObject({
      runs: 2,
      context: { started: true },
      callback_request: { method: 'POST', headers: { 'x-test': 'yes' }, bodyRaw: '{"done":1}' },
    });
  });

  it('keeps a callback that arrives before the step has finished', async () => {
    const step = await pd.action(
      action(async ({ $ }) => {
        if ($.context.run.runs > 1) return $.context.run.callback_request.body;
        const { resume_url } = $.flow.rerun(60_000, null, 1);
        await fetch(resume_url, { method: 'POST', body: 'early' });
      }),
    );
    const execution = step.execution();
    expect((await execution.start()).status).toBe('suspended');
    expect((await execution.next()).returnValue).toBe('early');
  });

  it('reruns without callback_request when the delay passes, and proceeds once maxRetries is used up', async () => {
    const step = await pd.action(rerunning);
    const execution = step.execution();
    await execution.start();
    const second = await execution.elapse();
    expect(second.status).toBe('suspended');
    expect(second.exports.run).toEqual({ runs: 2, context: { started: true } });
    const third = await execution.elapse();
    // maxRetries 2: runs 2 and 3 were the reruns; a further rerun is refused and the step goes on.
    expect(third).toMatchObject({
      status: 'success',
      rerunRefused: true,
      returnValue: { woke: 'timer' },
    });
  });

  it('with callbacks dropped, a POST to resume_url fails and only the delay wakes the step', async () => {
    const step = await pd.action(rerunning);
    const execution = step.execution({ callbacks: 'drop' });
    const first = await execution.start();
    const { resume_url } = first.exports.urls as { resume_url: string };
    expect((await fetch(resume_url, { method: 'POST', body: '{}' })).status).toBe(503);
    const second = await execution.elapse();
    expect(second.exports.run).toEqual({ runs: 2, context: { started: true } });
  });

  it('cancels the execution in test mode instead of pausing', async () => {
    const step = await pd.action(rerunning);
    const result = await step.run({ test: true });
    expect(result).toMatchObject({ status: 'canceled', cancelMessage: TEST_MODE_CANCEL_MESSAGE });
  });

  it('sets $.context.JIT in test mode only', async () => {
    const step = await pd.action(action(({ $ }) => $.context.JIT));
    expect((await step.run({ test: true })).returnValue).toBe(true);
    expect((await step.run()).returnValue).toBe(false);
  });
});

describe('the real @pipedream/platform axios', () => {
  const echo = fileURLToPath(
    new URL(
      './fixtures/components/fixture_app/actions/echo-request/echo-request.mjs',
      import.meta.url,
    ),
  );

  it('returns the body and exports debug_config / debug_response with debug: true', async () => {
    const step = await pd.action(echo, {
      auth: { fixture_app: { api_key: 'secret-1' } },
      props: { url: `${apiUrl}/thing?x=1` },
    });
    const result = await step.run();
    expect(result.returnValue).toEqual({ ok: true, path: '/thing?x=1' });
    expect(result.exports.debug_response).toEqual({ ok: true, path: '/thing?x=1' });
    expect(result.exports.debug_config).toMatchObject({ params: { x: '1' } });
    expect(seenAuth.at(-1)).toBe('Bearer secret-1');
  });

  it('throws on an error status and exports the response summary as debug', async () => {
    const step = await pd.action(echo, {
      auth: { fixture_app: { api_key: 'k' } },
      props: { url: `${apiUrl}/missing` },
    });
    const result = await step.run();
    expect(result.status).toBe('error');
    expect((result.error as Error).message).toBe('{"error":"nope"}');
    expect(result.exports.debug).toMatchObject({ status: 404, data: { error: 'nope' } });
  });
});
