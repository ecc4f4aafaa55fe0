import { Harness, bound, collect, until, waitForState } from '../helpers/harness';
import { SmppError } from '../../src/smpp';
import type { PoolState } from '../../src/smpp';
import { WRONG_PASSWORD } from '../helpers/secrets';

const h = new Harness();
afterEach(() => h.stop());

type Outcome = { ok: true; ids: string[] } | { ok: false; error: SmppError };

function settle(promise: Promise<{ messageIds: string[] }>): Promise<Outcome> {
  return promise.then((r) => ({ ok: true as const, ids: r.messageIds }), (error: SmppError) => ({ ok: false as const, error }));
}

test('a dropped link reconnects and every message still ends accepted', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { window: 20, maxAttempts: 5 });
  await bound(client);
  sim.dropAfterSubmits(150);
  const outcomes = await Promise.all(Array.from({ length: 400 }, (_, i) => settle(client.send({ to: `4179${String(i).padStart(7, '0')}`, text: `msg ${i}` }))));
  expect(outcomes.filter((o) => !o.ok)).toEqual([]);
  expect(client.counters.reconnects).toBeGreaterThanOrEqual(1);
  // At-least-once: every message reached the SMSC; duplicates are bounded by what was in flight at the drop.
  const texts = new Set(sim.submitted.map((p) => p.text));
  expect(texts.size).toBe(400);
  expect(sim.submitted.length - 400).toBeLessThanOrEqual(20);
});

test('throttled submits are retried and succeed; the counters show it', async () => {
  const sim = await h.simulator();
  sim.throttle(0.3);
  const client = h.client(sim, { window: 10, maxAttempts: 10 });
  await bound(client);
  const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => settle(client.send({ to: '41790000000', text: `t${i}` }))));
  expect(outcomes.every((o) => o.ok)).toBe(true);
  expect(client.counters.throttled).toBe(sim.stats.throttled);
  expect(client.counters.throttled).toBeGreaterThan(0);
  expect(client.counters.retried).toBeGreaterThanOrEqual(client.counters.throttled);
});

test('a silent SMSC is detected by enquire_link, the session reconnects, and queued messages go out after', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { enquireLinkSec: 1, responseTimeoutMs: 500, maxAttempts: 10 });
  await bound(client);
  sim.setSilent(true);
  const started = Date.now();
  const down = await waitForState(client, (s) => s.state === 'disconnected', 5000);
  const detectedMs = Date.now() - started;
  expect(down.reason).toMatch(/enquire_link|link is dead/);
  expect(detectedMs).toBeLessThanOrEqual(1000 + 500 + 300);
  const pending = settle(client.send({ to: '41790000000', text: 'after the silence' }));
  sim.setSilent(false);
  const outcome = await pending;
  expect(outcome.ok).toBe(true);
  process.stdout.write(`silence: dead link seen after ${detectedMs} ms (enquire_link 1,000 + response timeout 500), the queued message sent after the reconnect\n`);
});

test('a wrong password is reported in words, waits the long backoff, and fails queued messages at once', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { password: WRONG_PASSWORD, reconnectMaxMs: 60_000 });
  const queued = settle(client.send({ to: '41790000000', text: 'queued before the bind failed' }));
  const state = await waitForState(client, (s) => s.state === 'disconnected');
  expect(state.reason).toMatch(/invalid password/i);
  expect(state.error?.details).toMatchObject({ status: 0x0e, name: 'ESME_RINVPASWD' });
  expect(state.retryInMs).toBeGreaterThanOrEqual(30_000);
  for (const outcome of [await queued, await settle(client.send({ to: '41790000000', text: 'sent after' }))]) {
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.error.message).toMatch(/not sent: not bound.*invalid password/i);
  }
  expect(sim.stats.bindAttempts).toBe(1);
  expect(sim.stats.submits).toBe(0);
});

test('an unknown system id is reported as such', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { systemId: 'nobody' });
  const state = await waitForState(client, (s) => s.state === 'disconnected');
  expect(state.error?.details.name).toBe('ESME_RINVSYSID');
});

test.each([
  ['no CA given (self-signed certificate)', {}, /not trusted/],
  ['host name does not match', { certificateNames: ['smsc.example.org'] }, /not valid for the host name/],
])('TLS refuses an untrusted server: %s', async (_name, simOptions, reason) => {
  const sim = await h.simulator(simOptions);
  const client = h.client(sim, { ca: reason.source.includes('trusted') ? undefined : sim.ca });
  const state = await waitForState(client, (s: PoolState) => s.state === 'disconnected');
  expect(state.reason).toMatch(reason);
  expect(state.error?.details.name).toBe('TLS_ERROR');
  expect(sim.stats.bindAttempts).toBe(0);
});

test('turning verification off is possible, and explicit', async () => {
  const sim = await h.simulator({ certificateNames: ['smsc.example.org'] });
  const client = h.client(sim, { ca: undefined, verifyCertificate: false });
  await bound(client);
});

test('provider errors are decoded: eCall insufficient credit', async () => {
  const sim = await h.simulator({ provider: 'ecall', outcomes: { '41790000009': { noCredit: true } } });
  const client = h.client(sim, { provider: 'ecall', host: sim.host, port: sim.port });
  await bound(client);
  const outcome = await settle(client.send({ to: '+41790000009', text: 'x' }));
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) {
    expect(outcome.error.details).toEqual({ status: 0x401, name: 'ESME_RBILLINGFAILED', description: 'SMS billing failed because the account has insufficient credits', retryable: false });
  }
});

test('an unanswered submit times out, is retried, then fails with a clear error', async () => {
  const sim = await h.simulator();
  sim.neverAnswer(['41790000404']);
  const client = h.client(sim, { responseTimeoutMs: 300, maxAttempts: 2 });
  await bound(client);
  const outcome = await settle(client.send({ to: '41790000404', text: 'x' }));
  expect(outcome.ok).toBe(false);
  if (!outcome.ok) {
    expect(outcome.error.details.name).toBe('RESPONSE_TIMEOUT');
    expect(outcome.error.message).toMatch(/after 2 attempts/);
  }
  expect(sim.stats.unanswered).toBe(2);
});

test('a full queue refuses new messages with QUEUE_FULL instead of dropping them', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { maxQueue: 5, messagesPerSecond: 1 });
  await bound(client);
  // Five fit the queue (they leave at 1 msg/s), the rest find it full at once.
  const outcomes = Array.from({ length: 8 }, (_, i) => settle(client.send({ to: '41790000000', text: `q${i}` })));
  for (const o of await Promise.all(outcomes.slice(5))) expect(!o.ok && o.error.details.name).toBe('QUEUE_FULL');
  await client.close();
  const rest = await Promise.all(outcomes.slice(0, 5));
  expect(rest.every((o) => o.ok || o.error.details.name === 'SESSION_CLOSED')).toBe(true);
});

test('closing fails what is still queued with SESSION_CLOSED and unbinds', async () => {
  const sim = await h.simulator();
  const client = h.client(sim, { messagesPerSecond: 2 });
  await bound(client);
  const outcomes = Promise.all(Array.from({ length: 5 }, (_, i) => settle(client.send({ to: '41790000000', text: `c${i}` }))));
  await client.close();
  const settled = await outcomes;
  const closed = settled.filter((o) => !o.ok && o.error.details.name === 'SESSION_CLOSED');
  expect(settled.filter((o) => o.ok).length + closed.length).toBe(5);
  expect(closed.length).toBeGreaterThan(0);
  await until(() => sim.boundSessions() === 0, 2000, 'simulator sees the unbind');
  expect(sim.stats.connections).toBe(1);
});

test('a pool of binds shares the load, and receipts from any bind reach the same listeners', async () => {
  const sim = await h.simulator({ receiptDelayMs: 20 });
  const client = h.client(sim, { binds: 3, window: 2 });
  await bound(client);
  expect(sim.boundSessions('test')).toBe(3);
  const receipts = collect((push) => client.on('receipt', (_r, c) => push(c)), 30);
  await Promise.all(Array.from({ length: 30 }, (_, i) => client.send({ to: '41790000000', text: `p${i}` }, i)));
  const correlations = await receipts;
  expect(new Set(correlations).size).toBe(30);
});

test('a malformed PDU from the SMSC drops the link, it reconnects, and the next send succeeds', async () => {
  const sim = await h.simulator();
  const client = h.client(sim);
  await bound(client);
  const down = waitForState(client, (s) => s.state === 'disconnected');
  sim.sendRaw(Buffer.from([0, 0, 0, 4, 0, 0, 0, 0]));
  expect((await down).reason).toMatch(/cannot be read|command_length/);
  await bound(client);
  await expect(client.send({ to: '41790000000', text: 'after the bad PDU' })).resolves.toMatchObject({ parts: 1 });
});

test('an unknown command from the SMSC gets generic_nack; a deliver_sm with a broken body is still answered', async () => {
  const sim = await h.simulator();
  const client = h.client(sim);
  await bound(client);
  const warnings = collect<string>((push) => client.on('warning', push), 1);
  const answers: number[] = [];
  sim.on('response', (pdu) => answers.push(pdu.commandId));
  const unknown = Buffer.from([0, 0, 0, 16, 0, 0, 0x01, 0x99, 0, 0, 0, 0, 0, 0, 0, 77]);
  const brokenDeliver = Buffer.from([0, 0, 0, 18, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 78, 0x41, 0x42]);
  sim.sendRaw(Buffer.concat([unknown, brokenDeliver]));
  expect((await warnings)[0]).toMatch(/could not be read/);
  await until(() => answers.length === 2, 2000, 'both answered');
  expect(answers).toEqual([0x80000000, 0x80000005]);
  expect(client.state.state).toBe('bound');
});
