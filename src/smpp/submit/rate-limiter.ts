/**
 * Messages-per-second limit for one bind. Two rules together:
 * - even spacing, 1/rate apart, so an SMSC counting in short buckets sees no
 *   burst; a send that went late keeps the schedule when it can, and the next
 *   one follows at least half a step after it (never two at once);
 * - never more than `rate` sends in any window of a little over one second,
 *   so an SMSC counting "any one-second window" never answers 0x58.
 */
const WINDOW_MS = 1020;

export class RateLimiter {
  private readonly interval: number;
  private next = 0;
  /** Send times of the last `rate` sends, a ring. */
  private readonly recent: Float64Array;
  private slot = 0;

  constructor(private readonly perSecond: number) {
    this.interval = perSecond > 0 ? 1000 / perSecond : 0;
    this.recent = new Float64Array(perSecond > 0 ? Math.ceil(perSecond) : 0).fill(-Infinity);
  }

  /** Takes a send slot if one is free now. A rate of 0 means no limit. */
  take(now = Date.now()): boolean {
    if (this.perSecond <= 0) return true;
    if (this.waitMs(now) > 0) return false;
    this.recent[this.slot] = now;
    this.slot = (this.slot + 1) % this.recent.length;
    this.next = Math.max(this.next + this.interval, now + this.interval / 2);
    return true;
  }

  /** Milliseconds until the next send may go. */
  waitMs(now = Date.now()): number {
    if (this.perSecond <= 0) return 0;
    const spacing = this.next - now;
    const window = this.recent[this.slot] + WINDOW_MS - now;
    return Math.max(0, Math.ceil(Math.max(spacing, window)));
  }
}
