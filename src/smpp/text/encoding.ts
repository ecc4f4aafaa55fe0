/**
 * Picks the alphabet for a text and converts between text and the octets SMPP
 * carries. data_coding is always set explicitly: the `smpp` package's
 * auto-detection sends GSM text as IA5 (1), which operators mangle.
 */
import { decodeGsm, encodeGsm, isGsmText } from './gsm7';

export type Encoding = 'GSM7' | 'UCS2' | 'LATIN1';
export type EncodingChoice = Encoding | 'auto';

export const DATA_CODING: Record<Encoding, number> = { GSM7: 0x00, LATIN1: 0x03, UCS2: 0x08 };
/** Flash (class 0) data_coding per alphabet; Latin-1 has no class-0 form. */
export const FLASH_DATA_CODING: Partial<Record<Encoding, number>> = { GSM7: 0x10, UCS2: 0x18 };

export function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

export function canEncode(text: string, encoding: Encoding): boolean {
  if (encoding === 'GSM7') return isGsmText(text);
  if (encoding === 'LATIN1') return isLatin1(text);
  return true;
}

export function chooseEncoding(text: string, choice: EncodingChoice): Encoding {
  if (choice !== 'auto') return choice;
  return isGsmText(text) ? 'GSM7' : 'UCS2';
}

export function encodeText(text: string, encoding: Encoding): Buffer {
  if (encoding === 'GSM7') return encodeGsm(text);
  if (encoding === 'LATIN1') return Buffer.from(text, 'latin1');
  return utf16be(text);
}

function utf16be(text: string): Buffer {
  const out = Buffer.alloc(text.length * 2);
  for (let i = 0; i < text.length; i++) out.writeUInt16BE(text.charCodeAt(i), i * 2);
  return out;
}

/** What alphabet a received data_coding means (SMPP 3.4 5.2.19 and GSM 03.38 DCS groups). */
export type Alphabet = 'GSM7' | 'IA5' | 'LATIN1' | 'UCS2' | 'BINARY';

export function alphabetOf(dataCoding: number): Alphabet {
  const group = dataCoding & 0xf0;
  if (group === 0x00) {
    switch (dataCoding) {
      case 0x00: return 'GSM7';
      case 0x01: return 'IA5';
      case 0x03: return 'LATIN1';
      case 0x08: return 'UCS2';
      case 0x02: case 0x04: return 'BINARY';
      default: return 'LATIN1';
    }
  }
  if (group === 0xf0) return dataCoding & 0x04 ? 'BINARY' : 'GSM7';
  if (group <= 0x30) {
    // General data coding groups: bits 3..2 are the alphabet.
    const alphabet = (dataCoding >> 2) & 0x03;
    return alphabet === 0 ? 'GSM7' : alphabet === 2 ? 'UCS2' : 'BINARY';
  }
  return 'BINARY';
}

export function decodeOctets(octets: Buffer, alphabet: Alphabet): string {
  switch (alphabet) {
    case 'GSM7': return decodeGsm(octets);
    case 'IA5': return octets.toString('ascii');
    case 'LATIN1': return octets.toString('latin1');
    case 'UCS2': return fromUtf16be(octets);
    case 'BINARY': return octets.toString('hex');
  }
}

function fromUtf16be(octets: Buffer): string {
  let text = '';
  for (let i = 0; i + 1 < octets.length; i += 2) text += String.fromCharCode(octets.readUInt16BE(i));
  return text;
}
