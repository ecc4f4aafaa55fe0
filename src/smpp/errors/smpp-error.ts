import { SMPP_STATUS, StatusInfo } from './command-status';
import { PROVIDER_STATUS } from './provider-tables';

/**
 * Names of failures that did not come from a command_status. Their `status` is null.
 * - INVALID_INPUT: the message was refused before anything was sent (see `field`, `rule`).
 * - RESPONSE_TIMEOUT: the SMSC did not answer in time, after every attempt.
 * - CONNECTION_LOST: the link dropped and the message's attempts were spent.
 * - NOT_CONNECTED: no bind came up while the message waited in the queue.
 * - QUEUE_FULL: the local queue is full (back-pressure); try later.
 * - SESSION_CLOSED: the session was closed (redeploy, shutdown) before the message was sent.
 */
export type LocalErrorName =
  | 'INVALID_INPUT'
  | 'RESPONSE_TIMEOUT'
  | 'CONNECTION_LOST'
  | 'NOT_CONNECTED'
  | 'QUEUE_FULL'
  | 'SESSION_CLOSED'
  | 'PROTOCOL_ERROR'
  | 'TLS_ERROR'
  | 'CONNECT_FAILED';

/** The decoded error users see, e.g. on `msg.smpp.error`. */
export interface SmppErrorDetails {
  status: number | null;
  name: string;
  description: string;
  retryable: boolean;
  field?: string;
  rule?: string;
}

export class SmppError extends Error {
  readonly details: SmppErrorDetails;

  constructor(details: SmppErrorDetails, message?: string) {
    super(message ?? describe(details));
    this.name = 'SmppError';
    this.details = details;
  }

  get status(): number | null {
    return this.details.status;
  }
  get retryable(): boolean {
    return this.details.retryable;
  }
  toJSON(): SmppErrorDetails {
    return { ...this.details };
  }
}

function describe(d: SmppErrorDetails): string {
  if (d.status === null) return d.description;
  return `${d.description} (${d.name}, 0x${d.status.toString(16).padStart(8, '0')})`;
}

/** Looks a command_status up in the provider's table first, then in SMPP 3.4. */
export function lookupStatus(status: number, provider = 'custom'): StatusInfo {
  const own = PROVIDER_STATUS[provider]?.get(status);
  const standard = SMPP_STATUS.get(status);
  if (own) return { ...own, retryable: own.retryable || (standard?.retryable ?? false) };
  if (standard) return standard;
  const vendor = status >= 0x400 && status <= 0x4ff;
  return {
    status,
    name: vendor ? 'VENDOR_SPECIFIC' : 'RESERVED',
    description: `${vendor ? 'SMSC vendor-specific error' : 'Unknown error'} 0x${status.toString(16)}`,
    retryable: false,
  };
}

export function statusError(status: number, provider?: string, context?: string): SmppError {
  const info = lookupStatus(status, provider);
  const details: SmppErrorDetails = { status, name: info.name, description: info.description, retryable: info.retryable };
  return new SmppError(details, context ? `${context}: ${describe(details)}` : undefined);
}

export function localError(name: LocalErrorName, description: string, retryable = false): SmppError {
  return new SmppError({ status: null, name, description, retryable });
}

export function inputError(field: string, rule: string): SmppError {
  return new SmppError({ status: null, name: 'INVALID_INPUT', description: `${field}: ${rule}`, retryable: false, field, rule });
}

/**
 * The same refusal, naming the field as the user wrote it ("msg.payload" in
 * Node-RED, "Text" in n8n, for the engine's "text"). Other errors pass unchanged.
 */
export function renameField(error: SmppError, nameOf: (field: string) => string): SmppError {
  const { field, rule } = error.details;
  return field && rule !== undefined ? inputError(nameOf(field), rule) : error;
}
