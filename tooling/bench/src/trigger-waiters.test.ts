import { describe, expect, it } from 'vitest';
import { TriggerWaiters } from './trigger-waiters.js';

describe('TriggerWaiters', () => {
  it('settles only the waiter of the matching reference, once', async () => {
    const waiters = new TriggerWaiters();
    const first = waiters.wait('ref-1', 5_000);
    const second = waiters.wait('ref-2', 5_000);
    waiters.settle('ref-2', { outputAt: 20, completedAt: 15 });
    waiters.settle('ref-2', { outputAt: 99, completedAt: 1 });
    waiters.settle(undefined, { outputAt: 0, completedAt: 0 });
    waiters.settle('ref-1', { outputAt: 10, completedAt: 4 });
    await expect(second).resolves.toEqual({ outputAt: 20, completedAt: 15 });
    await expect(first).resolves.toEqual({ outputAt: 10, completedAt: 4 });
  });

  it('rejects a waiter nobody settles, naming the reference', async () => {
    const waiters = new TriggerWaiters();
    await expect(waiters.wait('ref-late', 5)).rejects.toThrow('no trigger output for ref-late');
    // A settle after the timeout finds nothing to resolve and does not throw.
    waiters.settle('ref-late', { outputAt: 1, completedAt: 0 });
  });
});
