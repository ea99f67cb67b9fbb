import { type RecordedRequest, startScriptedServer } from '@canvelete/test-http';

/**
 * Stands in for n8n's public URL (the harness `baseUrl`): the sandbox delivers resume callbacks
 * (`/webhook-waiting/…`) and trigger deliveries (`/webhook/…`) here. It answers 200 like n8n's
 * webhook server does on receipt, and lets the driver wait for a request on a given path.
 */
export interface LoopbackRecorder {
  url: string;
  requests: RecordedRequest[];
  /** Resolves with the first request at or after `from` that matches, waiting up to `timeoutMs`. */
  waitFor(
    matches: (request: RecordedRequest) => boolean,
    options: { from?: number; timeoutMs: number },
  ): Promise<{ request: RecordedRequest; index: number }>;
  close(): Promise<void>;
}

export async function startLoopbackRecorder(): Promise<LoopbackRecorder> {
  const listeners = new Set<() => void>();
  const server = await startScriptedServer(() => {
    // Runs after the request was recorded: wake whoever waits for it.
    queueMicrotask(() => {
      for (const listener of listeners) listener();
    });
    return { status: 200, body: { received: true } };
  });

  const find = (matches: (request: RecordedRequest) => boolean, from: number) => {
    for (let index = from; index < server.requests.length; index++) {
      const request = server.requests[index] as RecordedRequest;
      if (matches(request)) return { request, index };
    }
    return undefined;
  };

  return {
    url: server.url,
    requests: server.requests,
    waitFor: (matches, { from = 0, timeoutMs }) =>
      new Promise((resolve, reject) => {
        const found = find(matches, from);
        if (found) {
          resolve(found);
          return;
        }
        const listener = () => {
          const hit = find(matches, from);
          if (!hit) return;
          cleanup();
          resolve(hit);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`nothing reached the n8n URL within ${timeoutMs} ms`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(listener);
        };
        listeners.add(listener);
      }),
    close: async () => {
      listeners.clear();
      await server.close();
    },
  };
}
