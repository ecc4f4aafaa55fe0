/** The smppApi credential's fields, as the engine's session options. */
import type { BindMode, ProviderId, SessionOptions } from '../smpp';

export interface SmppCredential {
  provider?: ProviderId;
  host?: string;
  port?: number;
  tls?: boolean;
  verifyTls?: boolean;
  ca?: string;
  systemId?: string;
  password?: string;
  systemType?: string;
  bindMode?: BindMode;
  binds?: number;
  window?: number;
  messagesPerSecond?: number;
}

export function sessionOptions(credential: SmppCredential): SessionOptions {
  return {
    provider: credential.provider ?? 'custom',
    host: credential.host || undefined,
    port: credential.port || undefined,
    tls: credential.tls !== false,
    verifyCertificate: credential.verifyTls !== false,
    ca: credential.ca?.trim() ? credential.ca : undefined,
    systemId: credential.systemId ?? '',
    password: credential.password ?? '',
    systemType: credential.systemType || undefined,
    bindMode: credential.bindMode || undefined,
    binds: credential.binds || undefined,
    window: credential.window || undefined,
    // 0 means "the provider's limit" here; the engine's own 0 means "none".
    messagesPerSecond: credential.messagesPerSecond || undefined,
  };
}
