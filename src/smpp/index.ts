/** The SMPP engine: no Node-RED, no n8n. Both front ends build on these exports. */
export { SmppClient } from './client';
export type { SendResult, PoolState, PoolStateName, ClientEvents } from './client';
export type { SessionOptions, ResolvedOptions } from './options';
export { resolveOptions } from './options';
export { PROVIDERS, isProviderId } from './providers';
export type { ProviderId, ProviderPreset, BindMode } from './providers';
export { SmppError, inputError, localError, lookupStatus, renameField } from './errors/smpp-error';
export { compactNumber } from './submit/addresses';
export type { SmppErrorDetails } from './errors/smpp-error';
export type { SendRequest } from './submit/message';
export type { Receipt } from './receive/receipt';
export type { InboundSms } from './receive/inbound-sms';
export type { Counters } from './submit/dispatcher';
export type { Encoding, EncodingChoice } from './text/encoding';
export type { MultipartMethod } from './text/split';
