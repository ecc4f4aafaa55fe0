/**
 * The engine's front door: one account's pool of binds, the submit pipeline
 * and the receive side. Node-RED's config node and n8n's session registry each
 * hold one SmppClient per account and share it among their nodes.
 */
import { EventEmitter } from 'node:events';
import { InboundPdu, readMessageBody } from './codec/pdu';
import { localError, SmppError } from './errors/smpp-error';
import { resolveOptions, ResolvedOptions, SessionOptions } from './options';
import { InboundSms, Reassembler, readInboundPart } from './receive/inbound-sms';
import { ReceiptMatcher } from './receive/receipt-matcher';
import { isReceipt, parseReceipt, Receipt } from './receive/receipt';
import { Connection, LinkState, StateChange } from './session/connection';
import { Counters, Dispatcher } from './submit/dispatcher';
import { MessageDefaults, prepareMessage, SendRequest } from './submit/message';
import type { Encoding } from './text/encoding';

export interface SendResult {
  messageIds: string[];
  parts: number;
  encoding: Encoding;
}

export type PoolStateName = 'connecting' | 'bound' | 'disconnected' | 'closed';

export interface PoolState {
  state: PoolStateName;
  /** Binds up, and binds in the pool. */
  bound: number;
  binds: number;
  reason?: string;
  error?: SmppError;
  retryInMs?: number;
}

export interface ClientEvents {
  state: [state: PoolState];
  /** A delivery receipt, with the data given to send() for its message, if any. */
  receipt: [receipt: Receipt, correlation: unknown];
  inbound: [sms: InboundSms];
  /** Something the user should know that is not tied to one message (e.g. an unreadable deliver_sm). */
  warning: [text: string];
}

export class SmppClient extends EventEmitter<ClientEvents> {
  readonly options: ResolvedOptions;
  private readonly messageDefaults: MessageDefaults;
  private readonly connections: Connection[];
  private readonly dispatcher: Dispatcher;
  private readonly receipts: ReceiptMatcher;
  private readonly reassembler: Reassembler;
  private reference = Math.floor(Math.random() * 0x10000);
  private unboundTimer: NodeJS.Timeout | undefined;
  /** Why sends fail at once: no bind for too long, or a cause that cannot fix itself. */
  private blockedBy: SmppError | undefined;
  private closing: Promise<void> | undefined;
  private last: PoolState;
  readonly counters: Counters = { submitted: 0, acknowledged: 0, failed: 0, retried: 0, throttled: 0, reconnects: 0, receipts: 0, duplicateReceipts: 0, inbound: 0 };

  constructor(options: SessionOptions) {
    super();
    this.options = resolveOptions(options);
    const o = this.options;
    this.messageDefaults = { from: o.defaultFrom, registeredDelivery: o.registeredDelivery, encoding: o.encoding, multipart: o.multipart, maxParts: o.maxParts, serviceType: o.serviceType };
    this.connections = Array.from({ length: o.binds }, (_, i) => new Connection(o, i));
    this.dispatcher = new Dispatcher(this.connections, o, this.counters);
    this.receipts = new ReceiptMatcher({ ttlMs: o.correlationTtlMs, maxEntries: o.correlationMax, holdMs: o.responseTimeoutMs }, (receipt, correlation) => {
      this.counters.receipts++;
      this.emit('receipt', receipt, correlation);
    }, () => this.counters.duplicateReceipts++);
    this.reassembler = new Reassembler({ timeoutMs: o.reassemblyTimeoutMs, maxGroups: 1000 }, (sms) => {
      this.counters.inbound++;
      this.emit('inbound', sms);
    });
    this.last = { state: 'connecting', bound: 0, binds: o.binds };
    for (const connection of this.connections) {
      connection.on('state', (change) => this.onLinkState(change));
      connection.on('deliver', (pdu) => this.onDeliver(pdu));
    }
  }

  /** Opens the binds. Idempotent. */
  start(): this {
    for (const connection of this.connections) connection.start();
    return this;
  }

  get state(): PoolState {
    return this.last;
  }

  /** Parts queued and in flight, for status displays. */
  get load(): { queued: number; inFlight: number } {
    return { queued: this.dispatcher.queued, inFlight: this.dispatcher.inFlight };
  }

  /**
   * Sends one SMS (in as many parts as it needs). Rejects with an SmppError:
   * INVALID_INPUT before anything is sent, or the SMSC's decoded status, or a
   * local reason (QUEUE_FULL, NOT_CONNECTED, SESSION_CLOSED …).
   * `correlation` comes back with each delivery receipt of this message.
   */
  async send(request: SendRequest, correlation?: unknown): Promise<SendResult> {
    if (this.closing) throw localError('SESSION_CLOSED', 'the SMPP session is closed; the message was not sent');
    const prepared = prepareMessage(request, this.messageDefaults, this.nextReference());
    if (this.blockedBy) throw this.blockedBy;
    const wantsReceipt = prepared.pdus[0].registered_delivery === 1;
    const remember = wantsReceipt ? (id: string) => this.receipts.expect(id, correlation ?? null) : undefined;
    const messageIds = await this.dispatcher.enqueue(prepared.pdus, remember);
    return { messageIds, parts: prepared.pdus.length, encoding: prepared.encoding };
  }

  /** Unbinds every bind (bounded waits) and fails what was still queued. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.unboundTimer);
    await this.waitInFlight(this.options.unbindTimeoutMs);
    await Promise.all(this.connections.map((c) => c.close()));
    this.dispatcher.stop();
    this.dispatcher.failQueued(localError('SESSION_CLOSED', 'the SMPP session was closed before this message was sent (or before the SMSC answered)'));
    this.reassembler.flush();
    this.receipts.flush();
    this.publish({ state: 'closed', bound: 0, binds: this.connections.length });
  }

  private waitInFlight(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    return new Promise((resolve) => {
      const check = () => (this.dispatcher.inFlight === 0 || Date.now() >= deadline ? resolve() : setTimeout(check, 20));
      check();
    });
  }

  private nextReference(): number {
    this.reference = (this.reference + 1) & 0xffff;
    return this.reference;
  }

  private onLinkState(change: StateChange): void {
    if (this.closing && change.state !== 'closed') return;
    if (change.state === 'disconnected') this.counters.reconnects++;
    if (change.state === 'bound') this.dispatcher.pump();
    const bound = this.connections.filter((c) => c.isBound).length;
    this.watchUnbound(bound, change);
    if (change.state === 'closed') return;
    const state: PoolStateName = bound > 0 ? 'bound' : change.state === 'disconnected' ? 'disconnected' : 'connecting';
    this.publish({ state, bound, binds: this.connections.length, reason: change.reason, error: change.error, retryInMs: change.retryInMs });
  }

  /**
   * Queued messages must not wait forever for a bind: when none has been up
   * for queueTimeoutMs they fail, and at once when the cause cannot fix itself
   * (credentials, certificate). New messages then fail straight away too.
   */
  private watchUnbound(bound: number, change: StateChange): void {
    if (bound > 0) {
      clearTimeout(this.unboundTimer);
      this.unboundTimer = undefined;
      this.blockedBy = undefined;
      return;
    }
    if (change.state !== 'disconnected' || !change.error) return;
    const error = notSent(change.error);
    if (change.permanent) {
      this.blockedBy = error;
      return this.dispatcher.failQueued(error);
    }
    this.unboundTimer ??= setTimeout(() => {
      this.unboundTimer = undefined;
      if (this.connections.some((c) => c.isBound)) return;
      this.blockedBy = error;
      this.dispatcher.failQueued(error);
    }, this.options.queueTimeoutMs);
  }

  private publish(state: PoolState): void {
    const l = this.last;
    if (l.state === state.state && l.bound === state.bound && l.reason === state.reason && l.retryInMs === state.retryInMs) return;
    this.last = state;
    this.emit('state', state);
  }

  private onDeliver(pdu: InboundPdu): void {
    let body;
    try {
      if (pdu.decodeError) throw pdu.decodeError;
      body = readMessageBody(pdu.frame);
    } catch (error) {
      this.emit('warning', `a deliver_sm from the SMSC could not be read and was acknowledged anyway: ${(error as Error).message}`);
      return;
    }
    const sourceAddr = String(pdu.fields.source_addr ?? '');
    const destinationAddr = String(pdu.fields.destination_addr ?? '');
    if (isReceipt(body.esmClass)) {
      this.receipts.receive(parseReceipt({ sourceAddr, destinationAddr, body }, this.options.provider), this.dispatcher.inFlight > 0);
    } else {
      this.reassembler.add(readInboundPart(sourceAddr, destinationAddr, body));
    }
  }
}

function notSent(cause: SmppError): SmppError {
  return localError('NOT_CONNECTED', `not sent: not bound to the SMSC (${cause.message})`, cause.retryable);
}

export type { LinkState };
