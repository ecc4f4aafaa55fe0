/**
 * SMPP 3.4 command_status values (section 5.1.3) with a plain-words description
 * and whether sending the same PDU again later can succeed.
 */
export interface StatusInfo {
  status: number;
  name: string;
  description: string;
  retryable: boolean;
}

type Row = [status: number, name: string, description: string, retryable?: boolean];

const SMPP_34: Row[] = [
  [0x00, 'ESME_ROK', 'No error'],
  [0x01, 'ESME_RINVMSGLEN', 'Message length is invalid'],
  [0x02, 'ESME_RINVCMDLEN', 'Command length is invalid'],
  [0x03, 'ESME_RINVCMDID', 'Invalid command ID (command not supported)'],
  [0x04, 'ESME_RINVBNDSTS', 'Incorrect bind status for given command'],
  [0x05, 'ESME_RALYBND', 'ESME already in bound state'],
  [0x06, 'ESME_RINVPRTFLG', 'Invalid priority flag'],
  [0x07, 'ESME_RINVREGDLVFLG', 'Invalid registered delivery flag'],
  [0x08, 'ESME_RSYSERR', 'System error', true],
  [0x0a, 'ESME_RINVSRCADR', 'Invalid source address'],
  [0x0b, 'ESME_RINVDSTADR', 'Invalid destination address'],
  [0x0c, 'ESME_RINVMSGID', 'Message ID is invalid'],
  [0x0d, 'ESME_RBINDFAIL', 'Bind failed'],
  [0x0e, 'ESME_RINVPASWD', 'Invalid password'],
  [0x0f, 'ESME_RINVSYSID', 'Invalid system ID'],
  [0x11, 'ESME_RCANCELFAIL', 'Cancel SM failed'],
  [0x13, 'ESME_RREPLACEFAIL', 'Replace SM failed'],
  [0x14, 'ESME_RMSGQFUL', 'Message queue full', true],
  [0x15, 'ESME_RINVSERTYP', 'Invalid service type'],
  [0x33, 'ESME_RINVNUMDESTS', 'Invalid number of destinations'],
  [0x34, 'ESME_RINVDLNAME', 'Invalid distribution list name'],
  [0x40, 'ESME_RINVDESTFLAG', 'Destination flag is invalid (submit_multi)'],
  [0x42, 'ESME_RINVSUBREP', "Invalid 'submit with replace' request"],
  [0x43, 'ESME_RINVESMCLASS', 'Invalid esm_class field data'],
  [0x44, 'ESME_RCNTSUBDL', 'Cannot submit to distribution list'],
  [0x45, 'ESME_RSUBMITFAIL', 'submit_sm or submit_multi failed'],
  [0x48, 'ESME_RINVSRCTON', 'Invalid source address TON'],
  [0x49, 'ESME_RINVSRCNPI', 'Invalid source address NPI'],
  [0x50, 'ESME_RINVDSTTON', 'Invalid destination address TON'],
  [0x51, 'ESME_RINVDSTNPI', 'Invalid destination address NPI'],
  [0x53, 'ESME_RINVSYSTYP', 'Invalid system_type field'],
  [0x54, 'ESME_RINVREPFLAG', 'Invalid replace_if_present flag'],
  [0x55, 'ESME_RINVNUMMSGS', 'Invalid number of messages'],
  [0x58, 'ESME_RTHROTTLED', 'Throttling error (ESME has exceeded allowed message limits)', true],
  [0x61, 'ESME_RINVSCHED', 'Invalid scheduled delivery time'],
  [0x62, 'ESME_RINVEXPIRY', 'Invalid message validity period (expiry time)'],
  [0x63, 'ESME_RINVDFTMSGID', 'Predefined message invalid or not found'],
  [0x64, 'ESME_RX_T_APPN', 'ESME receiver temporary app error code', true],
  [0x65, 'ESME_RX_P_APPN', 'ESME receiver permanent app error code'],
  [0x66, 'ESME_RX_R_APPN', 'ESME receiver reject message error code'],
  [0x67, 'ESME_RQUERYFAIL', 'query_sm request failed'],
  [0xc0, 'ESME_RINVOPTPARSTREAM', 'Error in the optional part of the PDU body'],
  [0xc1, 'ESME_ROPTPARNOTALLWD', 'Optional parameter not allowed'],
  [0xc2, 'ESME_RINVPARLEN', 'Invalid parameter length'],
  [0xc3, 'ESME_RMISSINGOPTPARAM', 'Expected optional parameter missing'],
  [0xc4, 'ESME_RINVOPTPARAMVAL', 'Invalid optional parameter value'],
  [0xfe, 'ESME_RDELIVERYFAILURE', 'Delivery failure (used for data_sm_resp)'],
  [0xff, 'ESME_RUNKNOWNERR', 'Unknown error'],
];

export const SMPP_STATUS: ReadonlyMap<number, StatusInfo> = toMap(SMPP_34);

export function toMap(rows: Row[]): Map<number, StatusInfo> {
  return new Map(rows.map(([status, name, description, retryable = false]) => [status, { status, name, description, retryable }]));
}

export type { Row as StatusRow };

/** Statuses that mean the credentials or the account are wrong: retrying soon cannot help. */
export const CREDENTIAL_STATUSES: ReadonlySet<number> = new Set([0x0d, 0x0e, 0x0f]);
