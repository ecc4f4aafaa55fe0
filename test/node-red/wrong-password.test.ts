/**
 * A refused login, watched for one real minute in a Node-RED runtime: two
 * sessions, one with a wrong password (0x0E) and one whose SMSC answers
 * "bind failed" (0x0D), each used by a send, a receipt and an inbound node.
 * At most 6 binds a minute, never faster than the credentials backoff
 * (30-60 s), and every node says in words what is wrong the whole time.
 */
import helper from 'node-red-node-test-helper';
import type { NodeMessage } from 'node-red';
import smppNodes from '../../src/node-red/smpp';
import { SmscSimulator } from '../../src/simulator/simulator';
import { sleep, startSimulator, until } from '../helpers/harness';
import { configNode, errorsOf, FlowNode, load, Status, statusHistory } from './flow';
import { redRuntime } from './runtime';
import { PASSWORD, WRONG_PASSWORD } from '../helpers/secrets';

helper.init(redRuntime);

const MINUTE_MS = 60_000;
/** The shortest wait the engine allows after a refused login. */
const CREDENTIALS_BACKOFF_MS = 30_000;

const sims: SmscSimulator[] = [];
beforeAll(() => helper.startServer());
afterAll(async () => {
  await helper.unload();
  await Promise.all(sims.map((s) => s.stop()));
  await helper.stopServer();
});

/** A config node and its three users; their ids start with the prefix. */
function session(prefix: string, sim: SmscSimulator): FlowNode[] {
  return [
    { ...configNode(sim), id: `${prefix}-cfg` },
    { id: `${prefix}-send`, type: 'smpp-send', session: `${prefix}-cfg`, to: '', from: 'ACME', wires: [[]] },
    { id: `${prefix}-dlr`, type: 'smpp-dlr-in', session: `${prefix}-cfg`, finalOnly: false, wires: [[]] },
    { id: `${prefix}-mo`, type: 'smpp-mo-in', session: `${prefix}-cfg`, destination: '', wires: [[]] },
  ];
}

/** Bind attempts as ms since the flow started. */
function bindTimes(sim: SmscSimulator, start: number): number[] {
  const times: number[] = [];
  sim.on('bindAttempt', () => times.push(Date.now() - start));
  return times;
}

test('a refused login for a minute: ≤ 6 binds, none faster than the backoff, every node says why', async () => {
  const wrongPassword = await startSimulator();
  const bindFailed = await startSimulator({ bindStatus: 0x0d });
  sims.push(wrongPassword, bindFailed);
  const start = Date.now();
  const binds = { password: bindTimes(wrongPassword, start), bindFailed: bindTimes(bindFailed, start) };
  await load(smppNodes, [...session('pw', wrongPassword), ...session('bf', bindFailed)], {
    'pw-cfg': { systemId: 'test', password: WRONG_PASSWORD },
    'bf-cfg': { systemId: 'test', password: PASSWORD },
  });
  const users = (prefix: string) => ['send', 'dlr', 'mo'].map((role) => `${prefix}-${role}`);
  const seen = () => new Map<string, Status[]>([...users('pw'), ...users('bf')].map((id) => [id, statusHistory(id)]));
  const says = (id: string, words: RegExp) => statusHistory(id).some((s) => words.test(s.text ?? ''));
  await until(() => users('pw').every((id) => says(id, /invalid password/i)) && users('bf').every((id) => says(id, /bind failed/i)), 5000, `every node names the refusal; seen: ${JSON.stringify(Object.fromEntries(seen()))}`);

  // A message sent meanwhile fails at once, in the same words.
  const errors = errorsOf(helper.getNode('pw-send'));
  helper.getNode('pw-send').receive({ payload: 'Disk full', to: '+41790000000' } as NodeMessage);
  await until(() => errors.length === 1, 2000, 'the send fails');
  expect(errors[0]).toMatch(/not sent: not bound.*invalid password/i);

  // A little past the minute, so a retry drawn at the backoff's far end (60 s) has come too.
  await sleep(MINUTE_MS + 2000 - (Date.now() - start));
  for (const times of Object.values(binds)) {
    expect(times.filter((t) => t <= MINUTE_MS).length).toBeLessThanOrEqual(6);
    expect(times.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(CREDENTIALS_BACKOFF_MS);
  }
  // Never bound, never "bound": after the first refusal every status is red and names the cause.
  for (const [id, statuses] of seen()) {
    const words = id.startsWith('pw') ? /invalid password/i : /bind failed/i;
    const afterRefusal = statuses.slice(statuses.findIndex((s) => words.test(s.text ?? '')));
    expect({ id, bound: statuses.some((s) => s.fill === 'green') }).toEqual({ id, bound: false });
    expect({ id, refusals: afterRefusal.every((s) => s.fill === 'red' || s.fill === 'yellow') }).toEqual({ id, refusals: true });
    const settled = statuses.filter((s) => s.fill !== 'yellow'); // "connecting" comes and goes with each attempt
    expect({ id, last: settled[settled.length - 1].text }).toEqual({ id, last: expect.stringMatching(words) });
  }
  expect(wrongPassword.stats.submits + bindFailed.stats.submits).toBe(0);
  process.stdout.write(`wrong password for a minute: bind attempts at ${JSON.stringify(binds)} ms\n`);
}, 90_000);
