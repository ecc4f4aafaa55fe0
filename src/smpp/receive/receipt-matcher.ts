/**
 * Matches receipts to what was sent, and emits each receipt once.
 * - A receipt can come before its submit_sm_resp (the SMSC is fast, or the
 *   answer was slow): an unknown id is held a moment while submits are in
 *   flight, and goes out with its correlation as soon as the answer names it.
 * - An SMSC may send the same final receipt twice (a resend after a lost
 *   deliver_sm_resp): the repeat is counted, not emitted again.
 */
import { CorrelationStore } from './correlation-store';
import type { Receipt } from './receipt';

/** Remembered for every message sent with registered delivery: its caller's data, or null. */
type Expected = { correlation: unknown };

export interface ReceiptMatcherOptions {
  ttlMs: number;
  maxEntries: number;
  /** How long a receipt with an unknown id may wait for its submit_sm_resp. */
  holdMs: number;
}

export class ReceiptMatcher {
  private readonly expected: CorrelationStore<Expected>;
  private readonly finished: CorrelationStore<string>;
  private readonly early = new Map<string, { receipts: Receipt[]; timer: NodeJS.Timeout }>();
  constructor(
    private readonly o: ReceiptMatcherOptions,
    private readonly emit: (receipt: Receipt, correlation: unknown) => void,
    private readonly onDuplicate: (receipt: Receipt) => void,
  ) {
    this.expected = new CorrelationStore(o.ttlMs, o.maxEntries);
    // Final receipts already emitted, by id, to recognise repeats for a while.
    this.finished = new CorrelationStore(o.ttlMs, Math.min(o.maxEntries, 10_000));
  }

  /** The SMSC accepted a message that asked for a receipt. */
  expect(messageId: string, correlation: unknown): void {
    this.expected.set(messageId, { correlation });
    const early = this.early.get(messageId);
    if (!early) return;
    clearTimeout(early.timer);
    this.early.delete(messageId);
    for (const receipt of early.receipts) this.deliver(receipt);
  }

  /** A receipt arrived; `waitingForAnswers` says whether submits are still in flight. */
  receive(receipt: Receipt, waitingForAnswers: boolean): void {
    if (!this.expected.get(receipt.messageId) && !this.finished.get(receipt.messageId) && waitingForAnswers) return this.hold(receipt);
    this.deliver(receipt);
  }

  /** Emits what is still held (closing). */
  flush(): void {
    for (const [id, early] of this.early) {
      clearTimeout(early.timer);
      this.early.delete(id);
      for (const receipt of early.receipts) this.deliver(receipt);
    }
  }

  private hold(receipt: Receipt): void {
    const held = this.early.get(receipt.messageId);
    if (held) return void held.receipts.push(receipt);
    const timer = setTimeout(() => {
      this.early.delete(receipt.messageId);
      for (const r of entry.receipts) this.deliver(r);
    }, this.o.holdMs);
    const entry = { receipts: [receipt], timer };
    this.early.set(receipt.messageId, entry);
  }

  private deliver(receipt: Receipt): void {
    const key = receipt.messageId;
    if (receipt.final && this.finished.get(key) === receipt.status) {
      this.onDuplicate(receipt);
      return;
    }
    const correlation = this.expected.get(key)?.correlation;
    if (receipt.final) {
      this.expected.delete(key);
      this.finished.set(key, receipt.status);
    }
    this.emit(receipt, correlation ?? undefined);
  }
}
