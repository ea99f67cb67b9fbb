// Test-only: time that tests move, so retry and deadline logic runs without waiting.
/** A virtual clock: `sleep` advances `now` instantly and records every wait. */
export function virtualClock(start = Date.UTC(2026, 0, 1)) {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      current += ms;
    },
    advance: (ms: number) => {
      current += ms;
    },
    sleeps,
  };
}
