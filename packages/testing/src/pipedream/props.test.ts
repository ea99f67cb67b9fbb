import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipedreamHarness, startPipedreamHarness } from './harness.ts';
import type { ComponentDefinition, Loose } from './types.ts';

const fixture = (rel: string) =>
  fileURLToPath(new URL(`./fixtures/components/fixture_app/${rel}`, import.meta.url));

let pd: PipedreamHarness;
beforeAll(async () => {
  pd = await startPipedreamHarness();
});
afterAll(() => pd.close());

describe('props and prop definitions (api.mdx "Prop Definitions", "Async Options")', () => {
  it('merges a propDefinition with local overrides', async () => {
    const action = await pd.action(fixture('actions/echo-request/echo-request.mjs'));
    const item = action.prop('itemId');
    expect(item.spec.label).toBe('Item');
    expect(item.spec.optional).toBe(true);
    expect(item.sourceApp?.app).toBe('fixture_app');
  });

  it('passes page (0-indexed), prevContext ({} first), query (useQuery) and input values', async () => {
    const action = await pd.action(fixture('actions/echo-request/echo-request.mjs'), {
      props: { group: 'g1' },
    });
    const first = await action.options('itemId', { query: 'abc' });
    expect(first.options).toEqual([{ label: 'g1:abc:0:0', value: 'id-0' }]);
    expect(first.context).toEqual({ nextPageToken: 1 });
    const second = await action.options('itemId', {
      page: 1,
      prevContext: first.context,
      query: 'abc',
    });
    expect(second.options[0]?.value).toBe('id-1');
  });

  it('follows context.nextPageToken until a page is empty', async () => {
    const action = await pd.action(fixture('actions/echo-request/echo-request.mjs'));
    const { options, pages } = await action.allOptions('itemId');
    expect(options.map((o) => o.value)).toEqual(['id-0', 'id-1', 'id-2']);
    expect(pages).toHaveLength(4);
  });

  it('does not pass query to a prop without useQuery', async () => {
    let seen: unknown;
    const action = await pd.action({
      key: 'x-a',
      type: 'action',
      version: '0.0.1',
      props: {
        pick: {
          type: 'string',
          label: 'Pick',
          async options(opts: Record<string, unknown>) {
            seen = opts;
            return ['a', { label: 'B', value: 'b' }];
          },
        },
      },
      run() {},
    });
    const page = await action.options('pick', { query: 'ignored' });
    expect(seen).toEqual({ page: 0, prevContext: {} });
    expect(page.options).toEqual([
      { label: 'a', value: 'a' },
      { label: 'B', value: 'b' },
    ]);
  });

  it('binds app methods to the app, with $auth', async () => {
    const action = await pd.action(
      {
        key: 'x-b',
        type: 'action',
        version: '0.0.1',
        props: {
          app: {
            type: 'app',
            app: 'demo',
            methods: {
              token() {
                return (this as Loose).$auth.api_key;
              },
            },
          },
        },
        run() {
          const { token } = (this as Loose).app;
          return token();
        },
      },
      { auth: { demo: { api_key: 'k-1' } } },
    );
    expect((await action.run()).returnValue).toBe('k-1');
  });
});

describe('dynamic props (api.mdx "Dynamic props")', () => {
  const component: ComponentDefinition = {
    key: 'x-dyn',
    type: 'action',
    version: '0.0.1',
    props: {
      kind: { type: 'string', label: 'Kind', reloadProps: true, options: ['a', 'b'] },
      fixed: { type: 'string', label: 'Fixed', optional: true },
    },
    methods: {
      fieldsFor(kind: string) {
        return kind === 'a' ? ['one', 'two'] : ['three'];
      },
    },
    async additionalProps(previous: Record<string, { hidden?: boolean }>) {
      const self = this as unknown as { kind?: string; fieldsFor: (k: string) => string[] };
      if (previous.fixed) previous.fixed.hidden = true;
      if (!self.kind) return {};
      return Object.fromEntries(
        self.fieldsFor(self.kind).map((f) => [f, { type: 'string', label: f, optional: true }]),
      );
    },
    run() {
      return this;
    },
  };

  it('calls additionalProps with this bound when a reloadProps prop changes; the result replaces the last', async () => {
    const action = await pd.action(component);
    expect(action.props().map((p) => p.name)).toEqual(['kind', 'fixed']);
    await action.configure({ kind: 'a' });
    expect(action.props().map((p) => p.name)).toEqual(['kind', 'fixed', 'one', 'two']);
    await action.configure({ kind: 'b' });
    expect(action.props().map((p) => p.name)).toEqual(['kind', 'fixed', 'three']);
    await action.configure({ fixed: 'no reload' });
    expect(action.additionalPropsCalls).toHaveLength(3);
  });

  it('hands additionalProps copies: flipping hidden does not touch the module', async () => {
    const action = await pd.action(component);
    await action.configure({ kind: 'a' });
    expect(component.props?.fixed?.hidden).toBeUndefined();
  });

  it('gives additional props their configured values at run time', async () => {
    const action = await pd.action(component);
    await action.configure({ kind: 'a', one: 'x' });
    const result = await action.run();
    expect(result.returnValue).toMatchObject({ kind: 'a', one: 'x' });
  });

  it('refuses to run with a required prop unset, as the prop form does', async () => {
    const action = await pd.action(component);
    const result = await action.run();
    expect(result.status).toBe('error');
    expect(String(result.error)).toContain('kind');
  });
});
