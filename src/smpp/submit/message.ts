/**
 * The first step of the submit pipeline: check a message the user gave us and
 * turn it into the submit_sm PDUs that carry it. Every rule names its field;
 * nothing is sent when a rule fails.
 */
import { inputError } from '../errors/smpp-error';
import { canEncode, chooseEncoding, Encoding, EncodingChoice, FLASH_DATA_CODING } from '../text/encoding';
import { countParts, measure, MultipartMethod, splitText, SplitMessage } from '../text/split';
import { Address, describeType, destinationAddress, overrideTonNpi, senderAddress } from './addresses';
import { scheduleTime, validityTime } from './smpp-time';
import type { PduFields } from '../codec/pdu';

/** What a caller asks to send. Field names are the engine's; front ends map theirs onto them. */
export interface SendRequest {
  to: unknown;
  from?: unknown;
  text: unknown;
  registeredDelivery?: unknown;
  encoding?: unknown;
  multipart?: unknown;
  validity?: unknown;
  schedule?: unknown;
  flash?: unknown;
  sourceTon?: unknown;
  sourceNpi?: unknown;
  destTon?: unknown;
  destNpi?: unknown;
}

export interface MessageDefaults {
  from?: string;
  registeredDelivery: boolean;
  encoding: EncodingChoice;
  multipart: MultipartMethod;
  maxParts: number;
  serviceType: string;
}

export interface PreparedMessage {
  destination: Address;
  source: Address;
  encoding: Encoding;
  split: SplitMessage;
  /** One submit_sm's fields per part. */
  pdus: PduFields[];
}

const ENCODINGS: Record<string, EncodingChoice> = { auto: 'auto', gsm7: 'GSM7', gsm: 'GSM7', ucs2: 'UCS2', latin1: 'LATIN1' };
const METHODS: readonly MultipartMethod[] = ['udh8', 'udh16', 'sar', 'payload'];

export function prepareMessage(request: SendRequest, defaults: MessageDefaults, reference: number, now = Date.now()): PreparedMessage {
  const text = messageText(request.text);
  const destination = overrideTonNpi(destinationAddress(request.to), request.destTon, request.destNpi, 'dest');
  const source = overrideTonNpi(senderAddress(request.from ?? defaults.from), request.sourceTon, request.sourceNpi, 'source');
  const encoding = resolveEncoding(text, pickEncoding(request.encoding ?? defaults.encoding));
  const method = pickMethod(request.multipart ?? defaults.multipart);
  const flash = optionalBoolean(request.flash, 'flash', false);
  const registered = optionalBoolean(request.registeredDelivery, 'registeredDelivery', defaults.registeredDelivery);
  const schedule = scheduleTime(request.schedule, now);
  const validity = validityTime(request.validity, now);

  const units = measure(text, encoding);
  // message_payload travels in one PDU, but the SMSC delivers (and bills) it as this many SMS.
  const parts = countParts(text, encoding, method === 'payload' ? 'udh8' : method, units);
  if (parts > defaults.maxParts) {
    throw inputError('text', `needs ${parts} SMS parts in ${encoding}; the maximum is ${defaults.maxParts} (maxParts)`);
  }
  if (flash && FLASH_DATA_CODING[encoding] === undefined) throw inputError('flash', `is not possible with ${encoding} text; use GSM7 or UCS2`);
  const split = splitText(text, { encoding, method, reference }, units);
  const dataCoding = flash ? (FLASH_DATA_CODING[encoding] as number) : split.dataCoding;

  const pdus = split.parts.map((part): PduFields => ({
    service_type: defaults.serviceType,
    source_addr_ton: source.ton,
    source_addr_npi: source.npi,
    source_addr: source.addr,
    dest_addr_ton: destination.ton,
    dest_addr_npi: destination.npi,
    destination_addr: destination.addr,
    esm_class: part.udhi ? 0x40 : 0x00,
    registered_delivery: registered ? 1 : 0,
    schedule_delivery_time: schedule ?? '',
    validity_period: validity ?? '',
    data_coding: dataCoding,
    short_message: part.shortMessage,
    ...part.tlvs,
  }));
  return { destination, source, encoding, split, pdus };
}

function messageText(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
  if (typeof value !== 'string') throw inputError('text', `must be text (a string), got ${describeType(value)}`);
  if (value.length === 0) throw inputError('text', 'must not be empty');
  return value;
}

function pickEncoding(value: unknown): EncodingChoice {
  if (typeof value !== 'string' || !(value.toLowerCase() in ENCODINGS)) {
    throw inputError('encoding', `must be one of auto, GSM7, UCS2, LATIN1, got ${describeType(value)}`);
  }
  return ENCODINGS[value.toLowerCase()];
}

function pickMethod(value: unknown): MultipartMethod {
  if (!METHODS.includes(value as MultipartMethod)) throw inputError('multipart', `must be one of ${METHODS.join(', ')}, got ${describeType(value)}`);
  return value as MultipartMethod;
}

function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw inputError(field, `must be true or false, got ${describeType(value)}`);
  return value;
}

/** Resolves 'auto' against the text and checks the text fits the alphabet asked for. */
function resolveEncoding(text: string, choice: EncodingChoice): Encoding {
  const encoding = chooseEncoding(text, choice);
  if (!canEncode(text, encoding)) {
    const bad = [...text].find((char) => !canEncode(char, encoding)) ?? '';
    throw inputError('encoding', `${encoding} cannot carry ${JSON.stringify(bad)}; use auto or UCS2`);
  }
  return encoding;
}
