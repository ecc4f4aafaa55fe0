/** SMPP 3.4 command_id values the engine names (5.1.2.1); a response is its request's id with the top bit set. */
export const CommandId = {
  generic_nack: 0x80000000,
  bind_receiver: 0x00000001,
  bind_transmitter: 0x00000002,
  submit_sm: 0x00000004,
  deliver_sm: 0x00000005,
  unbind: 0x00000006,
  bind_transceiver: 0x00000009,
  enquire_link: 0x00000015,
} as const;

export const RESPONSE_BIT = 0x80000000;

/** The response id of a request id, as an unsigned 32-bit number. */
export function responseId(requestId: number): number {
  return (requestId | RESPONSE_BIT) >>> 0;
}
