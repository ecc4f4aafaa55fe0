/**
 * The JSON of the SMPP node's items: its parameters as a send request, its
 * result, and a failed item's decoded error.
 */
import type { SendRequest, SendResult, SmppErrorDetails } from '../smpp';
import { renameField } from '../smpp';
import type { SmppError } from '../smpp';

export interface SendParameters {
  to: unknown;
  from: unknown;
  text: unknown;
  options: {
    registeredDelivery?: boolean;
    encoding?: string;
    multipart?: string;
    validity?: number | string;
    schedule?: string;
    flash?: boolean;
    correlationId?: string;
  };
}

export function sendRequest(p: SendParameters): SendRequest {
  const o = p.options;
  return {
    to: p.to,
    from: p.from,
    text: p.text,
    registeredDelivery: o.registeredDelivery,
    encoding: o.encoding,
    multipart: o.multipart,
    validity: o.validity === '' || o.validity === 0 ? undefined : o.validity,
    schedule: o.schedule,
    flash: o.flash,
  };
}

export function sentItem(p: SendParameters, result: SendResult): Record<string, unknown> {
  const json: Record<string, unknown> = { to: p.to, smpp: { ...result } };
  if (p.options.correlationId) json.correlationId = p.options.correlationId;
  return json;
}

const FIELD_LABELS: Record<string, string> = {
  to: 'To', from: 'From', text: 'Text', encoding: 'Options › Encoding', multipart: 'Options › Long Messages',
  validity: 'Options › Validity', schedule: 'Options › Schedule', flash: 'Options › Flash', registeredDelivery: 'Options › Delivery Receipt',
};

/** The error, naming the parameter as the n8n editor shows it. */
export function inParameterTerms(error: SmppError): SmppError {
  return renameField(error, (field) => FIELD_LABELS[field] ?? field);
}

export function failedItem(error: SmppError): Record<string, unknown> {
  const details: SmppErrorDetails = error.toJSON();
  return { error: error.message, smpp: { error: details } };
}
