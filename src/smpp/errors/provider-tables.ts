/**
 * The providers' own words for command_status and for delivery receipt error
 * codes, as published in their SMPP documents (shared/providers/).
 */
import { StatusInfo, StatusRow, toMap } from './command-status';

export interface DlrErrorInfo {
  code: number;
  category: string;
  description: string;
}

/** Agile Telecom's submit and bind errors, with the document's descriptions. */
const AGILE_STATUS: StatusRow[] = [
  [0x04, 'ESME_RINVBNDSTS', 'Bind not yet completed: send bind request first before submitting messages'],
  [0x05, 'ESME_RALYBND', 'User already bound: connection limit reached (default: 4). Close unused connections or request higher limits'],
  // The document lists "13 | 0x0E | Invalid credentials"; SMPP 3.4 has 0x0D bind failed and 0x0E invalid password. Both mean credentials.
  [0x0d, 'ESME_RBINDFAIL', 'Invalid credentials: check your SYSTEM ID and password'],
  [0x0e, 'ESME_RINVPASWD', 'Invalid credentials: check your SYSTEM ID and password'],
  [0x08, 'ESME_RSYSERR', 'System error: try again after a few seconds', true],
  [0x0a, 'ESME_RINVSRCADR', 'Invalid source address: the sender ID must be numeric (max 16 chars) or alphanumeric (max 11 chars)'],
  [0x0b, 'ESME_RINVDSTADR', 'Invalid destination address: use a valid international phone number (e.g. +391234567890)'],
  [0x15, 'ESME_RINVSERTYP', 'Invalid SYSTEM_TYPE: leave this field empty'],
  [0x58, 'ESME_RTHROTTLED', 'Throughput limit exceeded: sending too fast', true],
  [0x103, 'AGILE_INSUFFICIENT_CREDIT', 'Insufficient credit: your account balance is too low. Top up your credit'],
  [0x402, 'AGILE_SENDER_NOT_ALLOWED', 'Sender ID not allowed: the sender ID is blocked or not approved. Check your registered aliases or request approval'],
  [0x01, 'ESME_RINVMSGLEN', 'Invalid message length: message is too long (160 characters, or 70 for unicode)'],
  [0x45, 'ESME_RSUBMITFAIL', 'Text decoding failed: message encoding issue. Check character set and try again'],
  [0x61, 'ESME_RINVSCHED', 'Invalid scheduled delivery time'],
  [0x62, 'ESME_RINVEXPIRY', 'Invalid validity period: expiry time must be after current time'],
];

/** eCall publishes one custom status; the rest are SMPP 3.4. */
const ECALL_STATUS: StatusRow[] = [
  [0x401, 'ESME_RBILLINGFAILED', 'SMS billing failed because the account has insufficient credits'],
  [0x03, 'ESME_RINVCMDID', 'Command not supported by eCall (replace_sm, cancel_sm, submit_multi, data_sm and query_sm are not)'],
];

type DlrRow = [code: number, category: string, description: string];

const AGILE_DLR: DlrRow[] = [
  [101, 'ROUTING ERROR', 'No route found'],
  [102, 'ESME ERROR', 'ESME error'],
  ...(
    [
      'Absent subscriber', 'Facility not supported', 'System failure', 'Unexpected data value', 'Data missing',
      'Memory capacity exceeded', 'Mobile subscriber not reachable', 'Reject', 'Local Cancel', 'Abort',
      'Exception (internal)', 'Unknown subscriber', 'Teleservice not provisioned', 'Call barred',
      'Roaming not allowed', 'Bearer service not provisioned',
    ].map((description, i): DlrRow => [201 + i, 'HLR ERROR', description])
  ),
  [350, 'HLR ERROR', 'Unknown error'],
  ...(
    [
      'Unidentified subscriber', 'Absent subscriber, IMSI detached', 'Absent subscriber, no page response',
      'Subscriber busy for MT SMS', 'Facility not supported', 'Illegal subscriber', 'Illegal equipment',
      'System failure', 'Unexpected data value', 'Data missing', 'Memory capacity exceeded',
      'Equipment protocol error', 'Device not short message equipped', 'Reject', 'Local Cancel', 'Abort',
      'Exception (internal)', 'SM delivery failure', 'Temporary mobile error',
    ].map((description, i): DlrRow => [401 + i, 'MSC ERROR', description])
  ),
  [550, 'MSC ERROR', 'Unknown error'],
  [615, 'SMSC ERROR', 'Network Timeout'],
  [616, 'SMSC ERROR', 'Routing error'],
  [617, 'SMSC ERROR', 'Mobile device error'],
  [618, 'SMSC ERROR', 'Invalid text or charset'],
  [806, 'SCREENING ERROR', 'Destination blocked'],
  [901, 'ESME EXTERNAL ERROR', 'Invalid destination address'],
  [902, 'ESME EXTERNAL ERROR', 'Invalid source address'],
  [903, 'ESME EXTERNAL ERROR', 'Message queue full'],
  [904, 'ESME EXTERNAL ERROR', 'Invalid parameter'],
];

export const PROVIDER_STATUS: Readonly<Record<string, ReadonlyMap<number, StatusInfo>>> = {
  agile: toMap(AGILE_STATUS),
  ecall: toMap(ECALL_STATUS),
  custom: new Map(),
};

export const PROVIDER_DLR_ERRORS: Readonly<Record<string, ReadonlyMap<number, DlrErrorInfo>>> = {
  agile: new Map(AGILE_DLR.map(([code, category, description]) => [code, { code, category, description }])),
  ecall: new Map(),
  custom: new Map(),
};
