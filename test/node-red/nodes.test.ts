/** The Node-RED nodes inside a real Node-RED runtime, against the simulator over TLS. */
import helper from 'node-red-node-test-helper';
import type { NodeInitializer, NodeMessage } from 'node-red';
import smppNodes from '../../src/node-red/smpp';
import { SmscSimulator } from '../../src/simulator/simulator';
import { startSimulator, until } from '../helpers/harness';
import { CONFIG_ID, configNode, credentials, FlowNode, load, redeploy, statusHistory } from './flow';

import { coreNode, redRuntime } from './runtime';
import { PASSWORD, WRONG_PASSWORD } from '../helpers/secrets';

const catchNode = coreNode('common/25-catch.js') as NodeInitializer;

helper.init(redRuntime);

let sim: SmscSimulator;
beforeAll(() => helper.startServer());
afterAll(() => helper.stopServer());
beforeEach(async () => {
  sim = await startSimulator({ provider: 'agile', receiptDelayMs: 30 });
});
afterEach(async () => {
  await helper.unload();
  await sim.stop();
});

type Msg = NodeMessage & Record<string, unknown>;

function nextMessage(id: string, timeoutMs = 5000): Promise<Msg> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message from ${id} in ${timeoutMs} ms`)), timeoutMs);
    helper.getNode(id).once('input', (msg: Msg) => {
      clearTimeout(timer);
      resolve(msg);
    });
  });
}

/** A tab with send, receipt and inbound nodes on one session, and a Catch node (which only works inside a tab). */
const sendFlow = (extra: Record<string, unknown> = {}): FlowNode[] => [
  { id: 'tab', type: 'tab', label: 'SMS' },
  configNode(sim, extra),
  { id: 'send', z: 'tab', x: 100, y: 100, type: 'smpp-send', session: CONFIG_ID, to: '', from: 'ACME', wires: [['out']] },
  { id: 'dlr', z: 'tab', x: 100, y: 100, type: 'smpp-dlr-in', session: CONFIG_ID, finalOnly: false, wires: [['receipts']] },
  { id: 'mo', z: 'tab', x: 100, y: 100, type: 'smpp-mo-in', session: CONFIG_ID, destination: '', wires: [['inbound']] },
  { id: 'catch', z: 'tab', x: 100, y: 100, type: 'catch', scope: null, uncaught: false, wires: [['caught']] },
  { id: 'out', z: 'tab', x: 100, y: 100, type: 'helper' },
  { id: 'receipts', z: 'tab', x: 100, y: 100, type: 'helper' },
  { id: 'inbound', z: 'tab', x: 100, y: 100, type: 'helper' },
  { id: 'caught', z: 'tab', x: 100, y: 100, type: 'helper' },
];

async function boundFlow(extra: Record<string, unknown> = {}): Promise<void> {
  await load([smppNodes, catchNode], sendFlow(extra), credentials());
  await until(() => sim.boundSessions() === 1, 5000, 'session bound');
}

test('send: the msg comes out with message ids, parts and encoding; its receipt carries the correlationId', async () => {
  await boundFlow();
  const out = nextMessage('out');
  const receipt = nextMessage('receipts');
  helper.getNode('send').receive({ payload: 'Disk full on db-1', to: '+41 79 123 45 67', correlationId: 'alert-42' } as NodeMessage);
  const sent = await out;
  expect(sent.smpp).toEqual({ messageIds: [expect.stringMatching(/^AGILE-/)], parts: 1, encoding: 'GSM7' });
  expect(sent.payload).toBe('Disk full on db-1');
  const dlr = await receipt;
  expect(dlr.correlationId).toBe('alert-42');
  expect(dlr.payload).toMatchObject({ messageId: (sent.smpp as { messageIds: string[] }).messageIds[0], status: 'DELIVRD', delivered: true, final: true, to: '41791234567', from: 'ACME' });
  expect(sim.submitted[0]).toMatchObject({ to: '41791234567', from: 'ACME', text: 'Disk full on db-1' });
});

test('send: per-message options under msg.smpp are applied', async () => {
  await boundFlow();
  const out = nextMessage('out');
  helper.getNode('send').receive({ payload: 'x'.repeat(200), to: '41790000000', smpp: { multipart: 'sar', registeredDelivery: false, encoding: 'UCS2' } } as NodeMessage);
  const sent = await out;
  expect(sent.smpp).toMatchObject({ parts: 3, encoding: 'UCS2' });
  expect(sim.submitted.every((p) => p.registeredDelivery === 0 && p.tlvs.has(0x020c) && p.dataCoding === 8)).toBe(true);
});

test('bad input reaches Catch with the field and the rule, and nothing is sent', async () => {
  await boundFlow();
  const caught = nextMessage('caught');
  helper.getNode('send').receive({ payload: 'hello', to: 'not-a-number' } as NodeMessage);
  const msg = await caught;
  expect((msg.error as { message: string }).message).toMatch(/msg\.to: must be an international phone number/);
  expect((msg.smpp as { error: object }).error).toMatchObject({ status: null, name: 'INVALID_INPUT', field: 'msg.to', retryable: false });
  expect(sim.stats.submits).toBe(0);
});

test("a provider refusal reaches Catch decoded: Agile's insufficient credit", async () => {
  await sim.stop();
  sim = await startSimulator({ provider: 'agile', outcomes: { '41790000009': { noCredit: true } } });
  await boundFlow({ provider: 'agile', host: sim.host, port: sim.port });
  const caught = nextMessage('caught');
  helper.getNode('send').receive({ payload: 'x', to: '+41790000009' } as NodeMessage);
  const msg = await caught;
  expect((msg.smpp as { error: object }).error).toEqual({ status: 0x103, name: 'AGILE_INSUFFICIENT_CREDIT', description: 'Insufficient credit: your account balance is too low. Top up your credit', retryable: false });
});

test('mo-in: one msg per inbound SMS, reassembled, filtered by destination', async () => {
  await load(smppNodes, [
    configNode(sim),
    { id: 'mo', type: 'smpp-mo-in', session: CONFIG_ID, destination: '+41 80 000 00 01', wires: [['inbound']] },
    { id: 'inbound', type: 'helper' },
  ], credentials());
  await until(() => sim.boundSessions() === 1);
  const got = nextMessage('inbound');
  sim.injectInbound({ from: '41795550000', to: '41800000002', text: 'not for us' });
  sim.injectInbound({ from: '41795550000', to: '41800000001', text: 'Grüezi! '.repeat(30), multipart: 'udh8' });
  const msg = await got;
  expect(msg).toMatchObject({ payload: 'Grüezi! '.repeat(30), from: '41795550000', to: '41800000001', topic: 'smpp/inbound' });
  expect(msg.smpp).toMatchObject({ parts: 2, alphabet: 'GSM7', dataCoding: 0 });
});

test('dlr-in: "only final receipts" drops intermediate ones and decodes provider errors', async () => {
  await load(smppNodes, [
    configNode(sim, { provider: 'agile', host: sim.host, port: sim.port }),
    { id: 'dlr', type: 'smpp-dlr-in', session: CONFIG_ID, finalOnly: true, wires: [['receipts']] },
    { id: 'receipts', type: 'helper' },
  ], credentials());
  await until(() => sim.boundSessions() === 1);
  const got = nextMessage('receipts');
  sim.injectReceipt({ messageId: 'AGILE-1', stat: 'ENROUTE' });
  sim.injectReceipt({ messageId: 'AGILE-1', stat: 'UNDELIV', err: 201 });
  const msg = await got;
  expect(msg.payload).toMatchObject({ messageId: 'AGILE-1', status: 'UNDELIV', final: true, errorCode: 201, error: { code: 201, category: 'HLR ERROR', description: 'Absent subscriber' } });
  expect(msg.correlationId).toBeUndefined();
});

test('status: every node on the session shows connecting, then bound; a wrong password shows in words on all of them', async () => {
  await load([smppNodes, catchNode], sendFlow(), credentials(WRONG_PASSWORD));
  const users = ['send', 'dlr', 'mo'];
  const refusal = (id: string) => statusHistory(id).find((st) => /invalid password/i.test(st.text ?? ''));
  await until(() => users.every(refusal), 5000, 'invalid password on every node');
  for (const id of users) expect(refusal(id)).toMatchObject({ fill: 'red', shape: 'ring' });
  await helper.unload();
  await load([smppNodes, catchNode], sendFlow(), credentials());
  const bound = (id: string) => statusHistory(id).some((st) => st.fill === 'green' && st.text === 'smpp.status.bound');
  await until(() => users.every(bound), 5000, 'bound on every node');
});

test('the password is not in the flow JSON; credentials come from the credential store', async () => {
  const flow = sendFlow();
  flow[1].credentials = { systemId: 'test', password: PASSWORD };
  await load([smppNodes, catchNode], [{ id: 'empty', type: 'helper' }], {});
  await redeploy(flow);
  await until(() => sim.boundSessions() === 1, 5000, 'bound with extracted credentials');
  const stored = JSON.stringify((helper as unknown as { _redNodes: { getFlows(): unknown } })._redNodes.getFlows());
  expect(stored).toContain('smpp-config');
  expect(stored).not.toContain(PASSWORD);
});

test('the editor gets the provider presets from the runtime', async () => {
  await load(smppNodes, [{ id: 'empty', type: 'helper' }], {});
  const res = await helper.request().get('/smpp/providers').expect(200);
  expect(res.body.agile).toMatchObject({ host: 'smpp.agiletelecom.com', port: 2776, maxBinds: 4, messagesPerSecond: 100 });
  expect(res.body.ecall).toMatchObject({ host: 'smpp.ecall.ch', port: 2776 });
});

test('runs in the Node-RED it was asked for (4 by default, 5 under scripts/test-node-red-5.js)', async () => {
  const red = (helper as unknown as { _RED: { version(): string } })._RED;
  const expected = process.env.NODE_RED_RUNTIME ? '5.' : '4.';
  expect(red.version().startsWith(expected)).toBe(true);
});
