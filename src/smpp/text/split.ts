/**
 * Splits encoded text into SMS parts. A part never ends inside a GSM escape
 * pair or a UTF-16 surrogate pair, and every part fits one SMS on air:
 * 140 octets, UDH included, with GSM text packed 7 bits a character.
 */
import { gsmSeptets } from './gsm7';
import { DATA_CODING, Encoding, encodeText } from './encoding';

/** udh8/udh16: concatenation UDH with 8- or 16-bit reference; sar: SAR TLVs; payload: one PDU with message_payload. */
export type MultipartMethod = 'udh8' | 'udh16' | 'sar' | 'payload';

export const SINGLE_CAPACITY: Record<Encoding, number> = { GSM7: 160, UCS2: 140, LATIN1: 140 };
/** Units (septets for GSM, octets otherwise) per part of a multipart message. */
export const PART_CAPACITY: Record<Exclude<MultipartMethod, 'payload'>, Record<Encoding, number>> = {
  udh8: { GSM7: 153, UCS2: 134, LATIN1: 134 },
  udh16: { GSM7: 152, UCS2: 132, LATIN1: 133 },
  // The SMSC adds an 8-bit-reference UDH on air.
  sar: { GSM7: 153, UCS2: 134, LATIN1: 134 },
};

export interface SmsPart {
  /** short_message octets, UDH first when `udhi` is set. */
  shortMessage: Buffer;
  udhi: boolean;
  /** Optional parameters by the `smpp` package's names (sar_*, message_payload). */
  tlvs: Record<string, number | Buffer>;
}

export interface SplitMessage {
  encoding: Encoding;
  dataCoding: number;
  parts: SmsPart[];
  /** Septets (GSM) or octets the text takes, before splitting. */
  units: number;
}

export interface SplitOptions {
  encoding: Encoding;
  method: MultipartMethod;
  /** Concatenation reference; wraps at 256 (udh8, sar uses 16 bits) or 65536 (udh16). */
  reference: number;
}

/** Text cut into units that must not be divided: one character each (a GSM escape pair or a surrogate pair stays whole). */
function units(text: string, encoding: Encoding): { text: string; weight: number }[] {
  const list: { text: string; weight: number }[] = [];
  for (const char of text) {
    const weight = encoding === 'GSM7' ? gsmSeptets(char) : encoding === 'UCS2' ? char.length * 2 : 1;
    list.push({ text: char, weight });
  }
  return list;
}

/** Texts of each part, before encoding. */
export function partTexts(text: string, encoding: Encoding, capacity: number): string[] {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  for (const unit of units(text, encoding)) {
    if (used + unit.weight > capacity) {
      parts.push(current);
      current = '';
      used = 0;
    }
    current += unit.text;
    used += unit.weight;
  }
  parts.push(current);
  return parts;
}

/** Septets (GSM) or octets the text takes; no allocation, it runs for every message. */
export function measure(text: string, encoding: Encoding): number {
  if (encoding === 'UCS2') return text.length * 2;
  if (encoding === 'LATIN1') return text.length;
  let septets = 0;
  for (let i = 0; i < text.length; i++) septets += gsmSeptets(text[i]);
  return septets;
}

/** How many parts a text needs, without encoding it. */
export function countParts(text: string, encoding: Encoding, method: MultipartMethod, units = measure(text, encoding)): number {
  if (method === 'payload' || units <= SINGLE_CAPACITY[encoding]) return 1;
  return partTexts(text, encoding, PART_CAPACITY[method][encoding]).length;
}

export function splitText(text: string, options: SplitOptions, total = measure(text, options.encoding)): SplitMessage {
  const { encoding, method } = options;
  const dataCoding = DATA_CODING[encoding];
  if (method === 'payload') {
    return { encoding, dataCoding, units: total, parts: [{ shortMessage: Buffer.alloc(0), udhi: false, tlvs: { message_payload: encodeText(text, encoding) } }] };
  }
  if (total <= SINGLE_CAPACITY[encoding]) {
    return { encoding, dataCoding, units: total, parts: [{ shortMessage: encodeText(text, encoding), udhi: false, tlvs: {} }] };
  }
  const texts = partTexts(text, encoding, PART_CAPACITY[method][encoding]);
  const parts = texts.map((partText, i) => buildPart(encodeText(partText, encoding), i + 1, texts.length, options));
  return { encoding, dataCoding, units: total, parts };
}

function buildPart(body: Buffer, seq: number, total: number, { method, reference }: SplitOptions): SmsPart {
  if (method === 'sar') {
    return { shortMessage: body, udhi: false, tlvs: { sar_msg_ref_num: reference & 0xffff, sar_total_segments: total, sar_segment_seqnum: seq } };
  }
  const udh = method === 'udh16'
    ? Buffer.from([0x06, 0x08, 0x04, (reference >> 8) & 0xff, reference & 0xff, total, seq])
    : Buffer.from([0x05, 0x00, 0x03, reference & 0xff, total, seq]);
  return { shortMessage: Buffer.concat([udh, body]), udhi: true, tlvs: {} };
}

