import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDedupe, emptyDedupe } from './dedupe.ts';
import { type PipedreamHarness, startPipedreamHarness } from './harness.ts';
import { checkRegistryApp } from './registry-checks.ts';
import type { ComponentDefinition, EmittedEvent, Loose } from './types.ts';

let pd: PipedreamHarness;
beforeAll(async () => {
  pd = await startPipedreamHarness();
});
afterAll(() => pd.close());

const events = (...ids: Array<string | number>): EmittedEvent[] =>
  ids.map((id) => ({ event: { id }, meta: { id } }));

describe('dedupe strategies (api.mdx "Dedupe Strategies")', () => {
  it('unique: a FIFO cache of the last 100 ids', () => {
    const state = emptyDedupe();
    expect(applyDedupe('unique', state, events('a', 'b', 'a')).emitted).toHaveLength(2);
    const many = Array.from({ length: 100 }, (_, i) => `n${i}`);
    applyDedupe('unique', state, events(...many));
    // 'a' was pushed out first in, first out; 'n99' is still cached.
    expect(applyDedupe('unique', state, events('a', 'n99')).emitted.map((e) => e.meta.id)).toEqual([
      'a',
    ]);
  });

  it('greatest: only ids above the largest seen', () => {
    const state = emptyDedupe();
    expect(applyDedupe('greatest', state, events(5, 3, 7)).emitted.map((e) => e.meta.id)).toEqual([
      5, 7,
    ]);
    expect(applyDedupe('greatest', state, events(7, 8)).emitted.map((e) => e.meta.id)).toEqual([8]);
  });

  it('last: only events after the last emitted id; all when it is not among them', () => {
    const state = emptyDedupe();
    applyDedupe('last', state, events('a', 'b'));
    expect(applyDedupe('last', state, events('a', 'b', 'c')).emitted.map((e) => e.meta.id)).toEqual(
      ['c'],
    );
    expect(applyDedupe('last', state, events('x', 'y')).emitted.map((e) => e.meta.id)).toEqual([
      'x',
      'y',
    ]);
  });

  it('orders one execution oldest to newest when every event has ts', () => {
    const input: EmittedEvent[] = [
      { event: 2, meta: { id: 'b', ts: 2 } },
      { event: 1, meta: { id: 'a', ts: 1 } },
    ];
    expect(applyDedupe(undefined, emptyDedupe(), input).emitted.map((e) => e.event)).toEqual([
      1, 2,
    ]);
  });
});

describe('a deployed source (api.mdx "Source Lifecycle", "Interface Props", "DB")', () => {
  const calls: string[] = [];
  const lifecycle: ComponentDefinition = {
    key: 'x-new-thing',
    name: 'New Thing',
    description: 'Emit new thing.',
    version: '0.0.1',
    type: 'source',
    dedupe: 'unique',
    props: {
      db: '$.service.db',
      timer: { type: '$.interface.timer', default: { intervalSeconds: 60 } },
      label: { type: 'string', label: 'Label', optional: true, default: 'dflt' },
    },
    hooks: {
      async deploy() {
        calls.push('deploy');
        (this as Loose).$emit({ from: 'deploy' }, { id: 'deploy-1' });
      },
      async activate() {
        calls.push(`activate:${(this as Loose).label}`);
      },
      async deactivate() {
        calls.push('deactivate');
      },
    },
    async run(event: Loose) {
      const self = this as Loose;
      const count = (self.db.get('count') ?? 0) + 1;
      self.db.set('count', count);
      self.db.set('missing', undefined);
      self.$emit({ event, timer: self.timer }, { id: event.timestamp % 2, summary: 'tick' });
    },
  };

  it('runs hooks in the documented order for deploy, update and delete', async () => {
    calls.length = 0;
    const source = await pd.source(lifecycle);
    await source.deploy();
    await source.update({ label: 'new' });
    await source.delete();
    expect(source.hookCalls).toEqual([
      'deploy',
      'activate',
      'deactivate',
      'activate',
      'deactivate',
    ]);
    expect(calls).toEqual(['deploy', 'activate:dflt', 'deactivate', 'activate:new', 'deactivate']);
    expect(source.emitted.map((e) => e.meta.id)).toEqual(['deploy-1']);
  });

  it('passes timer events { timestamp, interval_seconds }, keeps db as JSON and dedupes by id', async () => {
    const source = await pd.source(lifecycle);
    await source.deploy();
    await source.runTimer(1_000_000);
    await source.runTimer(1_002_000);
    await source.runTimer(1_001_000);
    expect(source.db.get('count')).toBe(3);
    expect(source.db.get('missing')).toBeUndefined();
    const emitted = source.emitted.filter((e) => e.meta.summary === 'tick');
    expect(emitted).toHaveLength(2);
    expect(emitted[0]?.event).toEqual({
      event: { timestamp: 1000, interval_seconds: 60 },
      timer: { type: '$.interface.timer', intervalSeconds: 60 },
    });
    expect(source.dropped.map((e) => e.meta.id)).toEqual([0]);
  });

  it('serves $.interface.http on a real endpoint: event shape and custom response', async () => {
    const path = fileURLToPath(
      new URL('./fixtures/components/fixture_app/sources/new-thing/new-thing.mjs', import.meta.url),
    );
    const source = await pd.source(path);
    await source.deploy();
    const body = '{"id":"t1", "spaced": true}';
    const post = () =>
      fetch(`${source.endpoint}/hook?x=1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Sig': 'abc' },
        body,
      });
    const first = await post();
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ got: 't1' });
    await post();
    expect(source.emitted).toHaveLength(1);
    expect(source.dropped).toHaveLength(1);
    await source.delete();
    expect((await post()).status).toBe(404);
  });

  it('gives run the documented HTTP event (bodyRaw exact, body parsed, lower-case headers)', async () => {
    let seen: Loose;
    const source = await pd.source({
      key: 'x-http',
      type: 'source',
      version: '0.0.1',
      props: { http: { type: '$.interface.http', customResponse: true } },
      run(event: Loose) {
        seen = event;
        (this as Loose).http.respond({ status: 200, body: 'ok' });
      },
    });
    await source.deploy();
    await fetch(`${source.endpoint}/a/b?q=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Canvelete-Signature': 's' },
      body: '{ "a" : 1 }',
    });
    expect(seen).toMatchObject({
      method: 'POST',
      path: '/a/b',
      query: { q: '1' },
      bodyRaw: '{ "a" : 1 }',
      body: { a: 1 },
    });
    expect(seen.headers['x-canvelete-signature']).toBe('s');
  });

  it('captures console output as the run logs', async () => {
    const source = await pd.source({
      key: 'x-log',
      type: 'source',
      version: '0.0.1',
      props: {},
      run() {
        console.log('endpoint is %s', 'here');
      },
    });
    await source.runWith({});
    expect(source.logs).toEqual([{ level: 'log', message: 'endpoint is here' }]);
  });
});

describe('registry checks (scripts/findBadKeys.js and the publish workflow)', () => {
  it('accepts a well-formed app folder', async () => {
    const report = await checkRegistryApp(
      fileURLToPath(new URL('./fixtures/components/fixture_app', import.meta.url)),
    );
    expect(report.problems).toEqual([]);
    expect(report.components.map((c) => c.key).sort()).toEqual([
      'fixture_app-echo-request',
      'fixture_app-new-thing',
    ]);
  });

  it('flags a key without the app slug, a key that is not the folder name, and a folder not named after the slug', async () => {
    const root = await mkdtemp(join(tmpdir(), 'pd-registry-'));
    const app = join(root, 'wrong_folder');
    await mkdir(join(app, 'actions/do-it'), { recursive: true });
    await writeFile(
      join(app, 'my_app.app.mjs'),
      "export default { type: 'app', app: 'my_app' };\n",
    );
    await writeFile(
      join(app, 'actions/do-it/do-it.mjs'),
      "export default { key: 'other-do-that', name: 'Do', description: 'd', version: '1', type: 'action', run() {} };\n",
    );
    const report = await checkRegistryApp(app);
    await rm(root, { recursive: true });
    expect(report.problems).toEqual([
      "directory 'wrong_folder' does not match app slug 'my_app'",
      'actions/do-it/do-it.mjs [key: other-do-that]: key lacks the app slug',
      "actions/do-it/do-it.mjs [key: other-do-that]: the publish step derives key 'my_app-do-it' from the path",
      'actions/do-it/do-it.mjs [key: other-do-that]: version is not semver',
      'actions/do-it/do-it.mjs [key: other-do-that]: annotations.destructiveHint missing',
      'actions/do-it/do-it.mjs [key: other-do-that]: annotations.openWorldHint missing',
      'actions/do-it/do-it.mjs [key: other-do-that]: annotations.readOnlyHint missing',
    ]);
  });
});
