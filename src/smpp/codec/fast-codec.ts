/**
 * Hand-written encoding and decoding for the PDUs on the hot path: submit_sm
 * and deliver_sm (both ways) and the short responses. Byte for byte what the
 * `smpp` package writes (a test compares them), at a fraction of its cost:
 * its generic codec walks every parameter and filter for every PDU. Anything
 * else, or any field this does not know, goes through the package.
 */
import { CommandId } from './command-ids';
import { HEADER_LENGTH } from './frame-reader';

type Fields = Record<string, unknown>;

const MESSAGE_COMMANDS: Record<string, number> = { submit_sm: CommandId.submit_sm, deliver_sm: CommandId.deliver_sm };

/** SMPP 3.4 mandatory parameters of submit_sm / deliver_sm, in order. */
const MANDATORY: [name: string, kind: 'c' | '1'][] = [
  ['service_type', 'c'], ['source_addr_ton', '1'], ['source_addr_npi', '1'], ['source_addr', 'c'],
  ['dest_addr_ton', '1'], ['dest_addr_npi', '1'], ['destination_addr', 'c'], ['esm_class', '1'],
  ['protocol_id', '1'], ['priority_flag', '1'], ['schedule_delivery_time', 'c'], ['validity_period', 'c'],
  ['registered_delivery', '1'], ['replace_if_present_flag', '1'], ['data_coding', '1'], ['sm_default_msg_id', '1'],
];
const MANDATORY_NAMES = new Set([...MANDATORY.map(([name]) => name), 'short_message', 'sequence_number', 'command_status']);

/** Optional parameters we write ourselves: tag and value type. */
const TLVS: Record<string, [tag: number, kind: '1' | '2' | 'buffer' | 'c']> = {
  sar_msg_ref_num: [0x020c, '2'],
  sar_total_segments: [0x020e, '1'],
  sar_segment_seqnum: [0x020f, '1'],
  message_payload: [0x0424, 'buffer'],
  receipted_message_id: [0x001e, 'c'],
  message_state: [0x0427, '1'],
  network_error_code: [0x0423, 'buffer'],
};

function cstringLength(value: unknown): number {
  return Buffer.byteLength(String(value ?? ''), 'ascii') + 1;
}

/** submit_sm or deliver_sm, or undefined when a field needs the package's codec. */
export function encodeMessagePdu(command: string, sequence: number, fields: Fields): Buffer | undefined {
  const commandId = MESSAGE_COMMANDS[command];
  if (commandId === undefined) return undefined;
  let length = HEADER_LENGTH;
  const tlvs: [string, number, string, unknown][] = [];
  for (const key in fields) {
    if (MANDATORY_NAMES.has(key)) continue;
    const tlv = TLVS[key];
    if (!tlv) return undefined;
    if (fields[key] === undefined) continue;
    tlvs.push([key, tlv[0], tlv[1], fields[key]]);
  }
  const shortMessage = fields.short_message ?? Buffer.alloc(0);
  if (!Buffer.isBuffer(shortMessage) || shortMessage.length > 254) return undefined;
  // The package rewrites short time strings; we only write full 16-character ones (or none).
  for (const time of [fields.schedule_delivery_time, fields.validity_period]) if (time && String(time).length !== 16) return undefined;
  for (const [name, kind] of MANDATORY) length += kind === 'c' ? cstringLength(fields[name]) : 1;
  length += 1 + shortMessage.length;
  for (const [, , kind, value] of tlvs) length += 4 + tlvSize(kind, value);

  const out = Buffer.allocUnsafe(length);
  out.writeUInt32BE(length, 0);
  out.writeUInt32BE(commandId, 4);
  out.writeUInt32BE(0, 8);
  out.writeUInt32BE(sequence, 12);
  let offset = HEADER_LENGTH;
  for (const [name, kind] of MANDATORY) {
    if (kind === 'c') offset = writeCString(out, offset, fields[name]);
    else out[offset++] = Number(fields[name] ?? 0) & 0xff;
  }
  out[offset++] = shortMessage.length;
  offset += shortMessage.copy(out, offset);
  for (const [, tag, kind, value] of tlvs) {
    const size = tlvSize(kind, value);
    out.writeUInt16BE(tag, offset);
    out.writeUInt16BE(size, offset + 2);
    offset += 4;
    if (kind === '1') out[offset] = Number(value) & 0xff;
    else if (kind === '2') out.writeUInt16BE(Number(value) & 0xffff, offset);
    else if (kind === 'c') writeCString(out, offset, value);
    else (value as Buffer).copy(out, offset);
    offset += size;
  }
  return out;
}

function tlvSize(kind: string, value: unknown): number {
  if (kind === '1') return 1;
  if (kind === '2') return 2;
  if (kind === 'c') return cstringLength(value);
  return (value as Buffer).length;
}

function writeCString(out: Buffer, offset: number, value: unknown): number {
  const written = out.write(String(value ?? ''), offset, 'ascii');
  out[offset + written] = 0;
  return offset + written + 1;
}

/** A response whose body is at most one C-string (message_id, system_id), or undefined. */
export function encodeShortResponse(commandId: number, sequence: number, status: number, body: string | undefined): Buffer {
  // The package writes no body when the status is an error.
  const bodyLength = status === 0 && body !== undefined ? cstringLength(body) : 0;
  const out = Buffer.allocUnsafe(HEADER_LENGTH + bodyLength);
  out.writeUInt32BE(out.length, 0);
  out.writeUInt32BE(commandId >>> 0, 4);
  out.writeUInt32BE(status >>> 0, 8);
  out.writeUInt32BE(sequence, 12);
  if (bodyLength) writeCString(out, HEADER_LENGTH, body);
  return out;
}

/** Mandatory fields of a submit_sm/deliver_sm frame (short_message as raw octets). Throws RangeError when truncated. */
export function decodeMessageFields(frame: Buffer): Fields {
  return readMandatory(frame).fields;
}

/** The mandatory part of a submit_sm/deliver_sm frame, and where its optional parameters start. */
export function readMandatory(frame: Buffer): { fields: Fields; next: number } {
  const end = frame.readUInt32BE(0);
  const fields: Fields = {};
  let offset = HEADER_LENGTH;
  for (const [name, kind] of MANDATORY) {
    if (offset >= end) throw new RangeError('message body ends early');
    if (kind === '1') {
      fields[name] = frame[offset++];
      continue;
    }
    const zero = frame.indexOf(0, offset);
    if (zero < 0 || zero >= end) throw new RangeError(`unterminated ${name}`);
    fields[name] = frame.toString('ascii', offset, zero);
    offset = zero + 1;
  }
  if (offset >= end) throw new RangeError('message body ends early');
  const smLength = frame[offset++];
  if (offset + smLength > end) throw new RangeError('short_message runs past the PDU');
  fields.short_message = frame.subarray(offset, offset + smLength);
  return { fields, next: offset + smLength };
}

/** The one C-string body of a response (message_id / system_id), if any. */
export function decodeResponseBody(frame: Buffer): string | undefined {
  const end = frame.readUInt32BE(0);
  if (end <= HEADER_LENGTH) return undefined;
  const zero = frame.indexOf(0, HEADER_LENGTH);
  return frame.toString('ascii', HEADER_LENGTH, zero < 0 || zero > end ? end : zero);
}
