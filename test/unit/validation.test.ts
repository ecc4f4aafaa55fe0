import { prepareMessage, MessageDefaults } from '../../src/smpp/submit/message';
import { destinationAddress, senderAddress } from '../../src/smpp/submit/addresses';
import { relativeTime, scheduleTime, validityTime } from '../../src/smpp/submit/smpp-time';
import { resolveOptions } from '../../src/smpp/options';
import { SmppError } from '../../src/smpp';

const defaults: MessageDefaults = { registeredDelivery: true, encoding: 'auto', multipart: 'udh8', maxParts: 3, serviceType: '' };

function refusal(fn: () => unknown): { field?: string; rule?: string; name: string } {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SmppError);
    return (error as SmppError).details;
  }
  throw new Error('expected a refusal');
}

test('destinations: international numbers in any usual spelling; everything else refused with the rule', () => {
  for (const n of ['+41 79 123 45 67', '0041791234567', '41791234567', '+41-(79)-123.45.67', 41791234567]) {
    expect(destinationAddress(n)).toEqual({ addr: '41791234567', ton: 1, npi: 1 });
  }
  expect(refusal(() => destinationAddress(''))).toMatchObject({ field: 'to', rule: expect.stringMatching(/required/) });
  expect(refusal(() => destinationAddress('+4179abc'))).toMatchObject({ field: 'to', rule: expect.stringMatching(/1 to 15 digits/) });
  expect(refusal(() => destinationAddress('+1234567890123456'))).toMatchObject({ field: 'to' });
  expect(refusal(() => destinationAddress({}))).toMatchObject({ field: 'to', rule: expect.stringMatching(/got an object/) });
});

test('senders: alphanumeric ≤ 11 → TON 5/NPI 0; numeric ≤ 16 → TON 1/NPI 1; empty means the account default', () => {
  expect(senderAddress('ACME Alerts')).toEqual({ addr: 'ACME Alerts', ton: 5, npi: 0 });
  expect(senderAddress('+391234567890123')).toEqual({ addr: '391234567890123', ton: 1, npi: 1 });
  expect(senderAddress(undefined)).toEqual({ addr: '', ton: 0, npi: 0 });
  expect(refusal(() => senderAddress('ACME Alerts!'))).toMatchObject({ field: 'from', rule: expect.stringMatching(/at most 11 characters, got 12/) });
  expect(refusal(() => senderAddress('+3912345678901234'))).toMatchObject({ field: 'from', rule: expect.stringMatching(/at most 16/) });
  expect(refusal(() => senderAddress('Café'))).toMatchObject({ field: 'from', rule: expect.stringMatching(/letters A-Z/) });
});

test('schedule and validity: dates, ISO strings, relative seconds; past and nonsense refused', () => {
  const now = Date.UTC(2026, 10, 21, 12, 0, 0);
  expect(scheduleTime('2026-11-21T18:30:00Z', now)).toBe('261121183000000+');
  expect(validityTime(3600, now)).toBe('000000010000000R');
  expect(relativeTime(2 * 86400 + 61)).toBe('000002000101000R');
  expect(validityTime(new Date(now + 86400_000), now)).toBe('261122120000000+');
  expect(refusal(() => scheduleTime('2020-01-01T00:00:00Z', now))).toMatchObject({ field: 'schedule', rule: expect.stringMatching(/past/) });
  expect(refusal(() => scheduleTime('tomorrow', now))).toMatchObject({ field: 'schedule', rule: expect.stringMatching(/ISO 8601/) });
  expect(refusal(() => validityTime(0, now))).toMatchObject({ field: 'validity' });
  expect(refusal(() => validityTime('2026-11-21T11:00:00Z', now))).toMatchObject({ field: 'validity', rule: expect.stringMatching(/after the current time/) });
});

test('messages: text type, encoding fit, part limit, flash rules, options', () => {
  const ok = prepareMessage({ to: '+41791234567', text: 'hi', flash: true, registeredDelivery: false }, defaults, 1);
  expect(ok.pdus[0]).toMatchObject({ data_coding: 0x10, registered_delivery: 0, dest_addr_ton: 1, destination_addr: '41791234567' });
  expect(prepareMessage({ to: '1', text: 'ж' }, defaults, 1).pdus[0].data_coding).toBe(8);
  expect(prepareMessage({ to: '1', text: 'é', encoding: 'latin1' }, defaults, 1).pdus[0].data_coding).toBe(3);
  expect(refusal(() => prepareMessage({ to: '1', text: { a: 1 } }, defaults, 1))).toMatchObject({ field: 'text', rule: expect.stringMatching(/string/) });
  expect(refusal(() => prepareMessage({ to: '1', text: '' }, defaults, 1))).toMatchObject({ field: 'text', rule: 'must not be empty' });
  expect(refusal(() => prepareMessage({ to: '1', text: 'x'.repeat(500) }, defaults, 1))).toMatchObject({ field: 'text', rule: expect.stringMatching(/needs 4 SMS parts.*maximum is 3/) });
  expect(refusal(() => prepareMessage({ to: '1', text: 'ж', encoding: 'GSM7' }, defaults, 1))).toMatchObject({ field: 'encoding' });
  expect(refusal(() => prepareMessage({ to: '1', text: 'x', encoding: 'ebcdic' }, defaults, 1))).toMatchObject({ field: 'encoding' });
  expect(refusal(() => prepareMessage({ to: '1', text: 'x', flash: 'yes' }, defaults, 1))).toMatchObject({ field: 'flash' });
  expect(refusal(() => prepareMessage({ to: '1', text: 'é', encoding: 'LATIN1', flash: true }, defaults, 1))).toMatchObject({ field: 'flash' });
  expect(refusal(() => prepareMessage({ to: '1', text: 'x', multipart: 'zip' }, defaults, 1))).toMatchObject({ field: 'multipart' });
  // One message_payload PDU still counts as the SMS the SMSC makes of it (and can never exceed 65,535 octets).
  expect(prepareMessage({ to: '1', text: 'x'.repeat(400), multipart: 'payload' }, defaults, 1).pdus).toHaveLength(1);
  expect(refusal(() => prepareMessage({ to: '1', text: 'x'.repeat(70_000), multipart: 'payload' }, defaults, 1))).toMatchObject({ field: 'text', rule: expect.stringMatching(/needs 458 SMS parts.*maximum is 3/) });
});

test('session options: presets fill in, limits name the field and the provider rule', () => {
  const agile = resolveOptions({ provider: 'agile', systemId: 'u', password: 'p' });
  expect(agile).toMatchObject({ host: 'smpp.agiletelecom.com', port: 2776, tls: true, addrTon: 1, addrNpi: 1, messagesPerSecond: 100, verifyCertificate: true, bindMode: 'transceiver' });
  expect(resolveOptions({ provider: 'ecall', systemId: 'u', password: 'p' })).toMatchObject({ host: 'smpp.ecall.ch', port: 2776, tls: true });
  expect(resolveOptions({ provider: 'agile', host: 'backup.example', systemId: 'u', password: 'p' }).host).toBe('backup.example');
  expect(refusal(() => resolveOptions({ provider: 'agile', binds: 5, systemId: 'u', password: 'p' }))).toMatchObject({ field: 'binds', rule: expect.stringMatching(/Agile Telecom allows 4 binds/) });
  expect(refusal(() => resolveOptions({ provider: 'agile', enquireLinkSec: 60, systemId: 'u', password: 'p' }))).toMatchObject({ field: 'enquireLinkSec', rule: expect.stringMatching(/every 30 s/) });
  expect(refusal(() => resolveOptions({ systemId: 'u', password: 'p' }))).toMatchObject({ field: 'host' });
  expect(refusal(() => resolveOptions({ host: 'h', systemId: '', password: 'p' }))).toMatchObject({ field: 'systemId' });
  expect(refusal(() => resolveOptions({ host: 'h', systemId: 'u', password: '123456789' }))).toMatchObject({ field: 'password' });
});
