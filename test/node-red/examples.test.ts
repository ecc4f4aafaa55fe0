/** Every example flow loads in a real Node-RED runtime and does what its comment promises, against the simulator. */
import fs from 'node:fs';
import path from 'node:path';
import type { Express } from 'express';
import helper from 'node-red-node-test-helper';
import request from 'supertest';
import type { NodeAPI, NodeInitializer } from 'node-red';
import smppNodes from '../../src/node-red/smpp';
import { SmscSimulator } from '../../src/simulator/simulator';
import { until } from '../helpers/harness';
import { caFileFor, FlowNode, load, statusHistory } from './flow';

import { coreNode, redRuntime } from './runtime';

const coreNodes = ['common/20-inject.js', 'common/25-catch.js', 'common/90-comment.js', 'function/15-change.js', 'function/10-switch.js', 'sequence/17-split.js', 'network/21-httpin.js']
  .map((file) => coreNode(file) as NodeInitializer);

helper.init(redRuntime);

const EXAMPLES = path.resolve(__dirname, '../../examples');
let sim: SmscSimulator;
let httpNode: Express;
const probe = (RED: NodeAPI) => {
  httpNode = RED.httpNode as unknown as Express;
};

beforeAll(() => helper.startServer());
afterAll(() => helper.stopServer());
beforeEach(async () => {
  sim = await new SmscSimulator({ receiptDelayMs: 20, demoPhone: { number: '41790000000', replyAfterMs: 50 }, accounts: { test: 'secret', bulk: 'secret' } }).start();
});
afterEach(async () => {
  await helper.unload();
  await sim.stop();
});

/** The example as a user imports it, pointed at this test's simulator; debug nodes become probes. */
async function loadExample(file: string): Promise<void> {
  const nodes = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) as FlowNode[];
  const credentials: Record<string, object> = {};
  const flow = nodes.map((node) => {
    if (node.type === 'debug') return { id: node.id, z: node.z, x: node.x, y: node.y, type: 'helper' } as FlowNode;
    if (node.type !== 'smpp-config') return node;
    credentials[node.id] = node.credentials as object;
    const { credentials: _c, ...rest } = node;
    return { ...rest, host: sim.host, port: sim.port, caFile: caFileFor(sim) };
  });
  await load([smppNodes, ...coreNodes, probe], flow, credentials);
  await until(() => sim.boundSessions() === flow.filter((n) => n.type === 'smpp-config').length, 5000, 'sessions bound');
}

function received(id: string): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [];
  helper.getNode(id).on('input', (msg: Record<string, unknown>) => list.push(msg));
  return list;
}

function errorsLogged(): unknown[] {
  const log = helper.log() as unknown as { args: [{ level: number; msg: unknown }][] };
  return log.args.map(([entry]) => entry).filter((e) => e.level <= 20).map((e) => e.msg);
}

test('the examples folder holds the three flows Node-RED lists under Import → Examples', () => {
  expect(fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).sort()).toEqual([
    '01 Send an alert and track its delivery.json',
    '02 Auto-reply to inbound SMS.json',
    '03 Bulk send from a list with a rate limit.json',
  ]);
});

test('example 1: the alert is sent, its receipt comes back correlated, and the HTTP endpoint sends or explains', async () => {
  await loadExample('01 Send an alert and track its delivery.json');
  const submitted = received('ex1-debug');
  const receipts = received('ex1-dlr-debug');
  const failed = received('ex1-failed');
  helper.getNode('ex1-inject').receive({});
  helper.getNode('ex1-long').receive({});
  await until(() => receipts.length === 4, 5000, 'four receipts (1 + 3 parts)');
  expect(submitted.map((m) => (m.smpp as { parts: number }).parts).sort()).toEqual([1, 3]);
  expect(new Set(receipts.map((r) => r.correlationId))).toEqual(new Set(['alert-db-1', 'alert-disk']));
  const ok = await request(httpNode).get('/send-sms').query({ to: '+41790000005', text: 'hello over HTTP' }).expect(200);
  expect(ok.body).toMatchObject({ parts: 1, encoding: 'GSM7', messageIds: [expect.any(String)] });
  const bad = await request(httpNode).get('/send-sms').query({ to: 'nobody', text: 'x' }).expect(400);
  expect(bad.body).toMatchObject({ name: 'INVALID_INPUT', field: 'msg.to' });
  expect(failed).toHaveLength(1);
  expect(errorsLogged().filter((m) => !/msg\.to/.test(String(m)))).toEqual([]);
});

test('example 2: the demo phone answers, the answer arrives as an inbound SMS, and the auto-reply goes back once', async () => {
  await loadExample('02 Auto-reply to inbound SMS.json');
  const inbound = received('ex2-inbound');
  const replied = received('ex2-replied');
  helper.getNode('ex2-inject').receive({});
  await until(() => replied.length === 1, 5000, 'auto-reply sent');
  expect(inbound[0]).toMatchObject({ from: '41790000000', payload: 'Got it: Hello demo phone, are you there?' });
  expect(sim.submitted.map((p) => [p.to, p.text.slice(0, 10)])).toEqual([['41790000000', 'Hello demo'], ['41790000000', 'Auto-reply']]);
  await new Promise((r) => setTimeout(r, 300));
  expect(inbound).toHaveLength(1);
  expect(errorsLogged()).toEqual([]);
});

test('example 3: twenty SMS leave at the 2/s rate limit, the queue shows in the status, and all receipts come', async () => {
  await loadExample('03 Bulk send from a list with a rate limit.json');
  const sent = received('ex3-sent');
  const receipts = received('ex3-dlr-debug');
  const started = Date.now();
  helper.getNode('ex3-inject').receive({});
  await until(() => receipts.length === 20, 15_000, 'twenty receipts');
  const seconds = (Date.now() - started) / 1000;
  expect(sent).toHaveLength(20);
  expect(seconds).toBeGreaterThanOrEqual(9);
  expect(statusHistory('ex3-send').some((s) => /queued/.test(s.text ?? ''))).toBe(true);
  expect(new Set(sim.submitted.map((p) => p.to)).size).toBe(20);
  expect(errorsLogged()).toEqual([]);
}, 30_000);
