/**
 * Destination and sender rules (Agile Telecom's document, AGCOM 42/13/CIR):
 * numbers are international, numeric senders at most 16 characters,
 * alphanumeric senders at most 11.
 */
import { inputError } from '../errors/smpp-error';
import { gsmSeptets } from '../text/gsm7';

export interface Address {
  addr: string;
  ton: number;
  npi: number;
}

export const TON = { unknown: 0, international: 1, national: 2, networkSpecific: 3, subscriber: 4, alphanumeric: 5, abbreviated: 6 } as const;
export const NPI = { unknown: 0, isdn: 1 } as const;

const SEPARATORS = /[\s\-().]/g;

function asText(value: unknown, field: string): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') throw inputError(field, `must be a phone number as text, got ${describeType(value)}`);
  return value;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (Buffer.isBuffer(value)) return 'a buffer';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}

/** A number as written (+41 79 123 45 67, 0041…, 41…) without separators and international prefix. */
export function compactNumber(value: string): string {
  const compact = value.replace(SEPARATORS, '');
  return compact.startsWith('+') ? compact.slice(1) : compact.startsWith('00') ? compact.slice(2) : compact;
}

/** A destination: +41791234567, 0041791234567 or 41791234567; spaces, dashes, dots and brackets are ignored. */
export function destinationAddress(value: unknown, field = 'to'): Address {
  if (value === undefined || value === null || value === '') throw inputError(field, 'is required: the phone number to send to, e.g. +41791234567');
  const digits = compactNumber(asText(value, field));
  if (!/^\d{1,15}$/.test(digits)) {
    throw inputError(field, `must be an international phone number: an optional + and 1 to 15 digits (E.164), got ${JSON.stringify(String(value)).slice(0, 40)}`);
  }
  return { addr: digits, ton: TON.international, npi: NPI.isdn };
}

/** A sender: empty (the account's default), numeric (≤ 16 characters with +), or alphanumeric (≤ 11 characters). */
export function senderAddress(value: unknown, field = 'from'): Address {
  if (value === undefined || value === null || value === '') return { addr: '', ton: TON.unknown, npi: NPI.unknown };
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') throw inputError(field, `must be a sender id as text, got ${describeType(value)}`);
  const sender = value.trim();
  if (/^\+?\d+$/.test(sender)) {
    if (sender.length > 16) throw inputError(field, `a numeric sender id is at most 16 characters including +, got ${sender.length}`);
    return { addr: sender.replace('+', ''), ton: TON.international, npi: NPI.isdn };
  }
  if (sender.length > 11) throw inputError(field, `an alphanumeric sender id is at most 11 characters, got ${sender.length} ("${sender.slice(0, 20)}")`);
  for (const char of sender) {
    if (char.charCodeAt(0) < 0x20 || char.charCodeAt(0) > 0x7e || gsmSeptets(char) !== 1) {
      throw inputError(field, `an alphanumeric sender id may hold only letters A-Z, digits, spaces and basic punctuation, got ${JSON.stringify(char)}`);
    }
  }
  return { addr: sender, ton: TON.alphanumeric, npi: NPI.unknown };
}

export function overrideTonNpi(address: Address, ton: unknown, npi: unknown, prefix: string): Address {
  return {
    ...address,
    ton: ton === undefined ? address.ton : octetIn(ton, `${prefix}Ton`, 0, 6),
    npi: npi === undefined ? address.npi : octetIn(npi, `${prefix}Npi`, 0, 18),
  };
}

function octetIn(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw inputError(field, `must be a whole number from ${min} to ${max}, got ${describeType(value)}`);
  }
  return value;
}
