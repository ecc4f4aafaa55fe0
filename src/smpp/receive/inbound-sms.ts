/**
 * Inbound SMS (MO): decode the text and put concatenated parts back together,
 * whether they came with a UDH (8- or 16-bit reference) or with SAR TLVs.
 * Parts wait a bounded time in bounded memory; a message that never completes
 * is still delivered, flagged incomplete, rather than dropped.
 */
import { splitUdh, Tlv, type MessageBody } from '../codec/pdu';
import { Alphabet, alphabetOf, decodeOctets } from '../text/encoding';

export interface InboundSms {
  from: string;
  to: string;
  text: string;
  dataCoding: number;
  alphabet: Alphabet;
  parts: number;
  receivedAt: string;
  /** Set when some parts never arrived within the reassembly timeout. */
  incomplete?: { missing: number[] };
}

interface PartInfo {
  reference: number;
  total: number;
  seq: number;
}

interface InboundPart {
  from: string;
  to: string;
  dataCoding: number;
  octets: Buffer;
  concat?: PartInfo;
}

/** Splits a deliver_sm body into its text octets and concatenation info. */
export function readInboundPart(from: string, to: string, body: MessageBody): InboundPart {
  const { udh, octets } = splitUdh(body);
  const concat = udh ? concatFromUdh(udh.subarray(1)) : concatFromSar(body.tlvs);
  return { from, to, dataCoding: body.dataCoding, octets, concat };
}

function concatFromUdh(udh: Buffer): PartInfo | undefined {
  for (let i = 0; i + 1 < udh.length; i += 2 + udh[i + 1]) {
    const [iei, length] = [udh[i], udh[i + 1]];
    if (iei === 0x00 && length === 3 && i + 5 <= udh.length) return { reference: udh[i + 2], total: udh[i + 3], seq: udh[i + 4] };
    if (iei === 0x08 && length === 4 && i + 6 <= udh.length) return { reference: udh.readUInt16BE(i + 2), total: udh[i + 4], seq: udh[i + 5] };
  }
  return undefined;
}

function concatFromSar(tlvs: Map<number, Buffer>): PartInfo | undefined {
  const ref = tlvs.get(Tlv.sar_msg_ref_num);
  const total = tlvs.get(Tlv.sar_total_segments);
  const seq = tlvs.get(Tlv.sar_segment_seqnum);
  if (!ref || ref.length < 2 || !total?.length || !seq?.length) return undefined;
  return { reference: ref.readUInt16BE(0), total: total[0], seq: seq[0] };
}

interface Group {
  first: InboundPart;
  parts: (Buffer | undefined)[];
  received: number;
  expires: number;
}

export interface ReassemblerOptions {
  timeoutMs: number;
  maxGroups: number;
}

export class Reassembler {
  private readonly groups = new Map<string, Group>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly options: ReassemblerOptions, private readonly emit: (sms: InboundSms) => void) {}

  add(part: InboundPart, now = Date.now()): void {
    const c = part.concat;
    if (!c || c.total <= 1 || c.seq < 1 || c.seq > c.total) {
      this.emit(complete(part, [part.octets]));
      return;
    }
    const key = `${part.from}|${part.to}|${c.reference}|${c.total}`;
    let group = this.groups.get(key);
    if (!group) {
      group = { first: part, parts: new Array<Buffer | undefined>(c.total), received: 0, expires: now + this.options.timeoutMs };
      this.groups.set(key, group);
      this.enforceCap();
      this.ensureSweeper();
    }
    if (!group.parts[c.seq - 1]) group.received++;
    group.parts[c.seq - 1] = part.octets;
    if (group.received === c.total) {
      this.groups.delete(key);
      this.emit(complete(group.first, group.parts as Buffer[]));
    }
  }

  /** Emits whatever is still waiting, flagged incomplete. */
  flush(): void {
    for (const key of [...this.groups.keys()]) this.expire(key);
    this.stopSweeper();
  }

  private enforceCap(): void {
    while (this.groups.size > this.options.maxGroups) this.expire(this.groups.keys().next().value as string);
  }

  private sweep(now = Date.now()): void {
    for (const [key, group] of this.groups) if (group.expires <= now) this.expire(key);
    if (this.groups.size === 0) this.stopSweeper();
  }

  private expire(key: string): void {
    const group = this.groups.get(key);
    if (!group) return;
    this.groups.delete(key);
    // Array.from, not map: the parts array has holes where parts are missing.
    const parts = Array.from(group.parts);
    const missing = parts.flatMap((p, i) => (p ? [] : [i + 1]));
    this.emit({ ...complete(group.first, parts.map((p) => p ?? Buffer.alloc(0))), incomplete: { missing } });
  }

  private ensureSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(1000, this.options.timeoutMs / 4)));
  }

  private stopSweeper(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}

function complete(first: InboundPart, octets: Buffer[]): InboundSms {
  const alphabet = alphabetOf(first.dataCoding);
  return {
    from: first.from,
    to: first.to,
    text: decodeOctets(Buffer.concat(octets), alphabet),
    dataCoding: first.dataCoding,
    alphabet,
    parts: octets.length,
    receivedAt: new Date().toISOString(),
  };
}
