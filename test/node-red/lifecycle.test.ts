/**
 * 100 full redeploys of a flow with a two-bind session and its three users:
 * never more binds than the pool, and afterwards no socket, timer or bind left.
 */
import smppNodes from '../../src/node-red/smpp';
import { sleep, until } from '../helpers/harness';
import { activeHandles, handlesAbove } from '../helpers/handles';
import { CONFIG_ID, configNode, credentials, FlowNode, load, redeploy } from './flow';
import { runtimeWithSimulator } from './runtime';

const smsc = runtimeWithSimulator();

const REDEPLOYS = 100;
const empty: FlowNode[] = [{ id: 'empty', type: 'helper' }];

/** Version `v` of the flow: a renamed send node makes every deploy a change. */
const flow = (v: number): FlowNode[] => [
  configNode(smsc.sim, { binds: 2 }),
  { id: 'send', type: 'smpp-send', name: `v${v}`, session: CONFIG_ID, to: '', from: 'ACME', wires: [[]] },
  { id: 'dlr', type: 'smpp-dlr-in', session: CONFIG_ID, finalOnly: false, wires: [[]] },
  { id: 'mo', type: 'smpp-mo-in', session: CONFIG_ID, destination: '', wires: [[]] },
];

test(`${REDEPLOYS} redeploys leave no sockets, timers or binds behind`, async () => {
  await load(smppNodes, empty, {});
  await sleep(100);
  const baseline = activeHandles();
  let mostBound = 0;
  for (let v = 0; v < REDEPLOYS; v++) {
    await redeploy(flow(v), credentials());
    // Every other deploy waits for the binds, so both bound and half-open sessions get torn down.
    if (v % 2) await until(() => smsc.sim.boundSessions() === 2, 5000, `two binds after deploy ${v}`);
    mostBound = Math.max(mostBound, smsc.sim.boundSessions());
    expect(smsc.sim.boundSessions()).toBeLessThanOrEqual(2);
  }
  await redeploy(empty);
  await until(() => smsc.sim.boundSessions() === 0, 5000, 'all unbound');
  await until(() => handlesAbove(baseline).length === 0, 5000, `handles back to the baseline (${JSON.stringify(baseline)}), above: ${handlesAbove(baseline).join(', ')}`);
  expect(smsc.sim.stats.bindAttempts).toBeLessThanOrEqual(2 * REDEPLOYS);
  expect(smsc.sim.stats.bindAttempts).toBeGreaterThanOrEqual(REDEPLOYS); // the odd deploys bound twice each
  process.stdout.write(`Node-RED lifecycle: ${REDEPLOYS} redeploys, ${smsc.sim.stats.bindAttempts} bind attempts, ${smsc.sim.stats.connections} connections, at most ${mostBound} bound at once, handles after ${JSON.stringify(activeHandles())} vs baseline ${JSON.stringify(baseline)}\n`);
}, 120_000);
