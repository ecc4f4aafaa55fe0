/**
 * The public shapes of a delivery receipt and of an inbound SMS, as both front
 * ends emit them (a Node-RED msg, an n8n item's json). One place, so the two
 * cannot drift apart.
 */
import { compactNumber } from '../smpp';
import type { InboundSms, Receipt } from '../smpp';

export interface ReceiptMessage {
  topic: 'smpp/receipt';
  payload: Receipt;
  correlationId?: unknown;
  [key: string]: unknown;
}

export interface InboundMessage {
  topic: 'smpp/inbound';
  payload: string;
  from: string;
  to: string;
  smpp: Omit<InboundSms, 'text' | 'from' | 'to'>;
  [key: string]: unknown;
}

/** `correlation` is what the sender passed with the message: { correlationId } or nothing. */
export function receiptMessage(receipt: Receipt, correlation: unknown): ReceiptMessage {
  const message: ReceiptMessage = { topic: 'smpp/receipt', payload: receipt };
  const correlationId = (correlation as { correlationId?: unknown } | undefined)?.correlationId;
  if (correlationId !== undefined) message.correlationId = correlationId;
  return message;
}

export function inboundMessage(sms: InboundSms): InboundMessage {
  const { text, from, to, ...details } = sms;
  return { topic: 'smpp/inbound', payload: text, from, to, smpp: details };
}

/** What a sender hands the engine to get back on receipts. */
export function correlationOf(correlationId: unknown): { correlationId: unknown } | undefined {
  return correlationId === undefined || correlationId === null || correlationId === '' ? undefined : { correlationId };
}

/** Only SMS sent to this number (digits; +, 00 and separators ignored). Blank: all. */
export function destinationFilter(number: string | undefined): (sms: InboundSms) => boolean {
  const only = number ? compactNumber(number) : '';
  return (sms) => !only || compactNumber(sms.to) === only;
}
