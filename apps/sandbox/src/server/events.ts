// Turns sandbox happenings into webhook deliveries: to a per-request callback URL (signed with the
// sandbox's webhook secret) and to every subscription whose events and designId match.
import type { WebhookDispatcher } from '../webhooks/types.js';
import type { WireFormat } from './dialects.js';
import type { RenderRecord } from './model.js';
import type { Store } from './store.js';

export class EventNotifier {
  constructor(
    private readonly deps: {
      dispatcher: WebhookDispatcher;
      store: Store;
      wire: WireFormat;
      webhookSecret: string;
      baseUrl(): string;
    },
  ) {}

  notify(
    type: string,
    data: Record<string, unknown>,
    designId?: string,
    callbackUrl?: string,
  ): void {
    const { dispatcher, store, webhookSecret } = this.deps;
    const send = (url: string, secret: string) => {
      try {
        dispatcher.dispatch({ url, secret, type, data });
      } catch {
        // A bad destination must never break the request that caused the event.
      }
    };
    if (callbackUrl) send(callbackUrl, webhookSecret);
    for (const sub of store.subscriptions.values()) {
      const wantsType = sub.events.includes(type) || sub.events.includes('*');
      const wantsDesign = !sub.designId || !designId || sub.designId === designId;
      if (wantsType && wantsDesign) send(sub.url, sub.secret);
    }
  }

  /**
   * A render event's `data` (reference 8.6). The file URL is handed over as `outputUrl`; the
   * dispatcher renames it to the dialect's alias (docs `downloadUrl`, py `url`).
   */
  renderData(record: RenderRecord): Record<string, unknown> {
    const url = record.fileName ? `${this.deps.baseUrl()}/renders/${record.fileName}` : undefined;
    const dialect = this.deps.wire.name;
    return {
      renderId: record.id,
      ...(dialect === 'sdk' ? { jobId: record.id } : dialect === 'py' ? { id: record.id } : {}),
      designId: record.designId,
      ...(record.templateId ? { templateId: record.templateId } : {}),
      status: record.status,
      ...(url ? { outputUrl: url } : {}),
      ...(record.error ? { error: record.error } : {}),
      ...(record.reference !== null ? { reference: record.reference } : {}),
      ...(record.batchId ? { batchId: record.batchId } : {}),
      metadata: {
        format: record.format,
        width: record.width,
        height: record.height,
        fileSize: record.fileSize,
      },
    };
  }
}
