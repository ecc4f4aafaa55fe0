/** Fault cases (issue 6, in part): the figures a fault suite reports. */
import { Harness, bound, waitForState } from '../helpers/harness';
import { SmppError } from '../../src/smpp';

const h = new Harness();
afterEach(() => h.stop());

test('10,000 messages, 64 in flight, three drops: none lost, duplicates bounded by what was in flight', async () => {
  const sim = await h.simulator({ recordSubmits: true });
  const client = h.client(sim, { window: 64, maxAttempts: 5, maxQueue: 20_000 });
  await bound(client);
  let drops = 0;
  const inFlightAtDrops: number[] = [];
  sim.on('submit', () => {
    const accepted = sim.stats.accepted;
    if ((accepted === 2_000 || accepted === 5_000 || accepted === 8_000) && drops < 3) {
      drops++;
      // Dropped mid-tick: this submit and the others accepted in the same tick lose their answers, as when a link dies.
      inFlightAtDrops.push(client.load.inFlight);
      sim.dropAll();
    }
  });
  const outcomes = await Promise.allSettled(Array.from({ length: 10_000 }, (_, i) => client.send({ to: `4179${String(i).padStart(7, '0')}`, text: `m${i}` })));
  const failed = outcomes.filter((o) => o.status === 'rejected');
  expect(drops).toBe(3);
  expect(failed).toEqual([]);
  const distinct = new Set(sim.submitted.map((p) => p.text)).size;
  const duplicates = sim.submitted.length - distinct;
  expect(distinct).toBe(10_000);
  // At-least-once: only what was in flight when a link died can reach the SMSC twice.
  expect(inFlightAtDrops.every((n) => n <= 64)).toBe(true);
  expect(duplicates).toBeLessThanOrEqual(inFlightAtDrops.reduce((a, b) => a + b, 0));
  expect(client.counters.reconnects).toBeGreaterThanOrEqual(3);
  process.stdout.write(`drops under load: 10,000 sent, ${failed.length} failed, ${distinct} distinct at the SMSC, ${duplicates} duplicates, in flight at the drops ${JSON.stringify(inFlightAtDrops)}\n`);
}, 60_000);

test('the SMSC throttles 30 % of 2,000 submits: all delivered with the default attempts, none fails, the counters show it', async () => {
  const sim = await h.simulator({ recordSubmits: false });
  sim.throttle(0.3);
  const client = h.client(sim, { window: 64, maxQueue: 5_000 });
  await bound(client);
  const started = Date.now();
  const outcomes = await Promise.allSettled(Array.from({ length: 2_000 }, (_, i) => client.send({ to: '41790000000', text: `t${i}` })));
  const seconds = (Date.now() - started) / 1000;
  expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
  expect(sim.stats.accepted).toBe(2_000);
  expect(client.counters.throttled).toBe(sim.stats.throttled);
  const share = sim.stats.throttled / sim.stats.submits;
  expect(share).toBeGreaterThan(0.2);
  expect(share).toBeLessThan(0.4);
  process.stdout.write(`throttling: ${sim.stats.throttled} of ${sim.stats.submits} submits throttled (${(share * 100).toFixed(1)} %), 2,000 delivered in ${seconds.toFixed(1)} s, 0 failed\n`);
}, 60_000);

test('a server that offers only TLS 1.0 is refused with a clear message', async () => {
  const sim = await h.simulator({ minTlsVersion: 'TLSv1', maxTlsVersion: 'TLSv1' });
  const client = h.client(sim);
  const state = await waitForState(client, (s) => s.state === 'disconnected');
  expect(state.error?.details.name).toBe('TLS_ERROR');
  expect(state.reason).toMatch(/TLS 1\.2 or newer/);
  expect(sim.stats.bindAttempts).toBe(0);
});

test('a plain-TCP SMSC is not spoken to in the clear when TLS is on: the handshake fails and no bind is sent', async () => {
  const sim = await h.simulator({ tls: false });
  const client = h.client(sim, { connectTimeoutMs: 2000 });
  const state = await waitForState(client, (s) => s.state === 'disconnected', 5000);
  expect(state.error).toBeInstanceOf(SmppError);
  expect(state.reason).toMatch(/TLS|connect timeout|no answer|reset|cannot be read/i);
  expect(sim.stats.bindAttempts).toBe(0);
});
