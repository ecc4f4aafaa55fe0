/**
 * Delivery receipts: deliver_sm with the receipt bit (esm_class & 0x04). The
 * TLVs receipted_message_id, message_state and network_error_code are trusted
 * first; the SMPP 3.4 Appendix B text fills in the rest.
 */
import { Tlv, type MessageBody } from '../codec/pdu';
import { DlrErrorInfo, PROVIDER_DLR_ERRORS } from '../errors/provider-tables';

export interface Receipt {
  messageId: string;
  /** The receipt's own word: DELIVRD, UNDELIV, EXPIRED, REJECTD, DELETED, ACCEPTD, UNKNOWN, ENROUTE … */
  status: string;
  delivered: boolean;
  final: boolean;
  errorCode: number;
  error: DlrErrorInfo | null;
  submitDate: string | null;
  doneDate: string | null;
  /** The sender of the original message (the receipt's destination_addr). */
  from: string;
  /** The number the original message went to (the receipt's source_addr). */
  to: string;
}

const STATE_WORDS: Record<number, string> = {
  1: 'ENROUTE', 2: 'DELIVRD', 3: 'EXPIRED', 4: 'DELETED', 5: 'UNDELIV', 6: 'ACCEPTD', 7: 'UNKNOWN', 8: 'REJECTD', 9: 'SKIPPED',
};
const FINAL_WORDS = new Set(['DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'REJECTD', 'SKIPPED']);

export function isReceipt(esmClass: number): boolean {
  return (esmClass & 0x04) !== 0;
}

export interface ReceiptFields {
  sourceAddr: string;
  destinationAddr: string;
  body: MessageBody;
}

export function parseReceipt({ sourceAddr, destinationAddr, body }: ReceiptFields, provider = 'custom'): Receipt {
  const payload = body.tlvs.get(Tlv.message_payload);
  const text = (payload && payload.length ? payload : body.shortMessage).toString('latin1');
  const field = (pattern: RegExp) => pattern.exec(text)?.[1];

  const tlvId = body.tlvs.get(Tlv.receipted_message_id);
  const messageId = tlvId ? cString(tlvId) : field(/\bid:\s*(\S+)/i) ?? '';
  const stateTlv = body.tlvs.get(Tlv.message_state);
  const status = (stateTlv?.length ? STATE_WORDS[stateTlv[0]] : undefined) ?? field(/\bstat:\s*(\w+)/i)?.toUpperCase() ?? 'UNKNOWN';
  const errorCode = networkErrorCode(body.tlvs.get(Tlv.network_error_code)) ?? errNumber(field(/\berr:\s*(\w+)/i));

  return {
    messageId,
    status,
    delivered: status === 'DELIVRD',
    final: FINAL_WORDS.has(status),
    errorCode,
    error: decodeDlrError(errorCode, provider),
    submitDate: receiptDate(field(/\bsubmit date:\s*(\d{10,12})/i)),
    doneDate: receiptDate(field(/\bdone date:\s*(\d{10,12})/i)),
    from: destinationAddr,
    to: sourceAddr,
  };
}

function cString(octets: Buffer): string {
  const zero = octets.indexOf(0);
  return octets.toString('latin1', 0, zero < 0 ? octets.length : zero);
}

/** network_error_code: network type (1 octet), then the error code (2 octets). */
function networkErrorCode(octets: Buffer | undefined): number | undefined {
  return octets && octets.length >= 3 ? octets.readUInt16BE(1) : undefined;
}

function errNumber(value: string | undefined): number {
  if (!value) return 0;
  const n = /^\d+$/.test(value) ? parseInt(value, 10) : parseInt(value, 16);
  return Number.isNaN(n) ? 0 : n;
}

export function decodeDlrError(code: number, provider: string): DlrErrorInfo | null {
  if (!code) return null;
  return PROVIDER_DLR_ERRORS[provider]?.get(code) ?? { code, category: 'UNKNOWN', description: `error code ${code} is not in the provider's table` };
}

/** yyMMddHHmm or yyMMddHHmmss (UTC, as Agile documents) → ISO 8601, or null when it is not a date. */
export function receiptDate(value: string | undefined): string | null {
  if (!value) return null;
  const [yy, mo, dd, hh, mi, ss = '00'] = value.match(/\d\d/g) ?? [];
  const iso = `20${yy}-${mo}-${dd}T${hh}:${mi}:${ss}Z`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== iso.slice(0, 19)) return null;
  return date.toISOString();
}
