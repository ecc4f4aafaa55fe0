/**
 * The back half of the submit pipeline: a bounded queue of submit_sm PDUs fed
 * to the bound binds, at most `window` in flight and `messagesPerSecond` per
 * bind. Retryable answers (queue full, system error), timeouts and dropped
 * links send a part again until its attempts are spent; then its message fails
 * with a clear error. A throttled answer (0x58) pauses its bind and sends the
 * part again without spending an attempt. Every message ends, one way or the other.
 */
import type { PduFields } from '../codec/pdu';
import { localError, SmppError, statusError } from '../errors/smpp-error';
import type { Connection } from '../session/connection';
import { backoffDelay } from '../session/link-errors';
import { Fifo } from './fifo';
import { RateLimiter } from './rate-limiter';

export interface DispatcherOptions {
  window: number;
  messagesPerSecond: number;
  maxAttempts: number;
  maxQueue: number;
  provider: string;
}

export interface Counters {
  submitted: number;
  acknowledged: number;
  failed: number;
  retried: number;
  throttled: number;
  reconnects: number;
  receipts: number;
  /** Final receipts the SMSC sent again; counted, not emitted twice. */
  duplicateReceipts: number;
  inbound: number;
}

interface MessageJob {
  remaining: number;
  ids: string[];
  settled: boolean;
  onAccepted?: (messageId: string) => void;
  resolve(ids: string[]): void;
  reject(error: SmppError): void;
}

interface PartJob {
  message: MessageJob;
  index: number;
  fields: PduFields;
  attempts: number;
  /** Throttled answers so far (they do not spend attempts). */
  throttled: number;
}

interface Lane {
  connection: Connection;
  limiter: RateLimiter;
  pausedUntil: number;
  /** The next throttling pause: doubles while the SMSC keeps throttling this bind, resets on an accepted submit. */
  throttlePauseMs: number;
}

const THROTTLE_PAUSE_MIN_MS = 50;
const THROTTLE_PAUSE_MAX_MS = 1000;
/** A part the SMSC throttles this often fails (with ESME_RTHROTTLED) instead of waiting on. */
const MAX_THROTTLED = 100;
const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5000;

export class Dispatcher {
  private readonly queue = new Fifo<PartJob>();
  private readonly retries = new Fifo<PartJob>();
  private readonly delayed = new Map<NodeJS.Timeout, PartJob>();
  private readonly lanes: Lane[];
  private next = 0;
  private wakeTimer: NodeJS.Timeout | undefined;
  private inFlightParts = 0;
  private pumpScheduled = false;

  constructor(connections: Connection[], private readonly o: DispatcherOptions, readonly counters: Counters) {
    this.lanes = connections.map((connection) => ({ connection, limiter: new RateLimiter(o.messagesPerSecond), pausedUntil: 0, throttlePauseMs: THROTTLE_PAUSE_MIN_MS }));
  }

  /** Parts waiting to go out (queued, or waiting to be retried). */
  get queued(): number {
    return this.queue.length + this.retries.length + this.delayed.size;
  }

  get inFlight(): number {
    return this.inFlightParts;
  }

  /** Queues the PDUs of one message; resolves with their message ids in order. */
  enqueue(pdus: PduFields[], onAccepted?: (messageId: string) => void): Promise<string[]> {
    if (this.queued + pdus.length > this.o.maxQueue) {
      return Promise.reject(localError('QUEUE_FULL', `the send queue is full (${this.o.maxQueue} parts waiting); slow down or raise maxQueue`, true));
    }
    return new Promise((resolve, reject) => {
      const message: MessageJob = { remaining: pdus.length, ids: new Array<string>(pdus.length), settled: false, onAccepted, resolve, reject };
      pdus.forEach((fields, index) => this.queue.push({ message, index, fields, attempts: 0, throttled: 0 }));
      this.schedulePump();
    });
  }

  /**
   * One pump after the caller's synchronous work: a loop that queues thousands
   * of messages is pumped once, and the rate limiter stamps sends when they
   * really leave (a stamp taken before a long loop would let the SMSC see a burst).
   */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    queueMicrotask(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Sends what the binds can take now; called whenever capacity may have changed. */
  pump(): void {
    while (this.retries.length + this.queue.length > 0) {
      const lane = this.pickLane();
      if (!lane) return this.scheduleWake();
      const job = (this.retries.length ? this.retries : this.queue).shift() as PartJob;
      if (job.message.settled) continue;
      this.send(lane, job);
    }
  }

  /** Fails every part that has not gone out yet. */
  failQueued(error: SmppError): void {
    for (const [timer, job] of this.delayed) {
      clearTimeout(timer);
      this.fail(job, error);
    }
    this.delayed.clear();
    for (const job of [...this.retries.drain(), ...this.queue.drain()]) this.fail(job, error);
  }

  stop(): void {
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
  }

  private pickLane(now = Date.now()): Lane | undefined {
    for (let i = 0; i < this.lanes.length; i++) {
      const lane = this.lanes[(this.next + i) % this.lanes.length];
      if (!lane.connection.isBound || lane.connection.inFlight >= this.o.window || now < lane.pausedUntil) continue;
      if (!lane.limiter.take(now)) continue;
      this.next = (this.next + i + 1) % this.lanes.length;
      return lane;
    }
    return undefined;
  }

  /** When only the rate limit or a throttling pause holds us back, wake when it lifts. Responses and binds wake us otherwise. */
  private scheduleWake(now = Date.now()): void {
    if (this.wakeTimer) return;
    let wait = Infinity;
    for (const lane of this.lanes) {
      if (!lane.connection.isBound || lane.connection.inFlight >= this.o.window) continue;
      wait = Math.min(wait, Math.max(lane.pausedUntil - now, lane.limiter.waitMs(now), 1));
    }
    if (wait === Infinity) return;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.pump();
    }, wait);
  }

  private send(lane: Lane, job: PartJob): void {
    job.attempts++;
    this.counters.submitted++;
    this.inFlightParts++;
    lane.connection.request('submit_sm', job.fields).then(
      (response) => {
        this.inFlightParts--;
        if (response.status === 0) {
          lane.throttlePauseMs = THROTTLE_PAUSE_MIN_MS;
          this.accept(job, String(response.fields.message_id ?? ''));
        } else {
          this.refuse(lane, job, statusError(response.status, this.o.provider, 'submit_sm refused'));
        }
        this.pump();
      },
      (error: SmppError) => {
        this.inFlightParts--;
        this.retryOrFail(job, error, 0);
        this.pump();
      },
    );
  }

  private accept(job: PartJob, messageId: string): void {
    this.counters.acknowledged++;
    const message = job.message;
    if (message.settled) return;
    message.ids[job.index] = messageId;
    message.onAccepted?.(messageId);
    if (--message.remaining === 0) {
      message.settled = true;
      message.resolve(message.ids);
    }
  }

  private refuse(lane: Lane, job: PartJob, error: SmppError): void {
    if (error.status === 0x58) return this.throttle(lane, job, error);
    if (!error.retryable) return this.fail(job, error);
    this.retryOrFail(job, error, backoffDelay(job.attempts - 1, RETRY_MIN_MS, RETRY_MAX_MS));
  }

  /** The SMSC asks us to slow down: pause the bind (longer while it keeps asking) and send the part again after. */
  private throttle(lane: Lane, job: PartJob, error: SmppError): void {
    this.counters.throttled++;
    lane.pausedUntil = Math.max(lane.pausedUntil, Date.now() + lane.throttlePauseMs);
    lane.throttlePauseMs = Math.min(lane.throttlePauseMs * 2, THROTTLE_PAUSE_MAX_MS);
    if (job.message.settled) return;
    if (++job.throttled >= MAX_THROTTLED) return this.fail(job, new SmppError(error.details, `${error.message} (throttled ${job.throttled} times)`));
    job.attempts--; // this try does not count against maxAttempts
    this.counters.retried++;
    this.retries.push(job);
  }

  private retryOrFail(job: PartJob, error: SmppError, delayMs: number): void {
    if (job.message.settled) return;
    if (job.attempts >= this.o.maxAttempts) {
      const spent = new SmppError(error.details, `${error.message} (gave up after ${job.attempts} attempts)`);
      return this.fail(job, spent);
    }
    this.counters.retried++;
    if (delayMs <= 0) {
      this.retries.push(job);
      return;
    }
    const timer = setTimeout(() => {
      this.delayed.delete(timer);
      this.retries.push(job);
      this.pump();
    }, delayMs);
    this.delayed.set(timer, job);
  }

  private fail(job: PartJob, error: SmppError): void {
    const message = job.message;
    if (message.settled) return;
    message.settled = true;
    this.counters.failed++;
    message.reject(error);
  }
}
