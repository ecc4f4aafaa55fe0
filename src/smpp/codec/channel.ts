/**
 * One socket speaking SMPP: frames in, PDUs out, requests matched to their
 * responses. Every request ends: with its response, a timeout, or the close of
 * the socket (the `smpp` package leaves such callbacks hanging forever).
 * Used by the engine's connections and by the simulator alike.
 */
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { FrameReader, FramingError } from './frame-reader';
import { CommandId, decodePdu, encodePdu, InboundPdu, MAX_PDU_LENGTH, PduFields } from './pdu';
import { localError, SmppError, statusError } from '../errors/smpp-error';

interface Pending {
  command: string;
  deadline: number;
  resolve(pdu: InboundPdu): void;
  reject(error: Error): void;
}

export interface ChannelOptions {
  /** Default wait for a response, ms. */
  responseTimeoutMs: number;
  provider?: string;
}

export interface PduChannelEvents {
  request: [pdu: InboundPdu];
  /** A response whose request already timed out, or never existed. */
  unmatchedResponse: [pdu: InboundPdu];
  protocolError: [error: Error];
  close: [reason: string];
}

const SEQUENCE_MAX = 0x7fffffff;
const SWEEP_MS = 100;
/** How long a link that ends for a protocol error may wait for the peer's close. */
const LINGER_MS = 1000;

export class PduChannel extends EventEmitter<PduChannelEvents> {
  private readonly reader = new FrameReader(MAX_PDU_LENGTH);
  private readonly pending = new Map<number, Pending>();
  private sequence = 0;
  private sweeper: NodeJS.Timeout | undefined;
  private closedReason: string | undefined;
  private corked = false;

  constructor(readonly socket: Socket, private readonly options: ChannelOptions) {
    super();
    socket.on('data', (data: Buffer) => this.onData(data));
    socket.on('error', (error: Error) => this.onSocketError(error));
    socket.on('close', () => this.onClose());
  }

  get isOpen(): boolean {
    return this.closedReason === undefined && !this.socket.destroyed;
  }

  get inFlight(): number {
    return this.pending.size;
  }

  /** Sends a request and resolves with its response (any command_status). */
  request(command: string, fields: PduFields = {}, timeoutMs = this.options.responseTimeoutMs): Promise<InboundPdu> {
    if (!this.isOpen) return Promise.reject(localError('CONNECTION_LOST', `connection closed: ${this.closedReason ?? 'socket destroyed'}`, true));
    const sequence = this.nextSequence();
    const frame = encodePdu(command, sequence, fields);
    return new Promise((resolve, reject) => {
      this.pending.set(sequence, { command, deadline: Date.now() + timeoutMs, resolve, reject });
      this.ensureSweeper();
      this.write(frame);
    });
  }

  /** Answers a request with its response PDU. */
  respond(to: InboundPdu, fields: PduFields = {}, status = 0): void {
    this.write(encodePdu(`${to.command}_resp`, to.sequence, fields, status));
  }

  genericNack(sequence: number, status: number): void {
    this.write(encodePdu('generic_nack', sequence, {}, status));
  }

  /**
   * Writes prepared octets (the simulator also uses it to inject faults).
   * Writes made in one tick leave together: one TLS record and one syscall
   * for a whole window instead of one per PDU.
   */
  write(frame: Buffer): void {
    if (!this.isOpen) return;
    if (!this.corked) {
      this.corked = true;
      this.socket.cork();
      process.nextTick(() => {
        this.corked = false;
        this.socket.uncork();
      });
    }
    this.socket.write(frame);
  }

  /** Ends the socket gracefully (after pending writes). */
  end(): void {
    this.socket.end();
  }

  destroy(reason: string): void {
    this.closedReason ??= reason;
    this.socket.destroy();
  }

  private nextSequence(): number {
    this.sequence = this.sequence >= SEQUENCE_MAX ? 1 : this.sequence + 1;
    return this.sequence;
  }

  private onData(data: Buffer): void {
    if (!this.isOpen) return;
    let frames: Buffer[];
    try {
      frames = this.reader.push(data);
    } catch (error) {
      this.onFramingError(error as FramingError);
      return;
    }
    for (const frame of frames) {
      if (!this.isOpen) return;
      this.onPdu(decodePdu(frame));
    }
  }

  /**
   * SMPP 3.4 (generic_nack): a PDU with an invalid command_length gets a
   * generic_nack with ESME_RINVCMDLEN. The stream cannot be framed after it, so
   * the link ends once the nack has left; it is destroyed if the peer lingers.
   */
  private onFramingError(error: FramingError): void {
    this.emit('protocolError', error);
    this.closedReason ??= `protocol error: ${error.message}`;
    this.socket.end(encodePdu('generic_nack', error.sequence, {}, 0x02));
    const linger = setTimeout(() => this.socket.destroy(), LINGER_MS);
    this.socket.once('close', () => clearTimeout(linger));
  }

  private onPdu(pdu: InboundPdu): void {
    // An unknown command_id gets generic_nack with ESME_RINVCMDID, even with the response bit set.
    if (pdu.command === 'unknown') return this.genericNack(pdu.sequence, 0x03);
    if (pdu.isResponse) return this.onResponse(pdu);
    this.emit('request', pdu);
  }

  private onResponse(pdu: InboundPdu): void {
    const waiting = this.pending.get(pdu.sequence);
    if (!waiting) {
      this.emit('unmatchedResponse', pdu);
      return;
    }
    this.pending.delete(pdu.sequence);
    if (pdu.commandId === CommandId.generic_nack) {
      waiting.reject(statusError(pdu.status, this.options.provider, `SMSC answered ${waiting.command} with generic_nack`));
    } else {
      waiting.resolve(pdu);
    }
  }

  private ensureSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [sequence, waiting] of this.pending) {
      if (waiting.deadline > now) continue;
      this.pending.delete(sequence);
      waiting.reject(localError('RESPONSE_TIMEOUT', `no ${waiting.command}_resp from the SMSC within the response timeout`, true));
    }
    if (this.pending.size === 0) this.stopSweeper();
  }

  private stopSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }

  private onSocketError(error: Error): void {
    this.closedReason ??= error.message;
  }

  private onClose(): void {
    this.closedReason ??= 'closed by peer';
    this.stopSweeper();
    const error: SmppError = localError('CONNECTION_LOST', `connection lost: ${this.closedReason}`, true);
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const w of waiting) w.reject(error);
    this.emit('close', this.closedReason);
  }
}
