/**
 * An SMSC simulator over TLS, built on the engine's PDU channel and the
 * `smpp` package's codec. It checks credentials, answers submit_sm with
 * provider-style message ids, sends receipts after a delay, injects inbound
 * SMS, enforces a per-bind rate, and breaks on demand (faults) so tests can
 * prove that nothing is lost.
 */
import { EventEmitter } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { PduChannel } from '../smpp/codec/channel';
import { InboundPdu, PduFields, readMessageBody, splitUdh } from '../smpp/codec/pdu';
import { alphabetOf, decodeOctets } from '../smpp/text/encoding';
import { Certificate, makeCertificate } from './certificate';
import { inboundPdus, MoSpec, newMessageId, NO_CREDIT_STATUS, receiptPdu, ReceiptSpec, SimProvider } from './smsc-pdus';

export interface Outcome {
  /** Receipt word for this destination (default DELIVRD). */
  stat?: string;
  /** Receipt error code (provider DLR table). */
  err?: number;
  /** Refuse the submit with this command_status instead. */
  submitStatus?: number;
  /** Refuse the submit as the provider does when credit runs out. */
  noCredit?: boolean;
}

export interface SimulatorOptions {
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** TLS on (default); plain TCP when false. */
  tls?: boolean;
  certificate?: Certificate;
  /** Names the generated certificate is valid for (default localhost, 127.0.0.1). */
  certificateNames?: string[];
  /** Highest TLS version offered (tests of refusing old TLS). */
  maxTlsVersion?: tls.SecureVersion;
  minTlsVersion?: tls.SecureVersion;
  provider?: SimProvider;
  /** system_id → password (default test / secret). */
  accounts?: Record<string, string>;
  /** Refuse every bind with this command_status (0x0D: an SMSC that refuses the account whatever it sends). */
  bindStatus?: number;
  /** Binds one account may hold (answers 0x05 beyond). */
  maxBindsPerAccount?: number;
  receiptDelayMs?: number;
  /** Receipt outcome by destination number (digits as sent). */
  outcomes?: Record<string, Outcome>;
  /** Submits per second per bind above which it answers 0x58 (0 = no limit). */
  ratePerSecond?: number;
  receiptTlvs?: boolean;
  /** Answer submits this late (a receipt may then overtake its answer). */
  respondDelayMs?: number;
  /** Send every receipt twice, as an SMSC does after a lost deliver_sm_resp. */
  duplicateReceipts?: boolean;
  /** Keep every accepted part in `submitted` with its decoded text (default true; the benchmark turns it off). */
  recordSubmits?: boolean;
  /**
   * A pretend phone for demos: every SMS sent to this number is answered with
   * an inbound SMS after replyAfterMs, except texts that start with "Auto-reply"
   * (so an auto-reply flow cannot loop with it).
   */
  demoPhone?: { number: string; replyAfterMs: number };
}

export interface SubmittedPart {
  systemId: string;
  messageId: string;
  from: string;
  to: string;
  dataCoding: number;
  esmClass: number;
  /** The part's text, UDH removed. */
  text: string;
  udh?: Buffer;
  tlvs: Map<number, Buffer>;
  registeredDelivery: number;
  at: number;
}

export interface SimulatorStats {
  bindAttempts: number;
  bindsRefused: number;
  bound: number;
  submits: number;
  accepted: number;
  throttled: number;
  refused: number;
  unanswered: number;
  receiptsSent: number;
  inboundSent: number;
  connections: number;
}

interface SimSession {
  channel: PduChannel;
  systemId?: string;
  mode?: 'transmitter' | 'receiver' | 'transceiver';
  window: number[];
}

const BIND_MODES: Record<string, SimSession['mode']> = {
  bind_transmitter: 'transmitter', bind_receiver: 'receiver', bind_transceiver: 'transceiver',
};

interface SimulatorEvents {
  submit: [part: SubmittedPart];
  bind: [systemId: string];
  /** Every bind request, accepted or not (tests count and time them). */
  bindAttempt: [systemId: string];
  /** A response to something the simulator wrote raw (not through a request). */
  response: [pdu: InboundPdu];
}

export class SmscSimulator extends EventEmitter<SimulatorEvents> {
  private server: net.Server | undefined;
  private readonly sessions = new Set<SimSession>();
  private readonly pendingDeliveries: { systemId: string; fields: PduFields }[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private certificate: Certificate | undefined;
  private reference = 1;
  private silent = false;
  private dropAfter: number | undefined;
  private throttleShare = 0;
  private unanswered = new Set<string>();
  readonly submitted: SubmittedPart[] = [];
  readonly stats: SimulatorStats = {
    bindAttempts: 0, bindsRefused: 0, bound: 0, submits: 0, accepted: 0, throttled: 0, refused: 0,
    unanswered: 0, receiptsSent: 0, inboundSent: 0, connections: 0,
  };

  constructor(readonly options: SimulatorOptions = {}) {
    super();
  }

  get provider(): SimProvider {
    return this.options.provider ?? 'custom';
  }

  /** PEM of the certificate clients must trust (self-signed: it is its own CA). */
  get ca(): string {
    return this.certificate?.cert ?? '';
  }

  get port(): number {
    return (this.server?.address() as net.AddressInfo).port;
  }

  get host(): string {
    return this.options.host ?? '127.0.0.1';
  }

  async start(): Promise<this> {
    const useTls = this.options.tls ?? true;
    if (useTls) this.certificate = this.options.certificate ?? (await makeCertificate(this.options.certificateNames));
    const onSocket = (socket: net.Socket) => this.accept(socket);
    this.server = useTls
      ? tls.createServer({
          key: this.certificate?.key, cert: this.certificate?.cert,
          minVersion: this.options.minTlsVersion ?? 'TLSv1.2', maxVersion: this.options.maxTlsVersion,
        }, onSocket)
      : net.createServer(onSocket);
    this.server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.options.port ?? 0, this.host, () => resolve());
    });
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const session of this.sessions) session.channel.destroy('simulator stopped');
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Sessions bound now, by account. */
  boundSessions(systemId?: string): number {
    return [...this.sessions].filter((s) => s.mode && (!systemId || s.systemId === systemId)).length;
  }

  // ---- faults -------------------------------------------------------------

  /** Drops every connection now. */
  dropAll(): void {
    for (const session of this.sessions) session.channel.destroy('dropped by the simulator');
  }

  /** Drops every connection once `count` more submit_sm have arrived. */
  dropAfterSubmits(count: number): void {
    this.dropAfter = this.stats.submits + count;
  }

  /** Stops answering anything, keeping the sockets open. */
  setSilent(silent: boolean): void {
    this.silent = silent;
  }

  /** Never answers submits to these destinations. */
  neverAnswer(destinations: string[]): void {
    this.unanswered = new Set(destinations);
  }

  /** Answers 0x58 to this share (0..1) of submits. */
  throttle(share: number): void {
    this.throttleShare = share;
  }

  /** Writes raw octets to every bound session (malformed PDUs). */
  sendRaw(octets: Buffer): void {
    for (const session of this.sessions) if (session.mode) session.channel.write(octets);
  }

  // ---- traffic from the SMSC ---------------------------------------------

  /** Sends an inbound SMS (split as the spec says) to the account's receiving binds. */
  injectInbound(mo: MoSpec, systemId = this.firstAccount()): void {
    for (const fields of inboundPdus(mo, this.reference++ & 0xff)) this.deliver(systemId, fields);
    this.stats.inboundSent++;
  }

  /** Sends a receipt as given (tests of receipt parsing and races). */
  injectReceipt(spec: Partial<ReceiptSpec> & { messageId: string }, systemId = this.firstAccount()): void {
    const now = new Date();
    this.deliver(systemId, receiptPdu({
      from: '', to: '', stat: 'DELIVRD', err: 0, submittedAt: now, doneAt: now, text: '', withTlvs: true, ...spec,
    }));
    this.stats.receiptsSent++;
  }

  /** Sends a deliver_sm with exactly these fields (tests of odd or partial traffic). */
  deliverPdu(fields: PduFields, systemId = this.firstAccount()): void {
    this.deliver(systemId, fields);
  }

  private firstAccount(): string {
    return Object.keys(this.accounts())[0];
  }

  private accounts(): Record<string, string> {
    return this.options.accounts ?? { test: 'secret' };
  }

  // ---- sessions -------------------------------------------------------------

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    const session: SimSession = { channel: new PduChannel(socket, { responseTimeoutMs: 5000 }), window: [] };
    this.sessions.add(session);
    this.stats.connections++;
    session.channel.on('request', (pdu) => this.onRequest(session, pdu));
    session.channel.on('unmatchedResponse', (pdu) => this.emit('response', pdu));
    session.channel.on('close', () => {
      if (session.mode) this.stats.bound--;
      this.sessions.delete(session);
    });
    socket.on('error', () => undefined);
  }

  private onRequest(session: SimSession, pdu: InboundPdu): void {
    if (this.silent) return;
    const mode = BIND_MODES[pdu.command];
    if (mode) return this.onBind(session, pdu, mode);
    if (!session.mode && pdu.command !== 'unbind' && pdu.command !== 'enquire_link') return session.channel.respond(pdu, {}, 0x04);
    switch (pdu.command) {
      case 'enquire_link':
        return session.channel.respond(pdu);
      case 'unbind':
        session.channel.respond(pdu);
        return session.channel.end();
      case 'submit_sm':
        return this.onSubmit(session, pdu);
      default:
        // eCall answers replace_sm, cancel_sm, submit_multi, data_sm and query_sm with 0x03.
        return session.channel.genericNack(pdu.sequence, 0x03);
    }
  }

  private onBind(session: SimSession, pdu: InboundPdu, mode: SimSession['mode']): void {
    this.stats.bindAttempts++;
    const systemId = String(pdu.fields.system_id ?? '');
    const accounts = this.accounts();
    const refuse = (status: number) => {
      this.stats.bindsRefused++;
      session.channel.respond(pdu, { system_id: 'SIMSMSC' }, status);
    };
    this.emit('bindAttempt', systemId);
    if (session.mode) return refuse(0x05);
    if (this.options.bindStatus !== undefined) return refuse(this.options.bindStatus);
    if (!(systemId in accounts)) return refuse(0x0f);
    if (accounts[systemId] !== pdu.fields.password) return refuse(0x0e);
    const max = this.options.maxBindsPerAccount;
    if (max !== undefined && this.boundSessions(systemId) >= max) return refuse(0x05);
    session.systemId = systemId;
    session.mode = mode;
    this.stats.bound++;
    session.channel.respond(pdu, { system_id: 'SIMSMSC' });
    this.emit('bind', systemId);
    this.flushDeliveries();
  }

  private onSubmit(session: SimSession, pdu: InboundPdu): void {
    this.stats.submits++;
    if (this.dropAfter !== undefined && this.stats.submits >= this.dropAfter) {
      this.dropAfter = undefined;
      return this.dropAll();
    }
    if (session.mode === 'receiver') return session.channel.respond(pdu, {}, 0x04);
    const to = String(pdu.fields.destination_addr ?? '');
    if (this.unanswered.has(to)) {
      this.stats.unanswered++;
      return;
    }
    const status = this.submitStatus(session, to);
    if (status !== 0) {
      if (status === 0x58) this.stats.throttled++;
      else this.stats.refused++;
      return session.channel.respond(pdu, {}, status);
    }
    const part = this.record(session, pdu);
    const delay = this.options.respondDelayMs ?? 0;
    if (delay > 0) this.later(delay, () => session.channel.respond(pdu, { message_id: part.messageId }));
    else session.channel.respond(pdu, { message_id: part.messageId });
    if (part.registeredDelivery & 0x03) this.scheduleReceipt(part);
    this.demoPhoneReply(part);
  }

  private demoPhoneReply(part: SubmittedPart): void {
    const phone = this.options.demoPhone;
    if (!phone || part.to !== phone.number || /^auto-reply/i.test(part.text) || (part.udh && part.udh[part.udh.length - 1] !== 1)) return;
    this.later(phone.replyAfterMs, () => this.injectInbound({ from: phone.number, to: part.from || '41800000000', text: `Got it: ${part.text.slice(0, 60)}` }, part.systemId));
  }

  private submitStatus(session: SimSession, to: string): number {
    const outcome = this.options.outcomes?.[to];
    if (outcome?.noCredit) return NO_CREDIT_STATUS[this.provider];
    if (outcome?.submitStatus) return outcome.submitStatus;
    if (this.throttleShare > 0 && Math.random() < this.throttleShare) return 0x58;
    const rate = this.options.ratePerSecond ?? 0;
    if (rate > 0) {
      const now = Date.now();
      while (session.window.length && session.window[0] <= now - 1000) session.window.shift();
      if (session.window.length >= rate) return 0x58;
      session.window.push(now);
    }
    return 0;
  }

  /** Accepts a part: a message id always; its text and UDH only when parts are kept (the benchmark skips that work). */
  private record(session: SimSession, pdu: InboundPdu): SubmittedPart {
    const part: SubmittedPart = {
      systemId: session.systemId ?? '',
      messageId: newMessageId(this.provider),
      from: String(pdu.fields.source_addr ?? ''),
      to: String(pdu.fields.destination_addr ?? ''),
      dataCoding: 0,
      esmClass: 0,
      text: '',
      tlvs: new Map(),
      registeredDelivery: Number(pdu.fields.registered_delivery ?? 0),
      at: Date.now(),
    };
    this.stats.accepted++;
    if (this.options.recordSubmits === false && !this.options.demoPhone) return part;
    const body = readMessageBody(pdu.frame);
    const { udh, octets } = splitUdh(body);
    Object.assign(part, { dataCoding: body.dataCoding, esmClass: body.esmClass, text: decodeOctets(octets, alphabetOf(body.dataCoding)), udh, tlvs: body.tlvs });
    this.submitted.push(part);
    this.emit('submit', part);
    return part;
  }

  private scheduleReceipt(part: SubmittedPart): void {
    const outcome = this.options.outcomes?.[part.to] ?? {};
    this.later(this.options.receiptDelayMs ?? 100, () => {
      const fields = receiptPdu({
        messageId: part.messageId, from: part.from, to: part.to, stat: outcome.stat ?? 'DELIVRD', err: outcome.err ?? 0,
        submittedAt: new Date(part.at), doneAt: new Date(), text: part.text, withTlvs: this.options.receiptTlvs ?? true,
      });
      for (let copies = this.options.duplicateReceipts ? 2 : 1; copies > 0; copies--) this.deliver(part.systemId, fields);
      this.stats.receiptsSent++;
    });
  }

  /** A timer the simulator cancels when it stops. */
  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run();
    }, ms);
    this.timers.add(timer);
  }

  /** Sends a deliver_sm to a receiving bind of the account, or keeps it until one binds. */
  private deliver(systemId: string, fields: PduFields): void {
    this.pendingDeliveries.push({ systemId, fields });
    this.flushDeliveries();
  }

  private flushDeliveries(): void {
    const waiting = this.pendingDeliveries.splice(0);
    for (const delivery of waiting) {
      const receivers = [...this.sessions].filter((s) => s.systemId === delivery.systemId && (s.mode === 'receiver' || s.mode === 'transceiver') && s.channel.isOpen);
      if (receivers.length === 0) {
        this.pendingDeliveries.push(delivery);
        continue;
      }
      const session = receivers[Math.floor(Math.random() * receivers.length)];
      session.channel.request('deliver_sm', delivery.fields).catch(() => this.deliver(delivery.systemId, delivery.fields));
    }
  }
}
