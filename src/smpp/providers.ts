/**
 * Provider presets. They fill defaults; host and port stay editable (test and
 * backup hosts). Numbers come from the providers' documents in shared/providers/.
 */
export type ProviderId = 'ecall' | 'agile' | 'custom';
export type BindMode = 'transceiver' | 'transmitter' | 'receiver';

export interface ProviderPreset {
  id: ProviderId;
  label: string;
  host: string;
  port: number;
  tls: boolean;
  bindMode: BindMode;
  addrTon: number;
  addrNpi: number;
  /** Most binds the account allows at once, when the provider publishes it. */
  maxBinds?: number;
  /** Messages per second per bind the provider allows (0 = not published: no limit). */
  messagesPerSecond: number;
  /** Longest enquire_link interval the provider accepts, seconds. */
  maxEnquireLinkSec?: number;
}

export const PROVIDERS: Readonly<Record<ProviderId, ProviderPreset>> = {
  ecall: {
    id: 'ecall', label: 'eCall', host: 'smpp.ecall.ch', port: 2776, tls: true,
    bindMode: 'transceiver', addrTon: 0, addrNpi: 0, messagesPerSecond: 0,
  },
  agile: {
    id: 'agile', label: 'Agile Telecom', host: 'smpp.agiletelecom.com', port: 2776, tls: true,
    bindMode: 'transceiver', addrTon: 1, addrNpi: 1, maxBinds: 4, messagesPerSecond: 100, maxEnquireLinkSec: 30,
  },
  custom: {
    id: 'custom', label: 'Custom SMSC', host: '', port: 2775, tls: true,
    bindMode: 'transceiver', addrTon: 0, addrNpi: 0, messagesPerSecond: 0,
  },
};

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && value in PROVIDERS;
}
