// Benchmark 6 machinery: trigger latency, render completed in the sandbox → trigger output through a
// runtime. Each adapter contributes a driver (Zapier handler, n8n engine, Pipedream harness); the
// baseline driver is a bare loopback receiver that verifies the same webhook with the core.
import { percentile } from './stats.js';

/** What a driver is given: the sandbox to subscribe on. */
export interface TriggerBenchContext {
  sandboxUrl: string;
  apiKey: string;
  designId: string;
}

/** When the trigger produced its output, and when the render completed (from the event itself). */
export interface TriggerObservation {
  outputAt: number;
  completedAt: number;
}

export interface TriggerDriver {
  platform: 'baseline' | 'zapier' | 'n8n' | 'pipedream';
  /** Subscribes the trigger (through its own runtime) to render.completed events. */
  start(context: TriggerBenchContext): Promise<void>;
  /** Resolves when the runtime's trigger output for the render with this reference appears. */
  observe(reference: string, timeoutMs: number): Promise<TriggerObservation>;
  stop(): Promise<void>;
}

export interface LatencySummary {
  events: number;
  p50Ms: number;
  p95Ms: number;
  timeouts: number;
}

/**
 * Starts `events` renders one at a time (each bounded by `timeoutMs`) and takes, for each, the time
 * from the render's completion to the trigger output the driver observed.
 */
export async function measureTriggerLatency(
  driver: TriggerDriver,
  startRender: (reference: string) => Promise<void>,
  events: number,
  timeoutMs: number,
): Promise<LatencySummary> {
  const latencies: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < events; i++) {
    const reference = `bench-trigger-${i}`;
    const observation = driver.observe(reference, timeoutMs);
    // Never leave a rejection unobserved while the render starts.
    observation.catch(() => {});
    await startRender(reference);
    try {
      const { outputAt, completedAt } = await observation;
      latencies.push(outputAt - completedAt);
    } catch {
      timeouts++;
    }
  }
  return {
    events,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    timeouts,
  };
}
