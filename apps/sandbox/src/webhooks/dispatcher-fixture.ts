// Test helper: receivers and dispatchers for one test file, closed (newest first) after each test.
import { afterEach } from 'vitest';
import { createWebhookDispatcher } from './dispatcher.js';
import { type Receiver, startReceiver } from './test-receiver.js';
import type { WebhookDispatcher } from './types.js';

export function useDispatcherFixture() {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    async receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
      const started = await startReceiver(...args);
      cleanups.push(() => started.close());
      return started;
    },
    dispatcher(options: Parameters<typeof createWebhookDispatcher>[0]): WebhookDispatcher {
      const created = createWebhookDispatcher(options);
      cleanups.push(() => created.close());
      return created;
    },
  };
}
