// All sandbox state: designs, renders, batches, subscriptions, rendered files and usage counters.
// Mutations go through methods so persistence stays write-through.
import type { BatchRecord, DesignRecord, RenderRecord, SubscriptionRecord } from './model.js';
import type { Persistence } from './persistence.js';

export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

/** Rendered files are served for 24 h (reference 8.4), then answer 404. */
const FILE_TTL_MS = 24 * 60 * 60 * 1000;

export interface UsageCounters {
  creditsUsed: number;
  apiCalls: number;
  renders: number;
}

const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
};

export function contentTypeFor(fileName: string): string {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1);
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

export class Store {
  readonly designs = new Map<string, DesignRecord>();
  readonly renders = new Map<string, RenderRecord>();
  readonly batches = new Map<string, BatchRecord>();
  readonly subscriptions = new Map<string, SubscriptionRecord>();
  readonly usage: UsageCounters = { creditsUsed: 0, apiCalls: 0, renders: 0 };
  private readonly files = new Map<string, StoredFile & { storedAt: number }>();

  constructor(
    private readonly persistence: Persistence,
    private readonly now: () => number = Date.now,
  ) {
    for (const d of persistence.load<DesignRecord[]>('designs') ?? []) this.designs.set(d.id, d);
    for (const r of persistence.load<RenderRecord[]>('renders') ?? []) {
      // A render that was in flight when the previous process stopped will never finish.
      if (r.status === 'pending' || r.status === 'processing') {
        r.status = 'failed';
        r.error = 'The sandbox restarted before this render finished';
        r.completedAt = new Date().toISOString();
      }
      this.renders.set(r.id, r);
    }
    for (const b of persistence.load<BatchRecord[]>('batches') ?? []) this.batches.set(b.id, b);
    for (const s of persistence.load<SubscriptionRecord[]>('subscriptions') ?? []) {
      this.subscriptions.set(s.id, s);
    }
    Object.assign(this.usage, persistence.load<UsageCounters>('usage') ?? {});
  }

  get persistent(): boolean {
    return this.persistence.enabled;
  }

  putDesign(design: DesignRecord): void {
    this.designs.set(design.id, design);
    this.persistence.save('designs', [...this.designs.values()]);
  }

  putRender(record: RenderRecord): void {
    this.renders.set(record.id, record);
    this.persistence.save('renders', [...this.renders.values()]);
  }

  putBatch(batch: BatchRecord): void {
    this.batches.set(batch.id, batch);
    this.persistence.save('batches', [...this.batches.values()]);
  }

  putSubscription(subscription: SubscriptionRecord): void {
    this.subscriptions.set(subscription.id, subscription);
    this.persistence.save('subscriptions', [...this.subscriptions.values()]);
  }

  deleteSubscription(id: string): boolean {
    const existed = this.subscriptions.delete(id);
    if (existed) this.persistence.save('subscriptions', [...this.subscriptions.values()]);
    return existed;
  }

  saveUsage(): void {
    this.persistence.save('usage', this.usage);
  }

  putFile(name: string, file: StoredFile): void {
    this.sweepFiles();
    this.files.set(name, { ...file, storedAt: this.now() });
    this.persistence.writeFile(name, file.bytes);
  }

  getFile(name: string): StoredFile | undefined {
    const cached = this.files.get(name);
    if (cached) return this.now() - cached.storedAt < FILE_TTL_MS ? cached : undefined;
    const bytes = this.persistence.readFile(name);
    if (!bytes) return undefined;
    // Files from a previous run count from their render's completion time.
    const record = this.renders.get(name.slice(0, name.lastIndexOf('.')));
    const storedAt = record?.completedAt ? Date.parse(record.completedAt) : this.now();
    const file = { bytes, contentType: contentTypeFor(name), storedAt };
    if (this.now() - storedAt >= FILE_TTL_MS) return undefined;
    this.files.set(name, file);
    return file;
  }

  /** Drops expired files from memory (on disk they stay until the data dir is cleaned). */
  private sweepFiles(): void {
    const now = this.now();
    // Insertion order is storage order, so the expired files come first.
    for (const [name, file] of this.files) {
      if (now - file.storedAt < FILE_TTL_MS) break;
      this.files.delete(name);
    }
  }
}
