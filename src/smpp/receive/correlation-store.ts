/**
 * message id → the caller's data (e.g. msg.correlationId), so a receipt can be
 * matched to what was sent. Bounded twice: entries expire after a TTL, and the
 * oldest go first when the store is full.
 */
export class CorrelationStore<T> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(private readonly ttlMs: number, private readonly maxEntries: number) {}

  set(messageId: string, value: T, now = Date.now()): void {
    this.entries.delete(messageId);
    this.entries.set(messageId, { value, expires: now + this.ttlMs });
    this.evict(now);
  }

  get(messageId: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(messageId);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(messageId);
      return undefined;
    }
    return entry.value;
  }

  delete(messageId: string): void {
    this.entries.delete(messageId);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Map order is insertion order, so the oldest entries are first. */
  private evict(now: number): void {
    for (const [id, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.expires > now) break;
      this.entries.delete(id);
    }
  }
}
