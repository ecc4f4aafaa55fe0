/** What the simulated SMSC writes: message ids in each provider's format, receipts and inbound SMS. */
import { randomBytes } from 'node:crypto';
import type { PduFields } from '../smpp/codec/pdu';
import { absoluteTime } from '../smpp/submit/smpp-time';
import { chooseEncoding, Encoding } from '../smpp/text/encoding';
import { MultipartMethod, splitText } from '../smpp/text/split';

export type SimProvider = 'ecall' | 'agile' | 'custom';

/** Agile: AGILE-XXXXXXXX-XXXXXX-XXXXXX-XXXXXX; others: 16 hex digits. */
export function newMessageId(provider: SimProvider): string {
  const hex = (n: number) => randomBytes(n).toString('hex').toUpperCase().slice(0, n);
  return provider === 'agile' ? `AGILE-${hex(8)}-${hex(6)}-${hex(6)}-${hex(6)}` : hex(16);
}

/** The status each provider answers a submit with when the account has no credit. */
export const NO_CREDIT_STATUS: Record<SimProvider, number> = { agile: 0x103, ecall: 0x401, custom: 0x401 };

const STATE_OF: Record<string, number> = { ENROUTE: 1, DELIVRD: 2, EXPIRED: 3, DELETED: 4, UNDELIV: 5, ACCEPTD: 6, UNKNOWN: 7, REJECTD: 8 };

export interface ReceiptSpec {
  messageId: string;
  /** Original sender and destination of the message. */
  from: string;
  to: string;
  stat: string;
  err: number;
  submittedAt: Date;
  doneAt: Date;
  text: string;
  /** Put the TLVs in (default) or leave the text alone, as older SMSCs do. */
  withTlvs: boolean;
}

function yyMMddHHmm(date: Date, seconds: boolean): string {
  return absoluteTime(date).slice(0, seconds ? 12 : 10);
}

export function receiptPdu(r: ReceiptSpec): PduFields {
  const delivered = r.stat === 'DELIVRD' ? '001' : '000';
  const text =
    `id:${r.messageId} sub:001 dlvrd:${delivered} submit date:${yyMMddHHmm(r.submittedAt, false)} ` +
    `done date:${yyMMddHHmm(r.doneAt, true)} stat:${r.stat} err:${String(r.err).padStart(3, '0')} text:${r.text.slice(0, 20)}`;
  const fields: PduFields = {
    source_addr_ton: 1, source_addr_npi: 1, source_addr: r.to,
    dest_addr_ton: 1, dest_addr_npi: 1, destination_addr: r.from,
    esm_class: 0x04, data_coding: 0, short_message: Buffer.from(text, 'latin1'),
  };
  if (r.withTlvs) {
    fields.receipted_message_id = r.messageId;
    fields.message_state = STATE_OF[r.stat] ?? 7;
    if (r.err) fields.network_error_code = Buffer.from([3, (r.err >> 8) & 0xff, r.err & 0xff]);
  }
  return fields;
}

export interface MoSpec {
  from: string;
  to: string;
  text: string;
  encoding?: Encoding;
  /** How a long text is split: UDH with 8- or 16-bit reference, or SAR TLVs. */
  multipart?: Exclude<MultipartMethod, 'payload'>;
}

export function inboundPdus(mo: MoSpec, reference: number): PduFields[] {
  const encoding = mo.encoding ?? chooseEncoding(mo.text, 'auto');
  const split = splitText(mo.text, { encoding, method: mo.multipart ?? 'udh8', reference });
  return split.parts.map((part) => ({
    source_addr_ton: 1, source_addr_npi: 1, source_addr: mo.from,
    dest_addr_ton: 1, dest_addr_npi: 1, destination_addr: mo.to,
    esm_class: part.udhi ? 0x40 : 0x00, data_coding: split.dataCoding,
    short_message: part.shortMessage, ...part.tlvs,
  }));
}
