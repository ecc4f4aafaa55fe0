/**
 * Fuzzed bad input for the send front ends: a valid message with exactly one
 * field broken, and that field (what the error must name). Values are JSON,
 * so the same cases can travel as n8n items. Field names are the engine's;
 * each front end maps them to its own (msg.payload, Options › Encoding…).
 */
import fc from 'fast-check';

export type Field = 'to' | 'from' | 'text' | 'encoding' | 'multipart' | 'validity' | 'schedule' | 'flash' | 'registeredDelivery';

export interface BadInput {
  field: Field;
  /** The whole message by the engine's names; only `field` is wrong. */
  message: { to: unknown; text: unknown } & Partial<Record<Field, unknown>>;
}

/** What both front ends' tests configure: at most 10 SMS parts per message. */
export const MAX_PARTS = 10;

const chars = (alphabet: string, minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });
const letters = (min: number, max: number) => chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', min, max);
const digits = (min: number, max: number) => chars('0123456789', min, max);
const objects = fc.oneof(fc.constant({}), fc.dictionary(letters(1, 4), fc.integer(), { minKeys: 1, maxKeys: 2 }), fc.array(fc.integer(), { maxLength: 3 }));
const notBoolean = fc.oneof(letters(1, 6), fc.constantFrom('true', 'false', 'yes'), fc.integer(), objects);
const pastIso = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2025-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** Longer than MAX_PARTS SMS in the alphabet the text forces (153 GSM 7-bit or 67 UCS-2 characters a part). */
const tooLongText = fc.oneof(
  fc.tuple(fc.constantFrom('x', 'Disk full. ', 'Zürich 42 '), fc.integer({ min: MAX_PARTS * 153 + 1, max: 4000 })).map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  fc.tuple(fc.constantFrom('ж', 'Привет ', '你好'), fc.integer({ min: MAX_PARTS * 67 + 1, max: 1500 })).map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
);

const badValues: Record<Field, fc.Arbitrary<unknown>> = {
  to: fc.oneof(
    fc.constantFrom('', '+', ' ', '00'),
    fc.tuple(digits(0, 6), letters(1, 3), digits(0, 6)).map((p) => p.join('')),
    fc.tuple(fc.constantFrom('', '+', '00'), chars('123456789', 1, 1), digits(15, 23)).map((p) => p.join('')),
    fc.double({ min: 1e15, max: 1e20, noNaN: true }).map(Math.floor),
    fc.boolean(), objects,
  ),
  from: fc.oneof(
    letters(12, 20),
    fc.tuple(fc.constantFrom('', '+'), digits(17, 24)).map((p) => p.join('')),
    fc.tuple(letters(1, 5), fc.constantFrom('é', 'ñ', '€', '😀', '{', '^', '~', '[', '|', '\\', '`', '\u0001')).map((p) => p.join('')),
    fc.boolean(), objects,
  ),
  text: fc.oneof(fc.constant(''), fc.constant(null), objects, tooLongText),
  encoding: fc.oneof(letters(1, 8).filter((s) => !['auto', 'gsm7', 'gsm', 'ucs2', 'latin1'].includes(s.toLowerCase())), fc.integer(), fc.boolean(), objects),
  multipart: fc.oneof(letters(1, 8).filter((s) => !['udh8', 'udh16', 'sar', 'payload'].includes(s)), fc.integer(), fc.boolean(), objects),
  validity: fc.oneof(
    fc.integer({ min: -1_000_000, max: -1 }), fc.integer({ min: 2_592_001, max: 2 ** 31 - 1 }),
    fc.double({ min: 1.01, max: 1000, noNaN: true }).filter((n) => !Number.isInteger(n)),
    letters(1, 10), pastIso, fc.constant('2031-02-30T25:61:00Z'), fc.boolean(), objects,
  ),
  schedule: fc.oneof(letters(1, 10), pastIso, fc.constantFrom('2031-13-45T00:00:00Z', '2031-02-30T25:61:00Z'), fc.integer(), fc.boolean(), objects),
  flash: notBoolean,
  registeredDelivery: notBoolean,
};

const validTo = fc.constantFrom('+41791234567', '0041 79 123 45 67', '41790000000', '+39 333 123 4567');
const validText = fc.constantFrom('Disk full on db-1', 'Grüezi', 'Backup failed 3x', 'Привет');

/** One case: which field is broken, and the message around it. */
export const badInput: fc.Arbitrary<BadInput> = fc
  .constantFrom(...(Object.keys(badValues) as Field[]))
  .chain((field) => fc.record({ field: fc.constant(field), bad: badValues[field], to: validTo, text: validText }))
  .map(({ field, bad, to, text }) => ({ field, message: { to, text, [field]: bad } }));

/** A text in GSM 7-bit that a GSM7-only encoding must refuse by the encoding's name: the one incompatible pair. */
export const badEncodingForText: fc.Arbitrary<BadInput> = fc
  .tuple(fc.constantFrom('GSM7', 'LATIN1'), fc.constantFrom('Привет', 'ok 😀', '你好'))
  .map(([encoding, text]) => ({ field: 'encoding' as const, message: { to: '+41791234567', text, encoding } }));

/** Every kind of bad input, the incompatible encoding included. */
export const anyBadInput = fc.oneof({ arbitrary: badInput, weight: 19 }, { arbitrary: badEncodingForText, weight: 1 });

/** A refusal as the user reads it: "<field as they know it>: <rule>". */
export function expectedMessage(label: string): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}: (is required|must|needs \\d+ SMS parts|an? (alphanumeric|numeric) sender id|as a number|(GSM7|LATIN1) cannot carry)`);
}
