/**
 * Messages-per-second limit for one bind. The bucket holds at most 1.5 tokens:
 * sends stay evenly spaced (an SMSC counting any one-second window sees no
 * burst), and a timer that fires a little late still keeps the half token it owes.
 */
const CAPACITY = 1.5;

export class TokenBucket {
  private tokens = 1;
  private last: number;

  constructor(private readonly perSecond: number, now = Date.now()) {
    this.last = now;
  }

  /** Takes a token if one is there. A rate of 0 means no limit. */
  take(now = Date.now()): boolean {
    if (this.perSecond <= 0) return true;
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Milliseconds until the next token. */
  waitMs(now = Date.now()): number {
    if (this.perSecond <= 0) return 0;
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) * 1000) / this.perSecond);
  }

  private refill(now: number): void {
    this.tokens = Math.min(CAPACITY, this.tokens + ((now - this.last) * this.perSecond) / 1000);
    this.last = now;
  }
}
