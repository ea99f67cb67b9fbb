// The REST hook trigger end to end: subscribe through the subscription API, real signed deliveries
// from the sandbox to a loopback hook URL, perform (verify, dedupe via z.cache over the fake RPC,
// filter), performList, unsubscribe.
import { randomUUID } from 'node:crypto';
import { Canvelete, signWebhook } from '@canvelete/core';
import type { ZapierDelivery } from '@canvelete/testing/zapier';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, zapierErrorOf } from './harness';
import { designIdNamed, PRODUCT_CARD, pngSize, stashedAt } from './helpers';

const HOOK = 'triggers.new_render_complete.operation';

let harness: Harness;
let client: Canvelete;
let productCard: string;
beforeAll(async () => {
  harness = await startHarness();
  client = new Canvelete({ apiKey: harness.sandbox.apiKey, baseUrl: harness.sandbox.url });
  productCard = await designIdNamed(harness, PRODUCT_CARD);
});
afterAll(() => harness.close());

type Subscription = { id: string; secret: string };
type Item = Record<string, unknown> & { id: string };
/** Setup renders poll the sandbox quickly; the app's own waits keep their defaults. */
const FAST = { pollIntervalMs: 100 };

async function subscribe(inputData: Record<string, unknown>) {
  const hookName = randomUUID();
  const subscribeData = await harness.run<Subscription>(`${HOOK}.performSubscribe`, {
    targetUrl: harness.fake.hookUrl(hookName),
    inputData,
  });
  return { hookName, subscribeData, inputData };
}

function deliver(
  hook: Awaited<ReturnType<typeof subscribe>>,
  delivery: ZapierDelivery,
): Promise<Item[]> {
  return harness.run<Item[]>(`${HOOK}.perform`, {
    inputData: hook.inputData,
    subscribeData: hook.subscribeData,
    rawRequest: delivery.rawRequest,
    cleanedRequest: delivery.cleanedRequest,
  });
}

describe('new_render_complete (REST hook)', () => {
  it('runs the whole lifecycle: subscribe, deliver, verify, drop duplicates, unsubscribe', async () => {
    const reference = `hook-${randomUUID()}`;
    const hook = await subscribe({ events: ['completed'], reference });
    expect(hook.subscribeData.id).toBeTruthy();
    expect(hook.subscribeData.secret).toMatch(/^whsec_/);

    const render = await client.renders.create({ designId: productCard, reference }, FAST);
    const [delivery] = await harness.fake.waitForDeliveries(hook.hookName);
    const items = await deliver(hook, delivery!);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: render.id,
      status: 'completed',
      reference,
      designId: productCard,
      eventType: 'render.completed',
    });
    expect(String(items[0]?.['eventId'])).toMatch(/^evt_/);

    // The same event again (a redelivery) is dropped: z.cache remembers it across invocations.
    expect(await deliver(hook, delivery!)).toEqual([]);
    expect(harness.fake.rpcCalls.some((call) => call.method === 'zcache_set')).toBe(true);

    await harness.run(`${HOOK}.performUnsubscribe`, { subscribeData: hook.subscribeData });
    expect((await client.webhooks.list()).map((s) => s.id)).not.toContain(hook.subscribeData.id);
  });

  it('hands the file over through a hydrator that stashes it when a later step needs it', async () => {
    const reference = `file-${randomUUID()}`;
    const hook = await subscribe({ reference });
    await client.renders.create({ designId: productCard, reference }, FAST);
    const [delivery] = await harness.fake.waitForDeliveries(hook.hookName);
    const [item] = await deliver(hook, delivery!);
    const dehydrated = String(item?.['file']);
    expect(dehydrated).toMatch(/^hydrate\|\|\|.*\|\|\|hydrate$/);
    const payload = JSON.parse(dehydrated.split('|||')[1]!) as {
      method: string;
      bundle: Record<string, unknown>;
    };
    expect(payload.method).toBe('hydrators.renderFile');
    const url = await harness.run<string>(payload.method, { inputData: payload.bundle });
    expect(pngSize(stashedAt(harness, url).bytes)).toEqual({ width: 800, height: 1000 });
  });

  it('halts forged and stale deliveries and never emits them', async () => {
    const reference = `forged-${randomUUID()}`;
    const hook = await subscribe({ reference });
    await client.renders.create({ designId: productCard, reference }, FAST);
    const [delivery] = await harness.fake.waitForDeliveries(hook.hookName);

    const tampered = delivery!.rawRequest.content.replace(reference, `${reference}-x`);
    const forged = await zapierErrorOf(
      deliver(hook, { ...delivery!, rawRequest: { ...delivery!.rawRequest, content: tampered } }),
    );
    expect(forged.name).toBe('HaltedError');
    expect(forged.message).toContain('WEBHOOK_VERIFICATION_FAILED');

    const oldHeaders = signWebhook({
      payload: delivery!.rawRequest.content,
      secret: hook.subscribeData.secret,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const stale = await zapierErrorOf(
      deliver(hook, {
        ...delivery!,
        rawRequest: {
          ...delivery!.rawRequest,
          headers: Object.fromEntries(
            Object.entries(oldHeaders).map(([name, value]) => [`Http-${name}`, value]),
          ),
        },
      }),
    );
    expect(stale.name).toBe('HaltedError');
    expect(stale.message).not.toContain(hook.subscribeData.secret);

    const unsigned = await zapierErrorOf(
      deliver(hook, { ...delivery!, rawRequest: { ...delivery!.rawRequest, headers: {} } }),
    );
    expect(unsigned.name).toBe('HaltedError');
  });

  it('filters by outcome and reference', async () => {
    const reference = `sandbox:fail-${randomUUID()}`;
    // Subscribed to both outcomes; the Zap's own filter still decides (the user may have changed it).
    const hook = await subscribe({ events: ['completed', 'failed'] });
    await client.renders.create({ designId: productCard, reference }, FAST).catch(() => undefined);
    const deliveries = await harness.fake.waitForDeliveries(hook.hookName);
    const delivery = deliveries.find((d) => d.rawRequest.content.includes(reference))!;
    const as = (inputData: Record<string, unknown>) =>
      harness.run<Item[]>(`${HOOK}.perform`, {
        inputData,
        subscribeData: { id: randomUUID(), secret: hook.subscribeData.secret },
        rawRequest: delivery.rawRequest,
        cleanedRequest: delivery.cleanedRequest,
      });
    expect(await as({ events: ['completed'] })).toEqual([]);
    expect(await as({ events: ['failed'], reference: 'another-reference' })).toEqual([]);
    expect(await as({ events: ['failed'], designId: 'another-design' })).toEqual([]);
    const [failed] = await as({ events: ['failed'], reference });
    expect(failed).toMatchObject({ status: 'failed', eventType: 'render.failed', file: null });
    expect(String(failed?.['error'])).toContain('simulated failure');
  });

  it('lists real recent renders for the Zap editor’s sample', async () => {
    const reference = `list-${randomUUID()}`;
    await client.renders.create({ designId: productCard, reference }, FAST);
    const items = await harness.run<Item[]>(`${HOOK}.performList`, { inputData: { reference } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ reference, status: 'completed' });
  });
});

describe('new_render_complete against a Canvelete without the subscription API', () => {
  it('refuses to subscribe with a message that points to the polling trigger', async () => {
    const legacy = await startHarness({ webhookApi: false });
    try {
      const caught = await zapierErrorOf(
        legacy.run(`${HOOK}.performSubscribe`, { targetUrl: legacy.fake.hookUrl('x') }),
      );
      expect(caught.code).toBe('NotSupported');
      expect(caught.message).toContain('New Render (Polling)');
    } finally {
      await legacy.close();
    }
  });

  it('verifies deliveries to a pasted URL with the connection’s signing secret', async () => {
    const legacy = await startHarness({ webhookApi: false, dialect: 'docs' });
    try {
      const body = JSON.stringify({
        eventId: 'evt_pasted_1',
        eventType: 'render.completed',
        timestamp: new Date().toISOString(),
        data: {
          renderId: 'rnd_1',
          designId: 'd1',
          status: 'completed',
          downloadUrl: 'https://x/y.png',
        },
      });
      const headers = signWebhook({ payload: body, secret: legacy.sandbox.webhookSecret });
      const items = await legacy.run<Item[]>(`${HOOK}.perform`, {
        rawRequest: {
          content: body,
          headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [`Http-${k}`, v])),
        },
      });
      expect(items).toMatchObject([
        { id: 'rnd_1', url: 'https://x/y.png', eventId: 'evt_pasted_1' },
      ]);
    } finally {
      await legacy.close();
    }
  });
});

describe.each(['docs', 'py'] as const)('new_render_complete with the %s dialect', (dialect) => {
  it('verifies and reads a real delivery in that envelope and signature form', async () => {
    const other = await startHarness({ dialect });
    try {
      const otherClient = new Canvelete({
        apiKey: other.sandbox.apiKey,
        baseUrl: other.sandbox.url,
      });
      const design = await designIdNamed(other, PRODUCT_CARD);
      const hookName = randomUUID();
      const inputData = { reference: `dialect-${dialect}` };
      const subscribeData = await other.run<Subscription>(`${HOOK}.performSubscribe`, {
        targetUrl: other.fake.hookUrl(hookName),
        inputData,
      });
      const render = await otherClient.renders.create({ designId: design, ...inputData }, FAST);
      const [delivery] = await other.fake.waitForDeliveries(hookName);
      const items = await other.run<Item[]>(`${HOOK}.perform`, {
        inputData,
        subscribeData,
        rawRequest: delivery!.rawRequest,
        cleanedRequest: delivery!.cleanedRequest,
      });
      expect(items).toMatchObject([{ id: render.id, status: 'completed', ...inputData }]);
      expect(String(items[0]?.['url'])).toContain('/renders/');
    } finally {
      await other.close();
    }
  });
});
