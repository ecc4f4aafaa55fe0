/**
 * GSM 03.38 default alphabet and its extension table. SMPP carries GSM text
 * unpacked, one septet per octet; an extension character costs two septets
 * (escape 0x1B, then its code).
 */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

const EXTENSION: Record<string, number> = {
  '\f': 0x0a, '^': 0x14, '{': 0x28, '}': 0x29, '\\': 0x2f, '[': 0x3c, '~': 0x3d, ']': 0x3e, '|': 0x40, '€': 0x65,
};

export const ESCAPE = 0x1b;

const basicCode = new Map<string, number>();
for (let i = 0; i < BASIC.length; i++) if (i !== ESCAPE) basicCode.set(BASIC[i], i);
const extensionChar = new Map<number, string>(Object.entries(EXTENSION).map(([ch, code]) => [code, ch]));

/** Septets one character costs in GSM 7-bit, or 0 when GSM cannot carry it. */
export function gsmSeptets(char: string): 0 | 1 | 2 {
  if (basicCode.has(char)) return 1;
  if (char in EXTENSION) return 2;
  return 0;
}

export function isGsmText(text: string): boolean {
  for (const char of text) if (gsmSeptets(char) === 0) return false;
  return true;
}

/** Encodes to unpacked septets. Caller checks isGsmText first. */
export function encodeGsm(text: string): Buffer {
  const out: number[] = [];
  for (const char of text) {
    const code = basicCode.get(char);
    if (code !== undefined) out.push(code);
    else out.push(ESCAPE, EXTENSION[char]);
  }
  return Buffer.from(out);
}

/** Decodes unpacked septets; unknown codes become U+FFFD rather than failing. */
export function decodeGsm(septets: Buffer): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const code = septets[i] & 0x7f;
    if (code === ESCAPE && i + 1 < septets.length) {
      text += extensionChar.get(septets[++i] & 0x7f) ?? '\ufffd';
    } else {
      text += code === ESCAPE ? ' ' : BASIC[code];
    }
  }
  return text;
}

/** Octets that `septets` GSM characters take on air when packed 7 bits each. */
export function packedOctets(septets: number): number {
  return Math.ceil((septets * 7) / 8);
}
