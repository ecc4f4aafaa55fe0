/**
 * 100 activate/deactivate cycles of the SMPP Trigger in n8n's TriggerContext:
 * each activation binds once, each deactivation unbinds (idle time 0), and
 * afterwards no socket, timer or bind is left in the process.
 */
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { SmscSimulator } from '../../src/simulator/simulator';
import { sleep, startSimulator, until } from '../helpers/harness';
import { activeHandles, handlesAbove } from '../helpers/handles';
import { activate, sessions, workflow } from './engine';
import { PASSWORD } from '../helpers/secrets';

const CYCLES = 100;
let sim: SmscSimulator;
let credential: ICredentialDataDecryptedObject;

beforeAll(async () => {
  sim = await startSimulator();
  credential = { provider: 'custom', host: sim.host, port: sim.port, tls: true, verifyTls: true, ca: sim.ca, systemId: 'test', password: PASSWORD, bindMode: 'transceiver', binds: 1, window: 10, messagesPerSecond: 0 };
});
afterAll(async () => {
  sessions.idleMs = 60_000;
  await sessions.closeAll();
  await sim.stop();
});

const trigger: INode = {
  id: 'trigger', name: 'SMPP Trigger', type: 'n8n-nodes-smpp-tls.smppTrigger', typeVersion: 1, position: [0, 0],
  credentials: { smppApi: { id: 'c1', name: 'SMPP' } }, parameters: { events: 'both', options: {} },
};

test(`${CYCLES} activate/deactivate cycles of the trigger leave no sockets, timers or binds behind`, async () => {
  sessions.idleMs = 0;
  await sleep(100);
  const baseline = activeHandles();
  let binds = 0;
  sim.on('bind', () => binds++);
  for (let i = 0; i < CYCLES; i++) {
    const active = await activate(workflow([trigger]), trigger, credential);
    await until(() => binds === i + 1, 5000, `bound in cycle ${i}`);
    await active.response?.closeFunction?.();
    expect(active.errors).toEqual([]);
    expect(sessions.size).toBe(0);
  }
  await until(() => sim.boundSessions() === 0, 5000, 'all unbound');
  await until(() => handlesAbove(baseline).length === 0, 5000, `handles back to the baseline (${JSON.stringify(baseline)}), above: ${handlesAbove(baseline).join(', ')}`);
  expect(sim.stats.bindAttempts).toBe(CYCLES);
  expect(sim.stats.connections).toBe(CYCLES);
  process.stdout.write(`n8n trigger lifecycle: ${CYCLES} cycles, ${sim.stats.bindAttempts} binds, handles after ${JSON.stringify(activeHandles())} vs baseline ${JSON.stringify(baseline)}\n`);
}, 120_000);
