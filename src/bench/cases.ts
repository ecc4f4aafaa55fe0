/** The benchmark's cases. Each returns numbers; bench.ts prints them. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SmppClient } from '../smpp';
import type { SessionOptions } from '../smpp';
import { linkPackage } from '../demo/demo-userdir';
import { packageRoot, startNodeRed } from '../demo/embedded-node-red';
import type { RemoteSimulator } from './remote-simulator';

const TEXT = (i: number) => `benchmark message ${i}`;
const TO = (i: number) => `+4179${String(i % 10_000_000).padStart(7, '0')}`;

export function clientFor(sim: RemoteSimulator, options: Partial<SessionOptions> = {}): SmppClient {
  return new SmppClient({
    host: sim.host, port: sim.port, ca: sim.ca, systemId: 'test', password: 'secret', servername: 'localhost',
    window: 64, messagesPerSecond: 0, maxQueue: 10_000_000, registeredDelivery: false, ...options,
  }).start();
}

export function bound(client: SmppClient, binds = 1): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (client.state.bound === binds ? resolve() : client.once('state', check));
    check();
  });
}

/** All messages queued at once; the window paces them. Messages per second from first send to last answer. */
export async function engineThroughput(sim: RemoteSimulator, messages: number): Promise<{ perSecond: number; failed: number }> {
  const client = clientFor(sim);
  await bound(client);
  const started = performance.now();
  const outcomes = await Promise.allSettled(Array.from({ length: messages }, (_, i) => client.send({ to: TO(i), from: 'BENCH', text: TEXT(i) })));
  const seconds = (performance.now() - started) / 1000;
  await client.close();
  return { perSecond: messages / seconds, failed: outcomes.filter((o) => o.status === 'rejected').length };
}

/** The same through an smpp-send node in a real Node-RED runtime, counted at its output. */
export async function nodeRedThroughput(sim: RemoteSimulator, messages: number): Promise<{ perSecond: number; failed: number }> {
  const userDir = fs.mkdtempSync(path.join(os.tmpdir(), 'smpp-bench-nr-'));
  linkPackage(userDir, packageRoot());
  fs.writeFileSync(path.join(userDir, 'ca.pem'), sim.ca);
  const flows = [
    { id: 'tab', type: 'tab', label: 'bench' },
    { id: 'cfg', type: 'smpp-config', provider: 'custom', host: sim.host, port: String(sim.port), tls: true, verifyCertificate: true, caFile: 'ca.pem', servername: 'localhost', bindMode: 'transceiver', binds: '1', window: '64', messagesPerSecond: '0', enquireLinkSec: '30', responseTimeoutSec: '10', maxParts: '10' },
    { id: 'send', type: 'smpp-send', z: 'tab', x: 100, y: 100, session: 'cfg', to: '', from: 'BENCH', encoding: 'auto', multipart: 'udh8', registeredDelivery: false, wires: [['out']] },
    { id: 'out', type: 'debug', z: 'tab', x: 300, y: 100, active: false, tosidebar: false, console: false, complete: 'false', wires: [] },
    { id: 'caught', type: 'catch', z: 'tab', x: 100, y: 200, scope: ['send'], wires: [['out']] },
  ];
  fs.writeFileSync(path.join(userDir, 'flows.json'), JSON.stringify(flows));
  fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify({ cfg: { systemId: 'test', password: 'secret' } }));
  const nodeRed = await startNodeRed({ userDir, port: 0, quiet: true });
  const red = nodeRed.red as unknown as { nodes: { getNode(id: string): NodeLike | null } };
  type NodeLike = { receive(msg: object): void; on(event: string, listener: (msg: Record<string, unknown>) => void): void };
  // Flows start after RED.start() resolves: wait for the session node to exist and be bound.
  await waitFor(() => (red.nodes.getNode('cfg') as unknown as { currentStatus(): { fill?: string } } | null)?.currentStatus().fill === 'green');
  const send = red.nodes.getNode('send') as NodeLike;
  const out = red.nodes.getNode('out') as NodeLike;
  let done = 0;
  let failed = 0;
  const started = performance.now();
  // A flow feeding the node keeps at most 5,000 messages outstanding (the session queues 10,000 parts at most).
  let next = 0;
  const feed = () => {
    if (next < messages) send.receive({ payload: TEXT(next), to: TO(next++) });
  };
  await new Promise<void>((resolve) => {
    out.on('input', (msg) => {
      if (msg.error) failed++;
      if (++done === messages) resolve();
      else feed();
    });
    for (let i = 0; i < Math.min(5_000, messages); i++) feed();
  });
  const seconds = (performance.now() - started) / 1000;
  await nodeRed.stop();
  return { perSecond: messages / seconds, failed };
}

/** A rate limit held for `seconds` against an SMSC that throttles above it: the rate reached and any 0x58 answers. */
export async function rateLimit(sim: RemoteSimulator, perSecond: number, binds: number, seconds: number): Promise<{ measured: number; throttled: number }> {
  const client = clientFor(sim, { binds, messagesPerSecond: perSecond });
  await bound(client, binds);
  const messages = perSecond * binds * seconds;
  const acked: number[] = [];
  await Promise.all(Array.from({ length: messages }, (_, i) => client.send({ to: TO(i), text: TEXT(i) }).then(() => acked.push(performance.now()))));
  const throttled = client.counters.throttled;
  await client.close();
  // Rate over the steady part: answers between the first and the last.
  const measured = ((acked.length - 1) * 1000) / (acked[acked.length - 1] - acked[0]);
  return { measured, throttled };
}

/** Submit → submit_sm_resp at an offered load of `perSecond`, sends spread evenly. */
export async function latency(sim: RemoteSimulator, perSecond: number, seconds: number): Promise<{ p50: number; p99: number }> {
  const client = clientFor(sim);
  await bound(client);
  const samples: number[] = [];
  const pending: Promise<unknown>[] = [];
  const total = Math.round(perSecond * seconds);
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * perSecond));
      for (; sent < due; sent++) {
        const t0 = performance.now();
        pending.push(client.send({ to: TO(sent), text: TEXT(sent) }).then(() => samples.push(performance.now() - t0)));
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  await Promise.all(pending);
  await client.close();
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor(samples.length * 0.5)], p99: samples[Math.floor(samples.length * 0.99)] };
}

/** Heap after a forced GC before and after `messages` with receipts and correlation ids. */
export async function memory(sim: RemoteSimulator, messages: number): Promise<{ growthMb: number; receipts: number; correlated: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const client = clientFor(sim, { registeredDelivery: true });
  await bound(client);
  let receipts = 0;
  let correlated = 0;
  const allReceipts = new Promise<void>((resolve) => client.on('receipt', (_r, correlation) => {
    receipts++;
    if (correlation) correlated++;
    if (receipts === messages) resolve();
  }));
  gc();
  const before = process.memoryUsage().heapUsed;
  const batch = 10_000;
  for (let start = 0; start < messages; start += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, messages - start) }, (_, k) => client.send({ to: TO(start + k), text: TEXT(start + k) }, { correlationId: `c-${start + k}` })));
  }
  await allReceipts;
  gc();
  const after = process.memoryUsage().heapUsed;
  await client.close();
  return { growthMb: (after - before) / 1024 / 1024, receipts, correlated };
}

function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => (predicate() ? resolve() : Date.now() > deadline ? reject(new Error('timed out')) : setTimeout(check, 20));
    check();
  });
}
