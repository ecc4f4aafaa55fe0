import { parseReceipt, receiptDate } from '../../src/smpp/receive/receipt';
import type { MessageBody } from '../../src/smpp/codec/pdu';

function body(text: string, tlvs: [number, Buffer][] = []): MessageBody {
  return { esmClass: 0x04, dataCoding: 0, shortMessage: Buffer.from(text, 'latin1'), tlvs: new Map(tlvs) };
}
const cstr = (s: string) => Buffer.from(s + '\0', 'latin1');

test('Agile-style receipt: 12-digit dates, AGILE id, undelivered with an HLR error', () => {
  const r = parseReceipt({
    sourceAddr: '391234567890', destinationAddr: 'ACME',
    body: body('id:AGILE-1A2B3C4D-000001-000002-000003 sub:001 dlvrd:000 submit date:2604081430 done date:260408143052 stat:UNDELIV err:201 text:Hello'),
  }, 'agile');
  expect(r).toEqual({
    messageId: 'AGILE-1A2B3C4D-000001-000002-000003', status: 'UNDELIV', delivered: false, final: true,
    errorCode: 201, error: { code: 201, category: 'HLR ERROR', description: 'Absent subscriber' },
    submitDate: '2026-04-08T14:30:00.000Z', doneDate: '2026-04-08T14:30:52.000Z', from: 'ACME', to: '391234567890',
  });
});

test('eCall-style receipt with 10-digit dates, delivered', () => {
  const r = parseReceipt({ sourceAddr: '41791234567', destinationAddr: '41800000000', body: body('id:0123456789 sub:001 dlvrd:001 submit date:2611211200 done date:2611211201 stat:DELIVRD err:000 text:') }, 'ecall');
  expect(r).toMatchObject({ messageId: '0123456789', status: 'DELIVRD', delivered: true, final: true, errorCode: 0, error: null, doneDate: '2026-11-21T12:01:00.000Z' });
});

test('TLVs win over the text: receipted_message_id, message_state, network_error_code', () => {
  const r = parseReceipt({
    sourceAddr: '1', destinationAddr: '2',
    body: body('id:WRONG stat:DELIVRD err:000', [
      [0x001e, cstr('TLV-ID-1')], [0x0427, Buffer.from([3])], [0x0423, Buffer.from([3, 0x01, 0x99])],
    ]),
  }, 'agile');
  expect(r).toMatchObject({ messageId: 'TLV-ID-1', status: 'EXPIRED', delivered: false, final: true, errorCode: 409, error: { category: 'MSC ERROR', description: 'Unexpected data value' } });
});

test('intermediate receipts are not final; unknown codes are still explained', () => {
  const r = parseReceipt({ sourceAddr: '1', destinationAddr: '2', body: body('id:7 stat:ENROUTE err:777') }, 'agile');
  expect(r).toMatchObject({ final: false, delivered: false, errorCode: 777, error: { code: 777, category: 'UNKNOWN' } });
});

test('a receipt text in message_payload is read too', () => {
  const b = body('', [[0x0424, Buffer.from('id:PAY1 stat:REJECTD err:806', 'latin1')]]);
  expect(parseReceipt({ sourceAddr: '1', destinationAddr: '2', body: b }, 'agile')).toMatchObject({ messageId: 'PAY1', status: 'REJECTD', error: { category: 'SCREENING ERROR' } });
});

test('dates: 10 and 12 digits, nonsense gives null', () => {
  expect(receiptDate('2612312359')).toBe('2026-12-31T23:59:00.000Z');
  expect(receiptDate('261231235959')).toBe('2026-12-31T23:59:59.000Z');
  expect(receiptDate('2613312359')).toBeNull();
  expect(receiptDate(undefined)).toBeNull();
});
