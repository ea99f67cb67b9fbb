// Contract between the webhook dispatcher (src/webhooks) and the server (src/server). Agreed up front.

export type Dialect = 'sdk' | 'docs' | 'py';

export interface DispatchInput {
  url: string;
  /** Signing secret for this destination (a subscription's secret, or the key's default secret). */
  secret: string;
  type: 'render.completed' | 'render.failed' | 'batch.completed' | (string & {});
  data: Record<string, unknown>;
  /** Optional: reuse a known event id (default: a fresh `evt_<random>`). */
  eventId?: string;
}

export interface DeliveryAttempt {
  at: string;
  status?: number;
  error?: string;
  durationMs: number;
}

export interface DeliveryRecord {
  eventId: string;
  type: string;
  url: string;
  attempts: DeliveryAttempt[];
  state: 'pending' | 'delivered' | 'failed';
  /** Why a delivery ended without a 2xx when no attempt says so (invalid URL, cancelled by close()). */
  reason?: string;
}

export interface WebhookDispatcherOptions {
  dialect: Dialect;
  /** Delay before each retry in ms (compressed schedule); attempts = schedule.length + 1. */
  retryScheduleMs?: number[];
  /** Per-attempt timeout; a slow receiver never blocks the server. */
  timeoutMs?: number;
  now?: () => number;
  /** Keep at most this many records in the log (oldest finished ones dropped first). Default 1000. */
  maxRecords?: number;
}

export interface WebhookDispatcher {
  /** Queues one event for one URL and returns at once; delivery happens in the background. */
  dispatch(input: DispatchInput): DeliveryRecord;
  deliveries(): DeliveryRecord[];
  /** Resolves when every queued delivery has finished (delivered or given up). */
  idle(): Promise<void>;
  close(): Promise<void>;
}
