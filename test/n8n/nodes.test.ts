/** The n8n nodes inside n8n's own execution engine, against the simulator over TLS. */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunction, INode } from 'n8n-workflow';
import { SmscSimulator } from '../../src/simulator/simulator';
import { startSimulator, until } from '../helpers/harness';
import { activate, credentialFor, DEFAULT_IDLE_MS, run, sessions, smpp, smppTrigger, triggerNode, workflow } from './engine';
import { WRONG_PASSWORD } from '../helpers/secrets';

type INodeTypeDescriptionLike = { properties: { name: string }[] };

let sim: SmscSimulator;
let credential: ICredentialDataDecryptedObject;

beforeEach(async () => {
  sim = await startSimulator({ provider: 'ecall', receiptDelayMs: 30, outcomes: { '41790000402': { noCredit: true } } });
  credential = credentialFor(sim, { provider: 'ecall' });
});
afterEach(async () => {
  sessions.idleMs = DEFAULT_IDLE_MS;
  await sessions.closeAll();
  await sim.stop();
});

const credentialTest = smpp.methods?.credentialTest?.smppApiTest as ICredentialTestFunction;
const testCredential = (data: ICredentialDataDecryptedObject) =>
  credentialTest.call(new CredentialTestContext(), { id: 'c1', name: 'SMPP', type: 'smppApi', data });

test('the credential test really binds and unbinds', async () => {
  const result = await testCredential(credential);
  expect(result).toEqual({ status: 'OK', message: `Bound to ${sim.host}:${sim.port} as transceiver` });
  expect(sim.stats.bindAttempts).toBe(1);
  await until(() => sim.boundSessions() === 0, 2000, 'unbound after the test');
});

test('the credential test says in words what failed: bad password, untrusted certificate, nothing listening', async () => {
  expect(await testCredential({ ...credential, password: WRONG_PASSWORD })).toEqual({ status: 'Error', message: expect.stringMatching(/bind failed: Invalid password/) });
  expect(await testCredential({ ...credential, ca: '' })).toEqual({ status: 'Error', message: expect.stringMatching(/TLS: the certificate of .* is not trusted/) });
  expect(await testCredential({ ...credential, port: 1 })).toEqual({ status: 'Error', message: expect.stringMatching(/connection refused/) });
  expect(await testCredential({ ...credential, systemId: '' })).toEqual({ status: 'Error', message: expect.stringMatching(/systemId: is required/) });
});

const itemsNode = (items: object[]): INode => ({
  id: 'items', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(items) },
});
const smppNode = (extra: Partial<INode> = {}): INode => ({
  id: 'smpp', name: 'SMPP', type: 'n8n-nodes-smpp-tls.smpp', typeVersion: 1, position: [200, 0],
  credentials: { smppApi: { id: 'c1', name: 'SMPP' } },
  parameters: { operation: 'send', to: '={{ $json.to }}', from: 'ACME', text: '={{ $json.text }}', options: { correlationId: '={{ $json.id }}' } },
  ...extra,
});
const connections = { Items: { main: [[{ node: 'SMPP', type: 'main' as const, index: 0 }]] } };
const LONG = 'The backup of db-1 failed three nights in a row; disk /var is at 97 percent. '.repeat(3);

test('three items through one session: a short text, a long one in parts, and one refused for credit (continue on fail)', async () => {
  const wf = workflow([
    itemsNode([{ to: '+41790000001', text: 'Server db-1 is down', id: 'a' }, { to: '+41790000002', text: LONG, id: 'b' }, { to: '+41790000402', text: 'no credit', id: 'c' }]),
    smppNode({ onError: 'continueRegularOutput' }),
  ], connections);
  const result = await run(wf, credential);
  expect(result.data.resultData.error).toBeUndefined();
  const items = result.data.resultData.runData.SMPP[0].data?.main[0] ?? [];
  expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
  expect(items[0].json).toEqual({ to: '+41790000001', correlationId: 'a', smpp: { messageIds: [expect.stringMatching(/^[0-9A-F]{16}$/)], parts: 1, encoding: 'GSM7' } });
  expect(items[1].json).toMatchObject({ correlationId: 'b', smpp: { parts: 2, encoding: 'GSM7' } });
  expect((items[1].json.smpp as { messageIds: string[] }).messageIds).toHaveLength(2);
  expect(items[2].json).toEqual({
    error: expect.stringMatching(/insufficient credits/),
    smpp: { error: { status: 0x401, name: 'ESME_RBILLINGFAILED', description: 'SMS billing failed because the account has insufficient credits', retryable: false } },
  });
  expect(sim.submitted.map((p) => p.to)).toEqual(['41790000001', '41790000002', '41790000002']);
  expect(sim.boundSessions()).toBe(1); // kept for the next execution until the idle time ends
});

test('without continue-on-fail the node stops with the decoded error; bad input names the parameter', async () => {
  const wf = workflow([itemsNode([{ to: 'not a number', text: 'x', id: 'a' }]), smppNode()], connections);
  const result = await run(wf, credential);
  const error = result.data.resultData.error as { message: string; description?: string } | undefined;
  expect(error?.message).toMatch(/^To: must be an international phone number/);
  expect(error?.description).toBe('INVALID_INPUT');
  expect(sim.stats.submits).toBe(0);
});

test('the trigger emits a correlated delivery receipt and an inbound SMS, with the Node-RED shapes', async () => {
  const trigger = triggerNode('both', { finalOnly: true });
  const active = await activate(workflow([trigger]), trigger, credential);
  await until(() => sim.boundSessions() === 1, 5000, 'trigger bound');
  // The action node in another execution shares the trigger's session, so the receipt finds its correlation id.
  await run(workflow([itemsNode([{ to: '+41790000001', text: 'hello', id: 'corr-1' }]), smppNode()], connections), credential);
  sim.injectInbound({ from: '41795550000', to: '41800000000', text: 'Ja, ich komme 👍' });
  await until(() => active.items.length === 2, 5000, 'receipt and inbound SMS emitted');
  const receipt = active.items.find((i) => i.topic === 'smpp/receipt');
  const inbound = active.items.find((i) => i.topic === 'smpp/inbound');
  expect(receipt).toMatchObject({ correlationId: 'corr-1', payload: { status: 'DELIVRD', delivered: true, final: true, to: '41790000001', from: 'ACME', error: null } });
  expect(inbound).toMatchObject({ payload: 'Ja, ich komme 👍', from: '41795550000', to: '41800000000', smpp: { alphabet: 'UCS2', parts: 1 } });
  expect(sim.stats.bindAttempts).toBe(1);
  await active.response?.closeFunction?.();
});

test('closing the trigger unbinds the session when no one else uses it', async () => {
  sessions.idleMs = 0;
  const trigger = triggerNode('inbound');
  const active = await activate(workflow([trigger]), trigger, credential);
  await until(() => sim.boundSessions() === 1, 5000, 'trigger bound');
  await active.response?.closeFunction?.();
  await until(() => sessions.size === 0, 2000, 'session released');
  await until(() => sim.boundSessions() === 0, 4000, 'unbound after close');
});

test('the published bundles need nothing but Node built-ins and n8n-workflow', () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const { builtinModules } = jest.requireActual<typeof import('node:module')>('node:module');
  const bundles = ['nodes/Smpp/Smpp.node.js', 'nodes/SmppTrigger/SmppTrigger.node.js', 'credentials/SmppApi.credentials.js', 'src/node-red/smpp.js', 'src/simulator/cli.js'];
  for (const bundle of bundles) {
    const code = fs.readFileSync(`${__dirname}/../../dist/${bundle}`, 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1].replace(/^node:/, ''));
    const foreign = required.filter((r) => r !== 'n8n-workflow' && !builtinModules.includes(r.split('/')[0]) && !builtinModules.includes(r));
    expect({ bundle, foreign }).toEqual({ bundle, foreign: [] });
  }
});

test('the example workflows: every node is known, and the auto-reply answers an inbound SMS for real', async () => {
  const fs = jest.requireActual<typeof import('node:fs')>('node:fs');
  const dir = `${__dirname}/../../n8n-workflows`;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
  expect(files.sort()).toEqual(['auto-reply-to-inbound-sms.json', 'delivery-receipts.json', 'sms-alert-from-webhook.json']);
  const ours: Record<string, INodeTypeDescriptionLike> = { 'n8n-nodes-smpp-tls.smpp': smpp.description, 'n8n-nodes-smpp-tls.smppTrigger': smppTrigger.description };
  for (const file of files) {
    const wf = JSON.parse(fs.readFileSync(`${dir}/${file}`, 'utf8')) as { nodes: INode[] };
    for (const node of wf.nodes) {
      if (!ours[node.type]) {
        expect(node.type).toMatch(/^n8n-nodes-base\.(webhook|if|noOp)$/);
        continue;
      }
      const known = new Set(ours[node.type].properties.map((p) => p.name));
      for (const parameter of Object.keys(node.parameters)) expect({ file, parameter, known: known.has(parameter) }).toEqual({ file, parameter, known: true });
    }
  }
  // Run the auto-reply's SMPP node on the item the trigger would emit for an inbound SMS.
  const autoReply = JSON.parse(fs.readFileSync(`${dir}/auto-reply-to-inbound-sms.json`, 'utf8')) as { nodes: INode[] };
  const reply = { ...autoReply.nodes.find((n) => n.name === 'Reply')!, name: 'SMPP' };
  const inbound = { topic: 'smpp/inbound', payload: 'Are you open today?', from: '41795550000', to: '41800000000', smpp: {} };
  const result = await run(workflow([itemsNode([inbound]), reply], connections), credential);
  expect(result.data.resultData.error).toBeUndefined();
  expect(sim.submitted[0]).toMatchObject({ to: '41795550000', from: '41800000000', text: expect.stringMatching(/^Auto-reply/) });
});

test('"Test step" (manual mode) waits for the next event and emits it', async () => {
  const node = triggerNode('both');
  const active = await activate(workflow([node]), node, credential, 'manual');
  await until(() => sim.boundSessions() === 1, 5000, 'trigger bound');
  let done = false;
  const waiting = active.response!.manualTriggerFunction!().then(() => (done = true));
  await new Promise((r) => setTimeout(r, 100));
  expect(done).toBe(false);
  sim.injectInbound({ from: '41795550000', to: '41800000000', text: 'test click' });
  await waiting;
  expect(active.items).toEqual([expect.objectContaining({ topic: 'smpp/inbound', payload: 'test click' })]);
  await active.response?.closeFunction?.();
});

test('the trigger reports an error only when the session cannot heal (wrong password), not for a dropped link', async () => {
  const node = triggerNode('both');
  const good = await activate(workflow([node]), node, credential);
  await until(() => sim.boundSessions() === 1, 5000, 'bound');
  sim.dropAll();
  await until(() => sim.stats.bindAttempts === 2 && sim.boundSessions() === 1, 5000, 'reconnected by itself');
  expect(good.errors).toEqual([]);
  await good.response?.closeFunction?.();
  const bad = await activate(workflow([node]), node, { ...credential, password: WRONG_PASSWORD });
  await until(() => bad.errors.length === 1, 5000, 'error emitted');
  expect(bad.errors[0].message).toMatch(/bind failed: Invalid password/);
  await bad.response?.closeFunction?.();
});
