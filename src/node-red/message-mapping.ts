/**
 * Between Node-RED messages and the engine: msg.payload / msg.to / msg.from /
 * msg.smpp.* become a send request, and an engine error names the msg field
 * the user wrote (msg.payload, not "text").
 */
import { renameField } from '../smpp';
import type { SmppError } from '../smpp';
import type { SendRequest } from '../smpp';

export interface SendDefaults {
  to?: string;
  from?: string;
  encoding?: string;
  multipart?: string;
  registeredDelivery?: boolean;
}

/** msg.smpp options a user may set, by the engine's names. */
const OPTIONS = ['registeredDelivery', 'encoding', 'multipart', 'validity', 'schedule', 'flash', 'sourceTon', 'sourceNpi', 'destTon', 'destNpi'] as const;

type Options = Partial<Record<(typeof OPTIONS)[number], unknown>>;

export function sendRequest(msg: Record<string, unknown>, defaults: SendDefaults): SendRequest {
  const options: Options = isObject(msg.smpp) ? (msg.smpp as Options) : {};
  const request: SendRequest = {
    to: blank(msg.to) ? defaults.to : msg.to,
    from: blank(msg.from) ? defaults.from : msg.from,
    text: msg.payload,
    encoding: options.encoding ?? (defaults.encoding || undefined),
    multipart: options.multipart ?? (defaults.multipart || undefined),
    registeredDelivery: options.registeredDelivery ?? defaults.registeredDelivery,
  };
  for (const key of OPTIONS) if (options[key] !== undefined && request[key] === undefined) request[key] = options[key];
  return request;
}

const FIELD_NAMES: Record<string, string> = { text: 'msg.payload', to: 'msg.to', from: 'msg.from' };

/** The same error, naming the msg property the user controls. */
export function inMsgTerms(error: SmppError): SmppError {
  return renameField(error, (field) => FIELD_NAMES[field] ?? `msg.smpp.${field}`);
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
