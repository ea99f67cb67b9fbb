import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zapier from 'zapier-platform-core';
import { type FakeZapier, startFakeZapier } from './fake-zapier.ts';
import { parseMultipart } from './multipart.ts';

// A minimal app run through Zapier's real Lambda handler: everything it does with z.cache,
// z.cursor and z.stashFile goes over HTTP to the fake.
type ZLike = {
  cache: {
    get(key: string): Promise<unknown>;
    set(key: string, value: unknown, ttl?: number, scope?: null, nx?: boolean): Promise<unknown>;
  };
  cursor: { get(): Promise<string>; set(value: string): Promise<null> };
  stashFile(data: Buffer, length: number, name: string, type: string): Promise<string>;
};
type BundleLike = { inputData: Record<string, string>; meta: { page: number } };

const app = {
  version: '1.0.0',
  platformVersion: zapier.version,
  triggers: {
    paged: {
      key: 'paged',
      noun: 'Item',
      display: { label: 'Paged', description: 'Pages with a cursor.', hidden: true },
      operation: {
        canPaginate: true,
        perform: async (z: ZLike, bundle: BundleLike) => {
          const previous = bundle.meta.page > 0 ? await z.cursor.get() : null;
          await z.cursor.set(`after-page-${bundle.meta.page}`);
          return [{ id: String(bundle.meta.page), previous }];
        },
      },
    },
  },
  creates: {
    remember: {
      key: 'remember',
      noun: 'Value',
      display: { label: 'Remember', description: 'Uses z.cache and z.stashFile.' },
      operation: {
        perform: async (z: ZLike, bundle: BundleLike) => {
          const before = await z.cache.get('seen');
          const first = await z.cache.set('lock', 1, 60, null, true);
          const second = await z.cache.set('lock', 2, 60, null, true);
          await z.cache.set('seen', { text: bundle.inputData['text'] }, 60);
          const bytes = Buffer.from([0, 1, 2, 255]);
          const url = await z.stashFile(bytes, bytes.length, 'bytes.bin', 'application/x-test');
          return { id: 'r', before, first, second, url };
        },
        sample: { id: 'r' },
      },
    },
  },
};

const handler = (
  zapier as unknown as {
    createAppHandler(
      app: object,
    ): (event: Record<string, unknown>) => Promise<{ results: unknown }>;
  }
).createAppHandler(app);

let fake: FakeZapier;
beforeAll(async () => {
  process.env['ZAPIER_DEPLOY_KEY'] ??= 'test-deploy-key';
  fake = await startFakeZapier();
});
afterAll(() => fake.close());

describe('fake Zapier RPC', () => {
  it('serves z.cache (including nx) and z.stashFile through the real runtime', async () => {
    const run = (text: string) =>
      handler({
        command: 'execute',
        method: 'creates.remember.operation.perform',
        bundle: { inputData: { text } },
        storeKey: 'zap-1',
        rpc_base: fake.rpcBase,
      });
    const first = (await run('one')).results as Record<string, unknown> & { url: string };
    expect(first.before).toBeNull();
    expect(first.first).toBe(true);
    expect(first.second).toBe(false);
    const second = (await run('two')).results as Record<string, unknown>;
    expect(second.before).toEqual({ text: 'one' });

    const stashed = fake.stashed.find((file) => file.url === first.url);
    expect(stashed?.filename).toBe('bytes.bin');
    expect(stashed?.contentType).toBe('application/x-test');
    expect([...(stashed?.bytes ?? [])]).toEqual([0, 1, 2, 255]);
    const download = await fetch(first.url);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(fake.rpcCalls.map((call) => call.method)).toContain('get_presigned_upload_post_data');
  });

  it('keeps a cursor per storeKey across pages', async () => {
    const page = async (n: number, storeKey: string) =>
      (
        await handler({
          command: 'execute',
          method: 'triggers.paged.operation.perform',
          bundle: { meta: { page: n } },
          storeKey,
          rpc_base: fake.rpcBase,
        })
      ).results as Array<{ previous: string | null }>;
    await page(0, 'zap-a');
    await page(0, 'zap-b');
    expect((await page(1, 'zap-a'))[0]?.previous).toBe('after-page-0');
    expect((await page(2, 'zap-a'))[0]?.previous).toBe('after-page-1');
  });

  it('records hook deliveries in the shape Zapier hands to perform', async () => {
    const url = fake.hookUrl('h1');
    const waiting = fake.waitForDeliveries('h1', 1, 5_000);
    await fetch(`${url}?a=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-canvelete-signature': 't=1,v1=ab' },
      body: '{"id":"evt_1"}',
    });
    const [delivery] = await waiting;
    expect(delivery?.rawRequest.content).toBe('{"id":"evt_1"}');
    expect(delivery?.rawRequest.querystring).toBe('a=1');
    expect(delivery?.rawRequest.headers['Http-X-Canvelete-Signature']).toBe('t=1,v1=ab');
    expect(delivery?.cleanedRequest).toEqual({ id: 'evt_1' });
  });

  it('answers an unknown RPC method with an error the runtime surfaces', async () => {
    const response = await fetch(fake.rpcBase, {
      method: 'POST',
      body: JSON.stringify({ id: 'x', method: 'nope', params: [] }),
    });
    expect(await response.json()).toEqual({ id: 'x', error: "Unexpected RPC method 'nope'" });
  });
});

describe('parseMultipart', () => {
  it('splits fields and a binary file part', () => {
    const boundary = 'XyZ';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nstash/1\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      Buffer.from([13, 10, 0, 45, 45]),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const parts = parseMultipart(body, `multipart/form-data; boundary=${boundary}`);
    expect(parts.map((part) => part.name)).toEqual(['key', 'file']);
    expect(parts[0]?.data.toString()).toBe('stash/1');
    expect(parts[1]?.filename).toBe('a.png');
    expect(parts[1]?.contentType).toBe('image/png');
    expect([...(parts[1]?.data ?? [])]).toEqual([13, 10, 0, 45, 45]);
  });
});
