import { Harness, bound, collect } from '../helpers/harness';
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
