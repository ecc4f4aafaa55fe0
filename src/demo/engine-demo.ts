/**
 * The engine on its own, end to end: starts the TLS simulator, binds, sends an
 * SMS, prints the submit result and then its delivery receipt, receives an
 * inbound SMS, and stops. No account needed.
 */
import { SmppClient } from '../smpp';
import { SmscSimulator } from '../simulator/simulator';

async function main(): Promise<void> {
  const sim = await new SmscSimulator({ provider: 'agile', receiptDelayMs: 500 }).start();
  const client = new SmppClient({ host: sim.host, port: sim.port, ca: sim.ca, systemId: 'test', password: 'secret', provider: 'agile' });
  client.on('state', (s) => console.log(`session: ${s.state}${s.reason ? ` (${s.reason})` : ''}`));
  const receipt = new Promise<void>((resolve) =>
    client.once('receipt', (r, correlation) => {
      console.log('delivery receipt:', JSON.stringify({ ...r, correlation }, null, 2));
      resolve();
    }),
  );
  const inbound = new Promise<void>((resolve) =>
    client.once('inbound', (sms) => {
      console.log('inbound SMS:', JSON.stringify(sms, null, 2));
      resolve();
    }),
  );
  client.start();
  const result = await client.send({ to: '+41791234567', from: 'DEMO', text: 'Hello from the SMPP engine 👋' }, { correlationId: 'demo-1' });
  console.log('submitted:', JSON.stringify(result));
  await receipt;
  sim.injectInbound({ from: '41791234567', to: '41800000000', text: 'A reply from the phone' });
  await inbound;
  await client.close();
  await sim.stop();
  console.log(`done: ${JSON.stringify(client.counters)}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
