// renderMany against a rate-limited sandbox, and usage accounting, in every dialect.
import { defaultSleep, type Render, type RenderedFile, type RenderInput } from '@canvelete/core';
import { describe, expect, it } from 'vitest';
import { samePixels } from './decode.js';
import { DIALECTS, FAST_POLL, SEED, SPARE_KEY, useSandbox, warmUp } from './sandbox-fixture.js';

const ITEMS = 5;

function items(prefix: string, count: number): RenderInput[] {
  return Array.from({ length: count }, (_, index) => ({
    designId: SEED.dailyPost,
    format: 'png' as const,
    scale: 0.1,
    reference: `${prefix}-${index}`,
    dynamicData: { headline: `Row ${index}` },
  }));
}

describe.each(DIALECTS)('renderMany under a rate limit (%s dialect)', (dialect) => {
  // One token a second, three in the bucket. The sandbox renders in this process, so requests
  // arrive spaced by render time; at this rate five renders started at once must meet a 429.
  const fixture = useSandbox(dialect, { rateLimit: 60, burst: 3 });

  it('returns every result in input order, all ok, each rendered exactly once', async () => {
    await warmUp(fixture);
    const before = fixture.stats();
    const progress: number[] = [];
    const results = await fixture.client.renderMany(items(`many-${dialect}`, ITEMS), {
      concurrency: ITEMS,
      onProgress: ({ completed }) => progress.push(completed),
    });
    expect(results.map((result) => [result.index, result.ok])).toEqual(
      Array.from({ length: ITEMS }, (_, index) => [index, true]),
    );
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    const after = fixture.stats();
    expect(after.rendersPerformed - before.rendersPerformed).toBe(ITEMS);
    expect(after.creditsCharged - before.creditsCharged).toBe(ITEMS);
    expect(after.rateLimited - before.rateLimited).toBeGreaterThanOrEqual(1);

    // Each file belongs to its own input: the record behind it carries that input's reference.
    // (Read with another key: the rate limit is per key, and this one's bucket is empty now.)
    const history = await fixture.clientWith({ apiKey: SPARE_KEY }).renders.list({ limit: 100 });
    const referenceOf = new Map(history.items.map((render) => [render.id, render.reference]));
    const files = results.map((result) => (result.ok ? (result.value as RenderedFile) : undefined));
    expect(files.map((file) => referenceOf.get(file?.renderId ?? ''))).toEqual(
      Array.from({ length: ITEMS }, (_, index) => `many-${dialect}-${index}`),
    );
    expect(await samePixels(files[0]!.bytes, files[1]!.bytes)).toBe(false);
  });
});

describe.each(DIALECTS)('usage and record mode (%s dialect)', (dialect) => {
  const fixture = useSandbox(dialect, { credits: 50 });

  it('counts one credit per render, sync or async', async () => {
    const before = await fixture.client.usage.retrieve();
    expect(before).toMatchObject({ creditLimit: 50 });
    expect(before.creditsUsed + before.creditsRemaining).toBe(50);
    await fixture.client.renders.render({ designId: SEED.staticBanner, scale: 0.1 });
    await fixture.client.renders.create({ designId: SEED.staticBanner, scale: 0.1 }, FAST_POLL);
    const batch = await fixture.client.renders.batch({
      items: [
        { designId: SEED.staticBanner, scale: 0.1 },
        { designId: SEED.dailyPost, scale: 0.1 },
      ],
    });
    await fixture.client.renders.waitForBatch(batch.id, FAST_POLL);
    const after = await fixture.client.usage.retrieve();
    expect(after.creditsUsed - before.creditsUsed).toBe(4);
    expect(before.creditsRemaining - after.creditsRemaining).toBe(4);
    expect((after.renders ?? 0) - (before.renders ?? 0)).toBe(4);
  });

  it('returns render records in record mode, and a bad item fails alone', async () => {
    const input = items(`record-${dialect}`, 3);
    input[1] = { ...input[1], dynamicElements: { no_such_layer: { fill: '#000' } } };
    // renderMany has no poll-interval option (its waits start at 2 s), so this client's clock is
    // shortened: every pause still happens, in order, just capped at 40 ms.
    const fast = fixture.clientWith({
      sleep: (ms, signal) => defaultSleep(Math.min(ms, 40), signal),
    });
    const results = await fast.renderMany(input, { concurrency: 2, mode: 'record' });
    expect(results.map((result) => result.ok)).toEqual([true, false, true]);
    const failed = results[1];
    expect(failed && !failed.ok && failed.error.code).toBe('INVALID_ELEMENT');
    for (const index of [0, 2]) {
      const result = results[index];
      const record = result?.ok ? (result.value as Render) : undefined;
      expect(record).toMatchObject({
        status: 'completed',
        reference: `record-${dialect}-${index}`,
      });
    }
  });

  it('serves /__sandbox/stats as the in-process stats, and the root says which dialect', async () => {
    const response = await fetch(`${fixture.sandbox.url}/__sandbox/stats`);
    expect(response.status).toBe(200);
    // The stats request counts itself before it answers, so nothing differs.
    expect(await response.json()).toEqual(fixture.stats());
    const root = await fetch(`${fixture.sandbox.url}/`);
    expect(await root.json()).toEqual({ name: 'canvelete-sandbox', dialect, webhookApi: true });
  });
});
