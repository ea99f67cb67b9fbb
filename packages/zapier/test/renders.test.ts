// Polling over render history, the render searches and usage.
import { randomUUID } from 'node:crypto';
import { Canvelete } from '@canvelete/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness';
import { designIdNamed, PRODUCT_CARD } from './helpers';

let harness: Harness;
let client: Canvelete;
let productCard: string;
beforeAll(async () => {
  harness = await startHarness();
  client = new Canvelete({ apiKey: harness.sandbox.apiKey, baseUrl: harness.sandbox.url });
  productCard = await designIdNamed(harness, PRODUCT_CARD);
});
afterAll(() => harness.close());

type Item = Record<string, unknown> & { id: string };
/** Setup renders poll the sandbox quickly; the app's own waits keep their defaults. */
const FAST = { pollIntervalMs: 100 };

describe('new_render polling trigger', () => {
  it('returns finished renders from history with unique ids, filtered like the hook', async () => {
    const reference = `poll-${randomUUID()}`;
    const first = await client.renders.create({ designId: productCard, reference }, FAST);
    const second = await client.renders.create({ designId: productCard, reference }, FAST);
    await client.renders
      .create({ designId: productCard, reference: `sandbox:fail-${reference}` })
      .catch(() => undefined);
    const items = await harness.run<Item[]>('triggers.new_render.operation.perform', {
      inputData: { reference },
    });
    expect(items.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());
    expect(items.every((item) => typeof item['file'] === 'string')).toBe(true);

    const failures = await harness.run<Item[]>('triggers.new_render.operation.perform', {
      inputData: { events: ['failed'], reference: `sandbox:fail-${reference}` },
    });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ status: 'failed', file: null });
  });
});

describe('find_render search', () => {
  it('finds a render by id', async () => {
    const render = await client.renders.create(
      { designId: productCard, reference: 'find-me' },
      FAST,
    );
    const found = await harness.run<Item[]>('searches.find_render.operation.perform', {
      inputData: { renderId: render.id },
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ id: render.id, status: 'completed', reference: 'find-me' });
  });

  it('returns nothing (not an error) for an unknown id', async () => {
    const found = await harness.run('searches.find_render.operation.perform', {
      inputData: { renderId: 'rnd_does_not_exist' },
    });
    expect(found).toEqual([]);
  });
});

describe('get_usage search', () => {
  it('reports credits used and left, counting renders', async () => {
    const before = await harness.run<Item[]>('searches.get_usage.operation.perform');
    await client.renders.create({ designId: productCard }, FAST);
    const after = await harness.run<Item[]>('searches.get_usage.operation.perform');
    expect(after).toHaveLength(1);
    expect(Number(after[0]?.['creditsUsed'])).toBe(Number(before[0]?.['creditsUsed']) + 1);
    expect(Number(after[0]?.['creditsRemaining'])).toBe(
      Number(before[0]?.['creditsRemaining']) - 1,
    );
  });
});
