/**
 * Where a password could leak in Node-RED, with one session that binds and one
 * refused: the runtime's log (debug logging of texts on), every node status,
 * every error a Catch node gets, and the flows as deployed and exported.
 * (The secret guard also reads all console output of every test file.)
 */
import helper from 'node-red-node-test-helper';
import type { NodeInitializer, NodeMessage } from 'node-red';
import smppNodes from '../../src/node-red/smpp';
import { until } from '../helpers/harness';
import { PASSWORD, SECRETS, WRONG_PASSWORD } from '../helpers/secrets';
import { configNode, FlowNode, load, statusHistory } from './flow';
import { coreNode, runtimeWithSimulator } from './runtime';

const smsc = runtimeWithSimulator({ receiptDelayMs: 10 });

const at = { z: 'tab', x: 100, y: 100 };
const users = (prefix: string): FlowNode[] => [
  { id: `${prefix}-send`, ...at, type: 'smpp-send', session: `${prefix}-cfg`, to: '', from: 'ACME', wires: [['out']] },
  { id: `${prefix}-dlr`, ...at, type: 'smpp-dlr-in', session: `${prefix}-cfg`, finalOnly: false, wires: [['out']] },
  { id: `${prefix}-mo`, ...at, type: 'smpp-mo-in', session: `${prefix}-cfg`, destination: '', wires: [['out']] },
];

test('no password in the log, node statuses, caught errors or the flows', async () => {
  await load([smppNodes, coreNode('common/25-catch.js') as NodeInitializer], [
    { id: 'tab', type: 'tab', label: 'SMS' },
    { ...configNode(smsc.sim), id: 'ok-cfg', debug: true },
    { ...configNode(smsc.sim), id: 'bad-cfg', debug: true },
    ...users('ok'), ...users('bad'),
    { id: 'catch', ...at, type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
    { id: 'out', ...at, type: 'helper' },
    { id: 'caught', ...at, type: 'helper' },
  ], { 'ok-cfg': { systemId: 'test', password: PASSWORD }, 'bad-cfg': { systemId: 'test', password: WRONG_PASSWORD } });
  await until(() => smsc.sim.boundSessions() === 1 && statusHistory('bad-send').some((s) => /invalid password/i.test(s.text ?? '')), 5000, 'one bound, one refused');

  const caught: string[] = [];
  helper.getNode('caught').on('input', (msg: NodeMessage) => {
    caught.push(JSON.stringify(msg));
  });
  let delivered = 0;
  helper.getNode('out').on('input', () => {
    delivered++;
  });
  // A message sent and its receipt, one refused as not bound, one refused as bad input, an inbound SMS.
  helper.getNode('ok-send').receive({ payload: 'Server db-1 is down', to: '+41790000001' } as NodeMessage);
  helper.getNode('bad-send').receive({ payload: 'Server db-1 is down', to: '+41790000001' } as NodeMessage);
  helper.getNode('ok-send').receive({ payload: 'x', to: 'not a number' } as NodeMessage);
  smsc.sim.injectInbound({ from: '41795550000', to: '41800000000', text: 'hello' });
  await until(() => caught.length === 2 && delivered === 3, 5000, 'two errors caught; sent, receipt and inbound delivered');

  const red = helper as unknown as { _redNodes: { getFlows(): unknown } };
  const places: Record<string, string> = {
    log: JSON.stringify((helper.log() as unknown as { args: unknown[][] }).args),
    statuses: JSON.stringify(['ok', 'bad'].flatMap((p) => users(p)).map((n) => statusHistory(n.id))),
    caughtErrors: caught.join('\n'),
    flows: JSON.stringify(red._redNodes.getFlows()),
  };
  expect(places.statuses).toMatch(/invalid password/i);
  expect(places.log).toMatch(/Server db-1 is down/); // debug logging of texts is on, so the log is not empty of content
  for (const [place, text] of Object.entries(places)) {
    for (const secret of SECRETS) expect({ place, leaks: text.includes(secret) }).toEqual({ place, leaks: false });
  }
  process.stdout.write(`secrets, Node-RED: ${JSON.stringify(Object.fromEntries(Object.entries(places).map(([k, v]) => [k, v.length])))} characters searched\n`);
});
