/**
 * One bind to the SMSC, kept alive: TLS (or explicitly plain TCP) socket,
 * bind, enquire_link, answers to the SMSC's own requests, and reconnection
 * with backoff. A wrong password or an untrusted certificate waits the long
 * backoff: hammering the SMSC cannot fix either.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { PduChannel } from '../codec/channel';
import type { InboundPdu, PduFields } from '../codec/pdu';
import { CREDENTIAL_STATUSES } from '../errors/command-status';
import { localError, SmppError, statusError } from '../errors/smpp-error';
import type { ResolvedOptions } from '../options';
import { backoffDelay, describeLinkError, LinkFailure } from './link-errors';

export type LinkState = 'connecting' | 'binding' | 'bound' | 'disconnected' | 'closed';

export interface StateChange {
  state: LinkState;
  /** Why, in words, for disconnected (and for closed when it was not asked for). */
  reason?: string;
  error?: SmppError;
  /** When the next attempt starts, for disconnected. */
  retryInMs?: number;
  /** The cause cannot fix itself (credentials, certificate): the long backoff applies. */
  permanent?: boolean;
}

export interface ConnectionEvents {
  state: [change: StateChange];
  /** A deliver_sm; it is answered with deliver_sm_resp right after the listeners return. */
  deliver: [pdu: InboundPdu];
}

export class Connection extends EventEmitter<ConnectionEvents> {
  private channel: PduChannel | undefined;
  private failure: LinkFailure | undefined;
  private attempt = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private enquireTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private current: StateChange = { state: 'disconnected' };

  constructor(private readonly o: ResolvedOptions, readonly index = 0) {
    super();
  }

  get state(): StateChange {
    return this.current;
  }

  get isBound(): boolean {
    return this.current.state === 'bound' && this.channel !== undefined && this.channel.isOpen;
  }

  /** Requests in flight on this bind. */
  get inFlight(): number {
    return this.channel?.inFlight ?? 0;
  }

  start(): void {
    if (!this.closing && !this.channel && !this.reconnectTimer) this.connect();
  }

  request(command: string, fields: PduFields): Promise<InboundPdu> {
    if (!this.isBound || !this.channel) return Promise.reject(localError('NOT_CONNECTED', 'not bound to the SMSC', true));
    return this.channel.request(command, fields);
  }

  /** Unbinds (bounded wait for unbind_resp) and closes; no reconnect after. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  private async shutdown(): Promise<void> {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.stopEnquireLink();
    const channel = this.channel;
    if (channel?.isOpen) {
      if (this.current.state === 'bound') await channel.request('unbind', {}, this.o.unbindTimeoutMs).catch(() => undefined);
      await endWithin(channel, this.o.unbindTimeoutMs);
    }
    this.channel = undefined;
    this.setState({ state: 'closed' });
  }

  private connect(): void {
    this.reconnectTimer = undefined;
    this.failure = undefined;
    this.setState({ state: 'connecting' });
    const socket = this.openSocket();
    const channel = new PduChannel(socket, { responseTimeoutMs: this.o.responseTimeoutMs, provider: this.o.provider });
    this.channel = channel;
    const connectTimer = setTimeout(() => {
      this.failure ??= describeLinkError(Object.assign(new Error('connect timeout'), { code: 'CONNECT_TIMEOUT' }), this.o.host, this.o.port);
      channel.destroy('connect timeout');
    }, this.o.connectTimeoutMs);
    socket.once(this.o.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(connectTimer);
      void this.bind(channel);
    });
    socket.on('error', (error: Error) => {
      this.failure ??= describeLinkError(error, this.o.host, this.o.port);
    });
    channel.on('protocolError', (error) => {
      this.failure ??= { error: localError('PROTOCOL_ERROR', `the SMSC sent a PDU that cannot be read (${error.message}); reconnecting`, true), permanent: false };
    });
    channel.on('request', (pdu) => this.onRequest(channel, pdu));
    channel.on('close', (reason) => {
      clearTimeout(connectTimer);
      this.onClosed(channel, reason);
    });
  }

  private openSocket(): net.Socket {
    const { host, port } = this.o;
    const socket = this.o.tls
      ? tls.connect({
          host,
          port,
          servername: this.o.servername ?? (net.isIP(host) ? undefined : host),
          ca: this.o.ca,
          rejectUnauthorized: this.o.verifyCertificate,
          minVersion: 'TLSv1.2',
        })
      : net.connect({ host, port, noDelay: true });
    // Nagle's algorithm would hold small PDUs back for the peer's delayed ACK (tens of ms):
    // it bunches rate-limited sends together and adds latency. Set again once connected,
    // since a TLS socket only has its TCP socket then.
    socket.once(this.o.tls ? 'secureConnect' : 'connect', () => socket.setNoDelay(true));
    socket.setKeepAlive(true, 30_000);
    return socket;
  }

  private async bind(channel: PduChannel): Promise<void> {
    this.setState({ state: 'binding' });
    try {
      const response = await channel.request(`bind_${this.o.bindMode}`, {
        system_id: this.o.systemId,
        password: this.o.password,
        system_type: this.o.systemType,
        interface_version: 0x34,
        addr_ton: this.o.addrTon,
        addr_npi: this.o.addrNpi,
        address_range: this.o.addressRange,
      });
      if (response.status !== 0) {
        this.failure = { error: statusError(response.status, this.o.provider, 'bind failed'), permanent: CREDENTIAL_STATUSES.has(response.status) };
        channel.destroy('bind failed');
        return;
      }
    } catch (error) {
      this.failure ??= { error: error as SmppError, permanent: false };
      channel.destroy('bind failed');
      return;
    }
    if (channel !== this.channel || this.closing) return;
    this.attempt = 0;
    this.setState({ state: 'bound' });
    this.startEnquireLink(channel);
  }

  private onRequest(channel: PduChannel, pdu: InboundPdu): void {
    switch (pdu.command) {
      case 'enquire_link':
        return channel.respond(pdu);
      case 'deliver_sm':
        try {
          this.emit('deliver', pdu);
        } finally {
          // Always answered, even when its content could not be read: the SMSC would resend it forever otherwise.
          channel.respond(pdu, { message_id: '' });
        }
        return;
      case 'unbind':
        this.failure ??= { error: localError('CONNECTION_LOST', 'the SMSC ended the session (unbind)', true), permanent: false };
        channel.respond(pdu);
        channel.end();
        return;
      case 'alert_notification':
        return; // has no response
      default:
        channel.genericNack(pdu.sequence, 0x03);
    }
  }

  private startEnquireLink(channel: PduChannel): void {
    let waiting = false;
    this.enquireTimer = setInterval(() => {
      if (waiting || !channel.isOpen) return;
      waiting = true;
      channel.request('enquire_link').then(
        () => (waiting = false),
        (error: SmppError) => {
          if (error.details?.name !== 'RESPONSE_TIMEOUT') return;
          const seconds = this.o.responseTimeoutMs / 1000;
          this.failure ??= { error: localError('CONNECTION_LOST', `no answer to enquire_link within ${seconds} s: the link is dead`, true), permanent: false };
          channel.destroy('dead link');
        },
      );
    }, this.o.enquireLinkSec * 1000);
  }

  private stopEnquireLink(): void {
    clearInterval(this.enquireTimer);
    this.enquireTimer = undefined;
  }

  private onClosed(channel: PduChannel, reason: string): void {
    if (channel !== this.channel) return;
    this.stopEnquireLink();
    this.channel = undefined;
    if (this.closing) return;
    const failure = this.failure ?? { error: localError('CONNECTION_LOST', `connection lost: ${reason}`, true), permanent: false };
    const delay = failure.permanent
      ? backoffDelay(30, this.o.reconnectMaxMs, this.o.reconnectMaxMs)
      : backoffDelay(this.attempt++, this.o.reconnectMinMs, this.o.reconnectMaxMs);
    this.setState({ state: 'disconnected', reason: failure.error.message, error: failure.error, retryInMs: delay, permanent: failure.permanent });
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private setState(change: StateChange): void {
    this.current = change;
    this.emit('state', change);
  }
}

function endWithin(channel: PduChannel, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (!channel.isOpen) return resolve();
    const timer = setTimeout(() => {
      channel.destroy('unbind timeout');
      resolve();
    }, ms);
    channel.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    channel.end();
  });
}
