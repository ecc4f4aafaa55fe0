/**
 * The reference: the `smpp` package's own client, pipelining submit_sm with a
 * fixed window over TLS, as a careful user would write it (data_coding set,
 * TLS options at the top level where 0.5.1 reads them, a callback per PDU).
 */
import smpp from 'smpp';

interface RawSession {
  on(event: string, listener: (...args: unknown[]) => void): void;
  bind_transceiver(options: Record<string, unknown>, callback: (pdu: { command_status: number }) => void): void;
  submit_sm(options: Record<string, unknown>, callback: (pdu: { command_status: number }) => void): void;
  unbind(options: Record<string, unknown>, callback: () => void): void;
  close(): void;
}

export async function rawThroughput(host: string, port: number, ca: string, messages: number, window: number): Promise<{ perSecond: number; failed: number }> {
  const session = (smpp as unknown as { connect(options: Record<string, unknown>): RawSession }).connect({
    host, port, tls: true, ca, servername: 'localhost', rejectUnauthorized: true, minVersion: 'TLSv1.2',
  });
  await new Promise<void>((resolve, reject) => {
    session.on('secureConnect', () => session.bind_transceiver({ system_id: 'test', password: 'secret' }, (pdu) => (pdu.command_status === 0 ? resolve() : reject(new Error(`bind ${pdu.command_status}`)))));
    session.on('error', (e) => reject(e as Error));
  });
  let sent = 0;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const next = () => {
      const i = sent++;
      session.submit_sm(
        { destination_addr: `4179${String(i % 10_000_000).padStart(7, '0')}`, dest_addr_ton: 1, dest_addr_npi: 1, source_addr: 'BENCH', source_addr_ton: 5, data_coding: 0, short_message: `benchmark message ${i}` },
        (pdu) => {
          if (pdu.command_status !== 0) failed++;
          if (++done === messages) resolve();
          else if (sent < messages) next();
        },
      );
    };
    for (let i = 0; i < Math.min(window, messages); i++) next();
  });
  const seconds = (performance.now() - started) / 1000;
  await new Promise<void>((resolve) => session.unbind({}, () => resolve()));
  session.close();
  return { perSecond: messages / seconds, failed };
}
