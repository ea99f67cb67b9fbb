// Rate limits and credits from the real sandbox, as the Zapier errors a user sees.
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness, zapierErrorOf } from './harness';
import { designIdNamed, PRODUCT_CARD } from './helpers';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('limits', () => {
  it('hands a long rate-limit wait to Zapier as a ThrottledError with the server’s delay', async () => {
    harness = await startHarness({ rateLimit: 1, burst: 1 });
    await harness.run('searches.get_usage.operation.perform');
    const caught = await zapierErrorOf(harness.run('searches.get_usage.operation.perform'));
    expect(caught.name).toBe('ThrottledError');
    expect(caught.message).toContain('RATE_LIMITED');
    expect(caught.delay).toBeGreaterThan(5);
    expect(caught.delay).toBeLessThanOrEqual(60);
  });

  it('reports an account without credits as InsufficientCredits', async () => {
    harness = await startHarness({ credits: 0 });
    const designId = await designIdNamed(harness, PRODUCT_CARD);
    const caught = await zapierErrorOf(
      harness.run('creates.render_design.operation.perform', {
        inputData: { designId },
        meta: { isLoadingSample: true },
      }),
    );
    expect(caught.name).toBe('AppError');
    expect(caught.code).toBe('InsufficientCredits');
  });
});
