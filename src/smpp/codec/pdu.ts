/**
 * A typed face over the `smpp` package's PDU codec. We encode and decode whole
 * frames with it, and read the raw octets of short_message and the TLVs
 * ourselves: its text decoding is lossy (IA5 guesses, lone surrogates), and
 * reassembly must join bytes, not strings.
 */
import { PDU } from 'smpp';
import { decodeMessageFields, decodeResponseBody, encodeMessagePdu, encodeShortResponse, readMandatory } from './fast-codec';
import { CommandId, RESPONSE_BIT, responseId } from './command-ids';

export { CommandId };

export const MAX_PDU_LENGTH = PDU.maxLength;



export type PduFields = Record<string, unknown>;

export interface InboundPdu {
  command: string;
  commandId: number;
  status: number;
  sequence: number;
  isResponse: boolean;
  fields: PduFields;
  frame: Buffer;
  /** Set when the codec could not read the body; the header is always readable. */
  decodeError?: Error;
}

/** Responses whose body is one C-string, by command id, with that string's name. */
const SHORT_RESPONSES: Record<number, [command: string, field: string]> = {
  [responseId(CommandId.submit_sm)]: ['submit_sm_resp', 'message_id'],
  [responseId(CommandId.deliver_sm)]: ['deliver_sm_resp', 'message_id'],
  [responseId(CommandId.bind_receiver)]: ['bind_receiver_resp', 'system_id'],
  [responseId(CommandId.bind_transmitter)]: ['bind_transmitter_resp', 'system_id'],
  [responseId(CommandId.bind_transceiver)]: ['bind_transceiver_resp', 'system_id'],
  [responseId(CommandId.unbind)]: ['unbind_resp', ''],
  [responseId(CommandId.enquire_link)]: ['enquire_link_resp', ''],
  [CommandId.generic_nack]: ['generic_nack', ''],
};

export function decodePdu(frame: Buffer): InboundPdu {
  const commandId = frame.readUInt32BE(4);
  const status = frame.readUInt32BE(8);
  const sequence = frame.readUInt32BE(12);
  const short = SHORT_RESPONSES[commandId];
  if (short) {
    // The hot path (one per message sent): no spread, no package.
    const body = short[1] ? decodeResponseBody(frame) : undefined;
    return { commandId, status, sequence, isResponse: true, frame, command: short[0], fields: body === undefined ? {} : { [short[1]]: body } };
  }
  const head = { commandId, status, sequence, isResponse: (commandId & RESPONSE_BIT) !== 0, frame };
  try {
    if (commandId === CommandId.submit_sm || commandId === CommandId.deliver_sm) {
      return { ...head, command: commandId === CommandId.submit_sm ? 'submit_sm' : 'deliver_sm', fields: decodeMessageFields(frame) };
    }
    const pdu = new PDU(frame);
    const fields: PduFields = {};
    for (const key of Object.keys(pdu)) fields[key] = pdu[key];
    return { ...head, command: pdu.command, fields };
  } catch (error) {
    return { ...head, command: commandName(commandId), fields: {}, decodeError: error as Error };
  }
}

export function encodePdu(command: string, sequence: number, fields: PduFields = {}, status = 0): Buffer {
  const fast = status === 0 ? encodeMessagePdu(command, sequence, fields) : undefined;
  if (fast) return fast;
  const short = SHORT_RESPONSE_IDS[command];
  if (short !== undefined && Object.keys(fields).every((k) => k === 'message_id' || k === 'system_id')) {
    const field = SHORT_RESPONSES[short][1];
    return encodeShortResponse(short, sequence, status, field ? String(fields[field] ?? '') : undefined);
  }
  const pdu = new PDU(command, { ...fields, sequence_number: sequence, command_status: status });
  return pdu.toBuffer();
}

const SHORT_RESPONSE_IDS: Record<string, number> = Object.fromEntries(Object.entries(SHORT_RESPONSES).map(([id, [command]]) => [command, Number(id)]));

export function commandName(commandId: number): string {
  for (const [name, id] of Object.entries(CommandId)) if (id === commandId) return name;
  const request = commandId & ~RESPONSE_BIT;
  for (const [name, id] of Object.entries(CommandId)) {
    if (id === request && commandId !== request) return `${name}_resp`;
  }
  return 'unknown';
}

export interface MessageBody {
  esmClass: number;
  dataCoding: number;
  shortMessage: Buffer;
  /** Optional parameters by tag, raw value octets. */
  tlvs: Map<number, Buffer>;
}

/**
 * Reads esm_class, data_coding, the raw short_message and the TLVs of a
 * submit_sm or deliver_sm frame (both share this layout). Throws RangeError on
 * a truncated body.
 */
export function readMessageBody(frame: Buffer): MessageBody {
  const end = frame.readUInt32BE(0);
  const { fields, next } = readMandatory(frame);
  const tlvs = new Map<number, Buffer>();
  let offset = next;
  while (offset + 4 <= end) {
    const tag = frame.readUInt16BE(offset);
    const length = frame.readUInt16BE(offset + 2);
    offset += 4;
    if (offset + length > end) throw new RangeError(`TLV 0x${tag.toString(16)} runs past the PDU`);
    tlvs.set(tag, frame.subarray(offset, offset + length));
    offset += length;
  }
  return { esmClass: fields.esm_class as number, dataCoding: fields.data_coding as number, shortMessage: fields.short_message as Buffer, tlvs };
}

/**
 * The octets that carry the text (message_payload when present, else
 * short_message), with the UDH split off when esm_class says there is one.
 */
export function splitUdh(body: MessageBody): { udh?: Buffer; octets: Buffer } {
  const payload = body.tlvs.get(Tlv.message_payload);
  const octets = payload && payload.length ? payload : body.shortMessage;
  if (!(body.esmClass & 0x40) || octets.length === 0) return { octets };
  const udhLength = Math.min(octets[0] + 1, octets.length);
  return { udh: octets.subarray(0, udhLength), octets: octets.subarray(udhLength) };
}

export const Tlv = {
  sar_msg_ref_num: 0x020c,
  sar_total_segments: 0x020e,
  sar_segment_seqnum: 0x020f,
  receipted_message_id: 0x001e,
  message_state: 0x0427,
  network_error_code: 0x0423,
  message_payload: 0x0424,
} as const;
