/**
 * Session options: what a user sets, filled from the provider preset and the
 * defaults, and checked once before anything connects.
 */
import { inputError } from './errors/smpp-error';
import { BindMode, isProviderId, ProviderId, PROVIDERS } from './providers';
import type { EncodingChoice } from './text/encoding';
import type { MultipartMethod } from './text/split';

export interface SessionOptions {
  provider?: ProviderId;
  host?: string;
  port?: number;
  /** TLS on (default) or plain TCP, which must be chosen explicitly. */
  tls?: boolean;
  /** Verify the SMSC's certificate and host name (default true). */
  verifyCertificate?: boolean;
  /** Extra trusted CA certificates (PEM). */
  ca?: string | Buffer | (string | Buffer)[];
  /** TLS server name when it differs from host. */
  servername?: string;
  systemId: string;
  password: string;
  systemType?: string;
  bindMode?: BindMode;
  addrTon?: number;
  addrNpi?: number;
  addressRange?: string;
  /** Binds in the pool (default 1). */
  binds?: number;
  /** Submits in flight per bind (default 10). */
  window?: number;
  /** Per bind; 0 = no limit. Default from the preset. */
  messagesPerSecond?: number;
  enquireLinkSec?: number;
  responseTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** First and longest reconnect delay. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  unbindTimeoutMs?: number;
  /** Attempts per message part, retries of throttling and dropped links included (default 5). */
  maxAttempts?: number;
  /** Parts waiting to be sent, at most (default 10,000). */
  maxQueue?: number;
  /** How long a message may wait for a bind before it fails (default 60 s). */
  queueTimeoutMs?: number;
  /** Message defaults. */
  defaultFrom?: string;
  registeredDelivery?: boolean;
  encoding?: EncodingChoice;
  multipart?: MultipartMethod;
  maxParts?: number;
  serviceType?: string;
  /** Receipt correlation: entries live this long (default 72 h), at most this many (default 100,000). */
  correlationTtlMs?: number;
  correlationMax?: number;
  /** Concatenated inbound SMS: wait this long for missing parts (default 60 s). */
  reassemblyTimeoutMs?: number;
}

export type ResolvedOptions = Required<Omit<SessionOptions, 'ca' | 'servername' | 'defaultFrom'>> &
  Pick<SessionOptions, 'ca' | 'servername' | 'defaultFrom'>;

export function resolveOptions(input: SessionOptions): ResolvedOptions {
  const provider = input.provider ?? 'custom';
  if (!isProviderId(provider)) throw inputError('provider', `must be one of ${Object.keys(PROVIDERS).join(', ')}, got ${JSON.stringify(provider)}`);
  const preset = PROVIDERS[provider];
  const o: ResolvedOptions = {
    provider,
    host: input.host || preset.host,
    port: input.port ?? preset.port,
    tls: input.tls ?? preset.tls,
    verifyCertificate: input.verifyCertificate ?? true,
    ca: input.ca,
    servername: input.servername,
    systemId: input.systemId,
    password: input.password,
    systemType: input.systemType ?? '',
    bindMode: input.bindMode ?? preset.bindMode,
    addrTon: input.addrTon ?? preset.addrTon,
    addrNpi: input.addrNpi ?? preset.addrNpi,
    addressRange: input.addressRange ?? '',
    binds: input.binds ?? 1,
    window: input.window ?? 10,
    messagesPerSecond: input.messagesPerSecond ?? preset.messagesPerSecond,
    enquireLinkSec: input.enquireLinkSec ?? 30,
    responseTimeoutMs: input.responseTimeoutMs ?? 10_000,
    connectTimeoutMs: input.connectTimeoutMs ?? 10_000,
    reconnectMinMs: input.reconnectMinMs ?? 1_000,
    reconnectMaxMs: input.reconnectMaxMs ?? 60_000,
    unbindTimeoutMs: input.unbindTimeoutMs ?? 2_000,
    maxAttempts: input.maxAttempts ?? 5,
    maxQueue: input.maxQueue ?? 10_000,
    queueTimeoutMs: input.queueTimeoutMs ?? 60_000,
    defaultFrom: input.defaultFrom,
    registeredDelivery: input.registeredDelivery ?? true,
    encoding: input.encoding ?? 'auto',
    multipart: input.multipart ?? 'udh8',
    maxParts: input.maxParts ?? 10,
    serviceType: input.serviceType ?? '',
    correlationTtlMs: input.correlationTtlMs ?? 72 * 3600_000,
    correlationMax: input.correlationMax ?? 100_000,
    reassemblyTimeoutMs: input.reassemblyTimeoutMs ?? 60_000,
  };
  check(o);
  return o;
}

function check(o: ResolvedOptions): void {
  const preset = PROVIDERS[o.provider];
  if (!o.host) throw inputError('host', 'is required for a custom SMSC');
  whole(o.port, 'port', 1, 65535);
  if (typeof o.systemId !== 'string' || o.systemId.length === 0 || o.systemId.length > 15) {
    throw inputError('systemId', 'is required: 1 to 15 characters (SMPP 3.4 system_id)');
  }
  if (typeof o.password !== 'string' || o.password.length > 8) {
    throw inputError('password', 'must be text of at most 8 characters (SMPP 3.4 password)');
  }
  if (o.systemType.length > 12) throw inputError('systemType', 'is at most 12 characters');
  if (!['transceiver', 'transmitter', 'receiver'].includes(o.bindMode)) throw inputError('bindMode', 'must be transceiver, transmitter or receiver');
  whole(o.binds, 'binds', 1, preset.maxBinds ?? 32, preset.maxBinds ? `${preset.label} allows ${preset.maxBinds} binds` : undefined);
  whole(o.window, 'window', 1, 1000);
  whole(o.messagesPerSecond, 'messagesPerSecond', 0, 100_000);
  whole(o.enquireLinkSec, 'enquireLinkSec', 1, preset.maxEnquireLinkSec ?? 3600,
    preset.maxEnquireLinkSec ? `${preset.label} needs an enquire_link at least every ${preset.maxEnquireLinkSec} s` : undefined);
  whole(o.responseTimeoutMs, 'responseTimeoutMs', 100, 300_000);
  whole(o.maxAttempts, 'maxAttempts', 1, 100);
  whole(o.maxParts, 'maxParts', 1, 255);
  whole(o.maxQueue, 'maxQueue', 1, 10_000_000);
}

function whole(value: number, field: string, min: number, max: number, why?: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw inputError(field, `must be a whole number from ${min} to ${max}${why ? ` (${why})` : ''}, got ${JSON.stringify(value)}`);
  }
}
