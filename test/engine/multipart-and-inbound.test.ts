import { Harness, bound, collect } from '../helpers/harness';
import type { InboundSms } from '../../src/smpp';

const h = new Harness();
afterEach(() => h.stop());

const LONG_GSM = 'Alert: disk /var on db-1 is 97% full. '.repeat(8).trim(); // 303 chars
const LONG_UCS2 = 'Überwachung 🚨 Ausfall im Rechenzentrum Zürich, bitte sofort prüfen. '.repeat(3);

function joined(parts: { text: string }[]): string {
  return parts.map((p) => p.text).join('');
}

test.each([
  ['udh8', LONG_GSM, 'GSM7', 2],
  ['udh16', LONG_GSM, 'GSM7', 2],
  ['sar', LONG_GSM, 'GSM7', 2],
  ['udh8', LONG_UCS2, 'UCS2', 4],
] as const)('a long text goes out in parts with %s and arrives whole', async (multipart, text, encoding, parts) => {
  const sim = await h.simulator();
  const client = h.client(sim, { multipart });
  await bound(client);
  const result = await client.send({ to: '41790000001', text });
  expect(result).toMatchObject({ parts, encoding });
  expect(result.messageIds).toHaveLength(parts);
  expect(new Set(result.messageIds).size).toBe(parts);
  expect(sim.submitted).toHaveLength(parts);
  expect(joined(sim.submitted)).toBe(text);
  if (multipart === 'sar') expect(sim.submitted.every((p) => p.tlvs.has(0x020c) && !p.udh)).toBe(true);
  if (multipart === 'udh8') expect(sim.submitted.every((p) => p.udh?.[1] === 0x00)).toBe(true);
  if (multipart === 'udh16') expect(sim.submitted.every((p) => p.udh?.[1] === 0x08)).toBe(true);
});

test('message_payload carries a long text in one PDU', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { multipart: 'payload' });
  await bound(client);
  const result = await client.send({ to: '41790000001', text: LONG_GSM });
  expect(result.parts).toBe(1);
  expect(sim.submitted[0].text).toBe(LONG_GSM);
  expect(sim.submitted[0].tlvs.has(0x0424)).toBe(true);
});

test.each([
  ['udh8', 'GSM7', LONG_GSM],
  ['udh16', 'GSM7', LONG_GSM],
  ['sar', 'GSM7', LONG_GSM],
  ['udh8', 'UCS2', LONG_UCS2],
  ['sar', 'UCS2', 'Short ünïcødé 😀'],
] as const)('inbound SMS split with %s in %s is reassembled', async (multipart, encoding, text) => {
  const sim = await h.simulator();
  const client = h.client(sim);
  await bound(client);
  const got = collect<InboundSms>((push) => client.on('inbound', push), 1);
  sim.injectInbound({ from: '41795550000', to: '41791112222', text, encoding, multipart });
  const [sms] = await got;
  expect(sms).toMatchObject({ from: '41795550000', to: '41791112222', text, alphabet: encoding });
  expect(sms.incomplete).toBeUndefined();
});

test('an inbound message whose parts never all arrive is still delivered, flagged incomplete', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { reassemblyTimeoutMs: 300 });
  await bound(client);
  const got = collect<InboundSms>((push) => client.on('inbound', push), 1);
  // A whole three-part message first, then part 1 of a two-part message whose part 2 never comes.
  sim.injectInbound({ from: '4179', to: '4178', text: 'x'.repeat(153) + 'y'.repeat(153) + 'z', multipart: 'udh8' });
  const [sms] = await got;
  expect(sms.parts).toBe(3);
  expect(sms.incomplete).toBeUndefined();
  const partial = collect<InboundSms>((push) => client.on('inbound', push), 1, 5000);
  const raw = Buffer.from([0x05, 0x00, 0x03, 0x77, 0x02, 0x01, ...Buffer.from('first half')]);
  sim.deliverPdu({ source_addr: '4179', destination_addr: '4178', esm_class: 0x40, data_coding: 0, short_message: raw });
  const [incomplete] = await partial;
  expect(incomplete.text).toBe('first half');
  expect(incomplete.incomplete).toEqual({ missing: [2] });
});
