/** The hand-written hot-path codec writes and reads exactly what the `smpp` package does. */
import fc from 'fast-check';
import { PDU } from 'smpp';
import { decodePdu, encodePdu } from '../../src/smpp/codec/pdu';

const ascii = (max: number) => fc.string({ unit: fc.constantFrom(...'abcXYZ0123456789+ '.split('')), maxLength: max });
const octet = fc.integer({ min: 0, max: 255 });
const smppTime = fc.oneof(fc.constant(''), fc.constantFrom('261224180000000+', '000001000000000R'));

const messageFields = fc.record({
  service_type: ascii(5), source_addr_ton: octet, source_addr_npi: octet, source_addr: ascii(20),
  dest_addr_ton: octet, dest_addr_npi: octet, destination_addr: ascii(20), esm_class: octet, protocol_id: octet,
  priority_flag: octet, schedule_delivery_time: smppTime, validity_period: smppTime, registered_delivery: octet,
  replace_if_present_flag: octet, data_coding: octet, sm_default_msg_id: octet,
  short_message: fc.uint8Array({ maxLength: 254 }).map((a) => Buffer.from(a)),
});
const tlvs = fc.record({
  sar_msg_ref_num: fc.integer({ min: 0, max: 0xffff }), sar_total_segments: octet, sar_segment_seqnum: octet,
  message_payload: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)), receipted_message_id: ascii(30),
  message_state: octet, network_error_code: fc.uint8Array({ minLength: 3, maxLength: 3 }).map((a) => Buffer.from(a)),
}, { requiredKeys: [] });

test('property: submit_sm and deliver_sm bytes equal the package\'s, and decode back', () => {
  fc.assert(
    fc.property(fc.constantFrom('submit_sm', 'deliver_sm'), messageFields, tlvs, fc.integer({ min: 1, max: 0x7fffffff }), (command, fields, optional, sequence) => {
      const all = { ...fields, ...optional };
      const ours = encodePdu(command, sequence, all);
      const theirs = new PDU(command, { ...all, sequence_number: sequence }).toBuffer();
      expect(ours.equals(theirs)).toBe(true);
      const decoded = decodePdu(ours);
      expect(decoded).toMatchObject({ command, sequence, status: 0 });
      for (const key of ['source_addr', 'destination_addr', 'registered_delivery', 'esm_class', 'data_coding']) {
        expect(decoded.fields[key]).toEqual((fields as Record<string, unknown>)[key]);
      }
      expect(Buffer.compare(decoded.fields.short_message as Buffer, fields.short_message)).toBe(0);
    }),
    { numRuns: 300 },
  );
});

test('short responses: same bytes as the package, with and without an error status', () => {
  const cases: [string, Record<string, unknown>, number][] = [
    ['submit_sm_resp', { message_id: 'AGILE-1' }, 0], ['submit_sm_resp', {}, 0], ['submit_sm_resp', {}, 0x58],
    ['deliver_sm_resp', { message_id: '' }, 0], ['bind_transceiver_resp', { system_id: 'SMSC' }, 0],
    ['bind_transceiver_resp', { system_id: 'SMSC' }, 0x0e], ['enquire_link_resp', {}, 0], ['unbind_resp', {}, 0], ['generic_nack', {}, 3],
  ];
  for (const [command, fields, status] of cases) {
    const ours = encodePdu(command, 42, fields, status);
    const theirs = new PDU(command, { ...fields, sequence_number: 42, command_status: status }).toBuffer();
    expect({ command, bytes: ours.toString('hex') }).toEqual({ command, bytes: theirs.toString('hex') });
    expect(decodePdu(ours)).toMatchObject({ command, sequence: 42, status });
  }
  expect(decodePdu(encodePdu('submit_sm_resp', 1, { message_id: 'X-1' })).fields).toEqual({ message_id: 'X-1' });
});

test('PDUs it does not handle still go through the package', () => {
  const bind = encodePdu('bind_transceiver', 7, { system_id: 'test', password: 'secret', interface_version: 0x34 });
  expect(decodePdu(bind)).toMatchObject({ command: 'bind_transceiver', fields: { system_id: 'test', password: 'secret' } });
  const odd = encodePdu('submit_sm', 8, { destination_addr: '41', short_message: Buffer.from('x'), user_message_reference: 5 });
  expect(odd.equals(new PDU('submit_sm', { destination_addr: '41', short_message: Buffer.from('x'), user_message_reference: 5, sequence_number: 8 }).toBuffer())).toBe(true);
});
