/**
 * 100 activate/deactivate cycles of the SMPP Trigger in n8n's TriggerContext:
 * each activation binds once, each deactivation unbinds (idle time 0), and
 * afterwards no socket, timer or bind is left in the process.
 */
import { sleep, until } from '../helpers/harness';
import { activeHandles, handlesAbove } from '../helpers/handles';
import { activate, sessions, simulatorForFile, triggerNode, workflow } from './engine';

const CYCLES = 100;
const smsc = simulatorForFile();
const trigger = triggerNode('both');

test(`${CYCLES} activate/deactivate cycles of the trigger leave no sockets, timers or binds behind`, async () => {
  sessions.idleMs = 0;
  await sleep(100);
  const baseline = activeHandles();
  let binds = 0;
  smsc.sim.on('bind', () => binds++);
  for (let i = 0; i < CYCLES; i++) {
    const active = await activate(workflow([trigger]), trigger, smsc.credential);
    await until(() => binds === i + 1, 5000, `bound in cycle ${i}`);
    await active.response?.closeFunction?.();
    expect(active.errors).toEqual([]);
    expect(sessions.size).toBe(0);
  }
  await until(() => smsc.sim.boundSessions() === 0, 5000, 'all unbound');
  await until(() => handlesAbove(baseline).length === 0, 5000, `handles back to the baseline (${JSON.stringify(baseline)}), above: ${handlesAbove(baseline).join(', ')}`);
  expect(smsc.sim.stats.bindAttempts).toBe(CYCLES);
  expect(smsc.sim.stats.connections).toBe(CYCLES);
  process.stdout.write(`n8n trigger lifecycle: ${CYCLES} cycles, ${smsc.sim.stats.bindAttempts} binds, handles after ${JSON.stringify(activeHandles())} vs baseline ${JSON.stringify(baseline)}\n`);
}, 120_000);
