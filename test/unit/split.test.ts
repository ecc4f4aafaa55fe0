import fc from 'fast-check';
import { chooseEncoding, decodeOctets } from '../../src/smpp/text/encoding';
import { encodeGsm, gsmSeptets, decodeGsm, isGsmText, packedOctets } from '../../src/smpp/text/gsm7';
import { splitText, MultipartMethod } from '../../src/smpp/text/split';

const GSM_CHARS = [...'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€\f'];

/** Octets one part takes on air: UDH, then GSM text packed 7 bits a character (after fill bits), or UCS2 octets. */
function octetsOnAir(shortMessage: Buffer, udhi: boolean, encoding: string): number {
  const udh = udhi ? shortMessage[0] + 1 : 0;
  const body = shortMessage.length - udh;
  if (encoding !== 'GSM7') return udh + body;
  const udhSeptets = Math.ceil((udh * 8) / 7);
  return packedOctets(udhSeptets + body);
}

function reassemble(parts: { shortMessage: Buffer; udhi: boolean; tlvs: Record<string, unknown> }[], alphabet: 'GSM7' | 'UCS2'): string {
  const octets = parts.map((p) => {
    const payload = p.tlvs.message_payload as Buffer | undefined;
    if (payload) return payload;
    return p.udhi ? p.shortMessage.subarray(p.shortMessage[0] + 1) : p.shortMessage;
  });
  return decodeOctets(Buffer.concat(octets), alphabet);
}

const methods: MultipartMethod[] = ['udh8', 'udh16', 'sar'];
const gsmText = fc.array(fc.constantFrom(...GSM_CHARS), { minLength: 1, maxLength: 1200 }).map((a) => a.join(''));
const anyText = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 600 });
const mixedText = fc.oneof(gsmText, anyText, fc.tuple(gsmText, fc.constantFrom('😀', '€', '漢', '\u{1F600}x')).map(([a, b]) => a + b));

test('property: encode → split → reassemble gives the text back, and every part fits one SMS on air', () => {
  fc.assert(
    fc.property(mixedText, fc.constantFrom(...methods), fc.integer({ min: 0, max: 0xffff }), (text, method, reference) => {
      const encoding = chooseEncoding(text, 'auto');
      const split = splitText(text, { encoding, method, reference });
      expect(reassemble(split.parts, encoding as 'GSM7' | 'UCS2')).toBe(text);
      for (const part of split.parts) {
        expect(octetsOnAir(part.shortMessage, part.udhi, encoding)).toBeLessThanOrEqual(method === 'sar' && split.parts.length > 1 ? 134 : 140);
        expect(part.shortMessage.length).toBeLessThanOrEqual(254);
      }
      if (split.parts.length > 1) {
        expect(split.parts.every((p) => (method === 'sar' ? !p.udhi : p.udhi))).toBe(true);
      }
    }),
    { numRuns: 400 },
  );
});

test('property: no part ends inside a GSM escape pair or a UTF-16 surrogate pair', () => {
  fc.assert(
    fc.property(mixedText, (text) => {
      const encoding = chooseEncoding(text, 'auto');
      const { parts } = splitText(text, { encoding, method: 'udh8', reference: 1 });
      for (const part of parts) {
        const body = part.udhi ? part.shortMessage.subarray(part.shortMessage[0] + 1) : part.shortMessage;
        if (encoding === 'GSM7') expect(body[body.length - 1]).not.toBe(0x1b);
        else expect(body.readUInt16BE(body.length - 2) & 0xfc00).not.toBe(0xd800);
      }
    }),
    { numRuns: 400 },
  );
});

test('the textbook capacities: 160 / 153 GSM, 70 / 67 UCS2, extension characters count twice', () => {
  const parts = (text: string) => splitText(text, { encoding: chooseEncoding(text, 'auto'), method: 'udh8', reference: 7 }).parts.length;
  expect(parts('a'.repeat(160))).toBe(1);
  expect(parts('a'.repeat(161))).toBe(2);
  expect(parts('a'.repeat(306))).toBe(2);
  expect(parts('a'.repeat(307))).toBe(3);
  expect(parts('€'.repeat(80))).toBe(1);
  expect(parts('€'.repeat(81))).toBe(2);
  expect(parts('ж'.repeat(70))).toBe(1);
  expect(parts('ж'.repeat(71))).toBe(2);
  expect(parts('ж'.repeat(134))).toBe(2);
  expect(parts('ж'.repeat(135))).toBe(3);
  // 152 'a' then '€' (2 septets) cannot fit 153: the pair moves whole to part 2.
  const split = splitText('a'.repeat(152) + '€' + 'b'.repeat(10), { encoding: 'GSM7', method: 'udh8', reference: 1 });
  expect(split.parts[0].shortMessage.length).toBe(6 + 152);
  expect(split.parts[1].shortMessage.subarray(6, 8)).toEqual(Buffer.from([0x1b, 0x65]));
});

test('UDH carries reference, total and sequence', () => {
  const { parts } = splitText('x'.repeat(400), { encoding: 'GSM7', method: 'udh16', reference: 0x1234 });
  expect(parts.map((p) => [...p.shortMessage.subarray(0, 7)])).toEqual([
    [0x06, 0x08, 0x04, 0x12, 0x34, 3, 1],
    [0x06, 0x08, 0x04, 0x12, 0x34, 3, 2],
    [0x06, 0x08, 0x04, 0x12, 0x34, 3, 3],
  ]);
  const sar = splitText('x'.repeat(200), { encoding: 'GSM7', method: 'sar', reference: 0x1234 });
  expect(sar.parts.map((p) => p.tlvs)).toEqual([
    { sar_msg_ref_num: 0x1234, sar_total_segments: 2, sar_segment_seqnum: 1 },
    { sar_msg_ref_num: 0x1234, sar_total_segments: 2, sar_segment_seqnum: 2 },
  ]);
});

test('GSM 03.38: basic and extension characters round-trip; others are not GSM', () => {
  const all = GSM_CHARS.join('');
  expect(decodeGsm(encodeGsm(all))).toBe(all);
  expect(encodeGsm('@€')).toEqual(Buffer.from([0x00, 0x1b, 0x65]));
  expect(gsmSeptets('€')).toBe(2);
  expect(isGsmText('hello ж')).toBe(false);
  expect(isGsmText('`')).toBe(false);
  expect(chooseEncoding('Grüezi', 'auto')).toBe('GSM7');
  expect(chooseEncoding('Grüße ç', 'auto')).toBe('UCS2');
});
