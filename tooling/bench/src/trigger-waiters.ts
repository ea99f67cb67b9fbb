// Pending observations keyed by render reference, shared by the adapter drivers of benchmark 6.
import type { TriggerObservation } from './trigger-latency.js';

interface Waiter {
  resolve: (observation: TriggerObservation) => void;
  timer: NodeJS.Timeout;
}

export class TriggerWaiters {
  private readonly waiters = new Map<string, Waiter>();

  wait(reference: string, timeoutMs: number): Promise<TriggerObservation> {
    return new Promise<TriggerObservation>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(reference);
        reject(new Error(`no trigger output for ${reference} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.set(reference, { resolve, timer });
    });
  }

  /** Settles the waiter for this reference, if any; outputs for other renders are ignored. */
  settle(reference: unknown, observation: TriggerObservation): void {
    if (typeof reference !== 'string') return;
    const waiter = this.waiters.get(reference);
    if (!waiter) return;
    this.waiters.delete(reference);
    clearTimeout(waiter.timer);
    waiter.resolve(observation);
  }

  clear(): void {
    for (const waiter of this.waiters.values()) clearTimeout(waiter.timer);
    this.waiters.clear();
  }
}
