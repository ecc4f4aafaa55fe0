#!/usr/bin/env node
/**
 * Runs the SMSC simulator from the command line and prints where it listens,
 * the CA file to trust, and the credentials. Stops on Ctrl-C.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SmscSimulator } from './simulator';
import type { SimProvider } from './smsc-pdus';

const HELP = `smpp-simulator: an SMSC over TLS for trying flows without a provider account

  --host H           listen address (default 127.0.0.1)
  --port N           port (default 2776; 0 picks a free one)
  --provider P       ecall | agile | custom: message id format and error codes (default custom)
  --system-id ID     account (default test)
  --password PW      password (default secret)
  --plain            plain TCP instead of TLS
  --receipt-delay MS delay before each delivery receipt (default 1000)
  --rate N           answer 0x58 above N submits per second per bind (default 0: no limit)
  --ca-file PATH     where to write the CA certificate (default: a file in the temp folder)
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '2776' },
      provider: { type: 'string', default: 'custom' },
      'system-id': { type: 'string', default: 'test' },
      password: { type: 'string', default: 'secret' },
      plain: { type: 'boolean', default: false },
      'receipt-delay': { type: 'string', default: '1000' },
      rate: { type: 'string', default: '0' },
      'ca-file': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return void process.stdout.write(HELP);
  const sim = await new SmscSimulator({
    host: values.host,
    port: Number(values.port),
    tls: !values.plain,
    provider: values.provider as SimProvider,
    accounts: { [values['system-id']]: values.password },
    receiptDelayMs: Number(values['receipt-delay']),
    ratePerSecond: Number(values.rate),
  }).start();
  const caFile = values['ca-file'] ?? path.join(os.tmpdir(), `smpp-simulator-${sim.port}-ca.pem`);
  if (!values.plain) fs.writeFileSync(caFile, sim.ca);
  process.stdout.write(
    `SMSC simulator listening on ${sim.host}:${sim.port} (${values.plain ? 'plain TCP' : 'TLS'})\n` +
      (values.plain ? '' : `CA certificate: ${caFile}\n`) +
      `system id: ${values['system-id']}   password: (as given; default "secret")\n` +
      `provider style: ${sim.provider}\nCtrl-C stops it.\n`,
  );
  const stop = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`smpp-simulator: ${error.message}\n`);
  process.exit(1);
});
