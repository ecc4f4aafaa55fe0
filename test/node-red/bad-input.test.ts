/**
 * 10,000 fuzzed bad messages into smpp-send in a real Node-RED runtime: each
 * one reaches a Catch node with an error naming the msg property and the rule,
 * and not one submit_sm reaches the SMSC.
 */
import fc from 'fast-check';
import helper from 'node-red-node-test-helper';
import type { NodeInitializer, NodeMessage } from 'node-red';
import smppNodes from '../../src/node-red/smpp';
import { until } from '../helpers/harness';
import { anyBadInput, BadInput, expectedMessage, MAX_PARTS } from '../helpers/bad-input';
import { CONFIG_ID, configNode, credentials, load } from './flow';
import { coreNode, runtimeWithSimulator } from './runtime';

const smsc = runtimeWithSimulator();

type Caught = NodeMessage & { error: { message: string }; smpp: { error: { name: string; field: string; rule: string } } };

/** The engine's field as the Node-RED user wrote it. */
const msgProperty = (field: BadInput['field']) => ({ text: 'msg.payload', to: 'msg.to', from: 'msg.from' })[field as string] ?? `msg.smpp.${field}`;

function toMsg({ message }: BadInput): NodeMessage {
  const { to, text, from, ...options } = message;
  const msg: Record<string, unknown> = { to, payload: text, smpp: options };
  if ('from' in message) msg.from = from;
  return msg as NodeMessage;
}

test('10,000 fuzzed bad messages: each caught with the msg property and the rule, none sent', async () => {
  await load([smppNodes, coreNode('common/25-catch.js') as NodeInitializer], [
    { id: 'tab', type: 'tab', label: 'SMS' },
    configNode(smsc.sim, { maxParts: MAX_PARTS }),
    { id: 'send', z: 'tab', x: 100, y: 100, type: 'smpp-send', session: CONFIG_ID, to: '', from: 'ACME', wires: [['out']] },
    { id: 'catch', z: 'tab', x: 100, y: 100, type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
    { id: 'out', z: 'tab', x: 100, y: 100, type: 'helper' },
    { id: 'caught', z: 'tab', x: 100, y: 100, type: 'helper' },
  ], credentials());
  await until(() => smsc.sim.boundSessions() === 1, 5000, 'session bound');
  let sent = 0;
  helper.getNode('out').on('input', () => sent++);
  const caught = helper.getNode('caught');
  const byField = new Map<string, number>();

  await fc.assert(fc.asyncProperty(anyBadInput, async (input) => {
    const answer = new Promise<Caught>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing caught for ${JSON.stringify(input)}`)), 2000);
      caught.once('input', (msg: Caught) => {
        clearTimeout(timer);
        resolve(msg);
      });
    });
    helper.getNode('send').receive(toMsg(input));
    const msg = await answer;
    const property = msgProperty(input.field);
    // Node-RED writes the error as err.toString(): "SmppError: msg.to: must be …".
    expect(msg.error.message.replace(/^SmppError: /, '')).toMatch(expectedMessage(property));
    expect(msg.smpp.error).toMatchObject({ name: 'INVALID_INPUT', field: property, rule: expect.any(String) });
    byField.set(input.field, (byField.get(input.field) ?? 0) + 1);
  }), { numRuns: 10_000 });

  expect(sent).toBe(0);
  expect(smsc.sim.stats.submits).toBe(0);
  // Every kind of field was tried (the figures go in the closing note).
  expect(byField.size).toBe(9);
  process.stdout.write(`bad input, Node-RED: ${JSON.stringify(Object.fromEntries(byField))}\n`);
}, 120_000);
