import { FrameReader, FramingError } from '../../src/smpp/codec/frame-reader';
import { decodePdu, encodePdu, readMessageBody } from '../../src/smpp/codec/pdu';
import { CorrelationStore } from '../../src/smpp/receive/correlation-store';
import { RateLimiter } from '../../src/smpp/submit/rate-limiter';
import { backoffDelay } from '../../src/smpp/session/link-errors';

test('frames are cut at command_length across chunk borders; a bad length is refused', () => {
  const a = encodePdu('enquire_link', 1);
  const b = encodePdu('submit_sm', 2, { destination_addr: '41', short_message: Buffer.from('hi'), data_coding: 0 });
  const stream = Buffer.concat([a, b]);
  const reader = new FrameReader(4096);
  const frames = [...reader.push(stream.subarray(0, 5)), ...reader.push(stream.subarray(5, 20)), ...reader.push(stream.subarray(20))];
  expect(frames.map((f) => decodePdu(f).command)).toEqual(['enquire_link', 'submit_sm']);
  expect(reader.pendingBytes).toBe(0);
  expect(() => new FrameReader(4096).push(Buffer.from([0, 0, 0, 8, 0, 0, 0, 0]))).toThrow(FramingError);
  expect(() => new FrameReader(4096).push(Buffer.from([0, 0, 0x20, 0]))).toThrow(/command_length 8192/);
});

test('raw message body: short_message octets and TLVs as sent', () => {
  const frame = encodePdu('deliver_sm', 9, { source_addr: '4179', destination_addr: '4178', esm_class: 0x40, data_coding: 8, short_message: Buffer.from([5, 0, 3, 1, 2, 1, 0xd8, 0x3d]), sar_msg_ref_num: 7 });
  const body = readMessageBody(frame);
  expect(body).toMatchObject({ esmClass: 0x40, dataCoding: 8 });
  expect([...body.shortMessage]).toEqual([5, 0, 3, 1, 2, 1, 0xd8, 0x3d]);
  expect(body.tlvs.get(0x020c)).toEqual(Buffer.from([0, 7]));
  expect(() => readMessageBody(frame.subarray(0, 30))).toThrow(RangeError);
});

test('a body the codec cannot read still yields its header', () => {
  const frame = Buffer.concat([encodePdu('deliver_sm', 5, { short_message: Buffer.from('x') }).subarray(0, 16), Buffer.from([0xff, 0xff])]);
  frame.writeUInt32BE(frame.length, 0);
  const pdu = decodePdu(frame);
  expect(pdu.sequence).toBe(5);
  expect(pdu.command).toBe('deliver_sm');
});

test('correlation store: TTL and size cap, oldest first', () => {
  const store = new CorrelationStore<number>(1000, 3);
  for (let i = 0; i < 5; i++) store.set(`m${i}`, i, 0);
  expect(store.size).toBe(3);
  expect(store.get('m0', 1)).toBeUndefined();
  expect(store.get('m4', 1)).toBe(4);
  expect(store.get('m4', 1000)).toBeUndefined();
});

test('rate limit: evenly spaced, and never more than the rate in any window of one second', () => {
  const bucket = new RateLimiter(100);
  const sent: number[] = [];
  for (let t = 0; t <= 10_000; t++) while (bucket.take(t)) sent.push(t);
  expect(sent.length).toBeGreaterThanOrEqual(980);
  expect(sent.length).toBeLessThanOrEqual(1001);
  for (let i = 100; i < sent.length; i++) expect(sent[i] - sent[i - 100]).toBeGreaterThanOrEqual(1000);
  for (let i = 1; i < sent.length; i++) expect(sent[i] - sent[i - 1]).toBeGreaterThanOrEqual(5);
  expect(Math.max(...sent.slice(1).map((t, i) => t - sent[i]))).toBeLessThanOrEqual(30);
  // A send that went late is followed half a step later: never two at once.
  const late = new RateLimiter(100);
  late.take(0);
  expect([late.take(25), late.take(25), late.take(29), late.take(30)]).toEqual([true, false, false, true]);
  expect(new RateLimiter(0).take()).toBe(true);
  const slow = new RateLimiter(10);
  slow.take(0);
  expect(slow.waitMs(0)).toBe(100);
});

test('backoff grows from min to max with jitter', () => {
  expect(backoffDelay(0, 1000, 60000, () => 0)).toBe(500);
  expect(backoffDelay(0, 1000, 60000, () => 1)).toBe(1000);
  expect(backoffDelay(3, 1000, 60000, () => 1)).toBe(8000);
  expect(backoffDelay(10, 1000, 60000, () => 1)).toBe(60000);
});
