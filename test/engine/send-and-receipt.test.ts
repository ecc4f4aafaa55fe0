import { Harness, bound, collect, until } from '../helpers/harness';
import type { Receipt } from '../../src/smpp';

const h = new Harness();
afterEach(() => h.stop());

test('binds over TLS, sends, and correlates the delivery receipt', async () => {
  const sim = await h.simulator({ provider: 'agile', receiptDelayMs: 50 });
  const client = h.client(sim, { provider: 'agile', host: sim.host, port: sim.port });
  await bound(client);
  const receipts = collect<[Receipt, unknown]>((push) => client.on('receipt', (r, c) => push([r, c])), 1);
  const result = await client.send({ to: '+41791234567', from: 'ACME', text: 'Server down' }, { correlationId: 'abc-1' });
  expect(result.parts).toBe(1);
  expect(result.encoding).toBe('GSM7');
  expect(result.messageIds[0]).toMatch(/^AGILE-[0-9A-F]{8}-[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$/);
  const [[receipt, correlation]] = await receipts;
  expect(receipt).toMatchObject({ messageId: result.messageIds[0], status: 'DELIVRD', delivered: true, final: true, errorCode: 0, error: null, to: '41791234567', from: 'ACME' });
  expect(correlation).toEqual({ correlationId: 'abc-1' });
  expect(sim.submitted[0]).toMatchObject({ to: '41791234567', from: 'ACME', dataCoding: 0, text: 'Server down' });
});

test('a receipt that arrives before its submit_sm_resp is still correlated', async () => {
  const sim = await h.simulator({ receiptDelayMs: 0, respondDelayMs: 150 });
  const client = h.client(sim);
  await bound(client);
  const receipts = collect<[Receipt, unknown]>((push) => client.on('receipt', (r, c) => push([r, c])), 3);
  const results = await Promise.all(['a', 'b', 'c'].map((id) => client.send({ to: '41790000001', text: `race ${id}` }, { correlationId: id })));
  const got = await receipts;
  expect(got.map(([r, c]) => [r.messageId, (c as { correlationId: string }).correlationId]).sort()).toEqual(
    results.map((r, i) => [r.messageIds[0], ['a', 'b', 'c'][i]]).sort(),
  );
});

test('a final receipt the SMSC sends twice is reported once and counted as a duplicate', async () => {
  const sim = await h.simulator({ receiptDelayMs: 10, duplicateReceipts: true });
  const client = h.client(sim);
  await bound(client);
  const seen: string[] = [];
  client.on('receipt', (r) => seen.push(r.messageId));
  const sent = await Promise.all([1, 2, 3, 4].map((i) => client.send({ to: '41790000001', text: `dup ${i}` })));
  await until(() => client.counters.duplicateReceipts === 4, 3000, 'four duplicates counted');
  expect(seen.sort()).toEqual(sent.map((r) => r.messageIds[0]).sort());
});
