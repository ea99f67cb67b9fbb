import { describe, expect, it } from 'vitest';
import { measureTriggerLatency, type TriggerDriver } from './trigger-latency.js';

/** A driver whose "output" times are computed, not measured: the maths is checked without a clock. */
function scriptedDriver(delays: Map<string, number | 'never'>, completedAt: Map<string, number>) {
  const driver: TriggerDriver = {
    platform: 'n8n',
    start: async () => {},
    stop: async () => {},
    observe: async (reference) => {
      const delay = delays.get(reference);
      if (delay === 'never' || delay === undefined) throw new Error('timed out');
      const completed = completedAt.get(reference) ?? 0;
      return { outputAt: completed + delay, completedAt: completed };
    },
  };
  return driver;
}

describe('measureTriggerLatency', () => {
  it('reports p50 and p95 of output minus completion, and counts timeouts', async () => {
    const delays = new Map<string, number | 'never'>();
    const completed = new Map<string, number>();
    for (let i = 0; i < 20; i++) {
      delays.set(`bench-trigger-${i}`, i === 19 ? 'never' : (i + 1) * 10);
      completed.set(`bench-trigger-${i}`, 1_000_000 + i * 7);
    }
    const rendered: string[] = [];
    const summary = await measureTriggerLatency(
      scriptedDriver(delays, completed),
      async (reference) => {
        rendered.push(reference);
      },
      20,
      1_000,
    );
    expect(rendered).toHaveLength(20);
    expect(summary).toEqual({ events: 20, p50Ms: 100, p95Ms: 190, timeouts: 1 });
  });
});
