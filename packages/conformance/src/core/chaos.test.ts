// The "lost response" idempotency proof, in every dialect: with 30 % of API requests failing (5xx,
// 429, dropped connections, and renders whose answer is lost after the work was done and charged),
// the core's retries with one Idempotency-Key per call make every call succeed, and the sandbox
// renders and charges exactly once per call.
import { describe, expect, it } from 'vitest';
import { rasterInfo } from './decode.js';
import { DIALECTS, FAST_POLL, SEED, useSandbox } from './sandbox-fixture.js';

const CALLS_PER_KIND = 4;

describe.each(DIALECTS)('chaos (%s dialect)', (dialect) => {
  // Faults are a pure function of (seed, method + path + Idempotency-Key, attempt), so fixed keys
  // give the same faults on every run.
  const fixture = useSandbox(dialect, { chaos: 0.3, seed: 7, chaosSlowMs: 50 });

  it('renders and charges exactly once per call, although responses get lost', async () => {
    // Six retries: with 30 % faults a call failing seven times in a row is a 1-in-10,000 event.
    const client = fixture.clientWith({ maxRetries: 6 });
    const calls = Array.from({ length: CALLS_PER_KIND }, (_, index) => index);

    const records = await Promise.all(
      calls.map((index) =>
        client.renders.create(
          { designId: SEED.staticBanner, scale: 0.1, reference: `chaos-async-${index}` },
          { ...FAST_POLL, idempotencyKey: `chaos-${dialect}-async-${index}` },
        ),
      ),
    );
    const files = await Promise.all(
      calls.map((index) =>
        client.renders.render(
          {
            designId: SEED.dailyPost,
            format: 'webp',
            scale: 0.1,
            reference: `chaos-sync-${index}`,
          },
          { idempotencyKey: `chaos-${dialect}-sync-${index}` },
        ),
      ),
    );

    expect(records.map((record) => [record.status, record.reference])).toEqual(
      calls.map((index) => ['completed', `chaos-async-${index}`]),
    );
    for (const file of files) {
      expect(await rasterInfo(file.bytes)).toEqual({ width: 108, height: 108, format: 'webp' });
    }
    expect(new Set(files.map((file) => file.renderId)).size).toBe(CALLS_PER_KIND);

    await fixture.sandbox.idle();
    const stats = fixture.stats();
    expect(stats.chaosInjected).toBeGreaterThan(0);
    // At least one answer was lost after the work was done: the retry got the stored answer.
    expect(stats.idempotentReplays).toBeGreaterThan(0);
    expect(stats).toMatchObject({
      rendersPerformed: 2 * CALLS_PER_KIND,
      creditsCharged: 2 * CALLS_PER_KIND,
      rendersFailed: 0,
    });
    const usage = await client.usage.retrieve();
    expect(usage.creditsUsed).toBe(2 * CALLS_PER_KIND);
  });

  it('creates each design and each subscription exactly once through the faults', async () => {
    const client = fixture.clientWith({ maxRetries: 6 });
    const names = [0, 1, 2, 3].map((index) => `Chaos design ${dialect} ${index}`);
    const created = await Promise.all(
      names.map((name, index) =>
        client.designs.create({ name }, { idempotencyKey: `chaos-${dialect}-design-${index}` }),
      ),
    );
    const hooks = await Promise.all(
      [0, 1, 2].map((index) =>
        client.webhooks.subscribe(
          { url: `http://127.0.0.1:9/chaos-${index}`, events: ['design.deleted'] },
          { idempotencyKey: `chaos-${dialect}-hook-${index}` },
        ),
      ),
    );
    const { items } = await client.designs.list({ search: `Chaos design ${dialect}`, limit: 100 });
    expect(items.map((design) => design.id).sort()).toEqual(
      created.map((design) => design.id).sort(),
    );
    const listed = await client.webhooks.list();
    expect(listed.map((hook) => hook.id).sort()).toEqual(hooks.map((hook) => hook.id).sort());
  });
});
