/** Starts simulators and clients for a test and stops them all afterwards. */
import { SmppClient, SessionOptions } from '../../src/smpp';
import type { PoolState } from '../../src/smpp';
import { SimulatorOptions, SmscSimulator } from '../../src/simulator/simulator';
import { PASSWORD } from './secrets';
import { capture } from './secret-guard';

export class Harness {
  private readonly simulators: SmscSimulator[] = [];
  private readonly clients: SmppClient[] = [];

  async simulator(options: SimulatorOptions = {}): Promise<SmscSimulator> {
    const sim = await startSimulator(options);
    this.simulators.push(sim);
    return sim;
  }

  client(sim: SmscSimulator, options: Partial<SessionOptions> = {}): SmppClient {
    const client = new SmppClient({
      host: sim.host, port: sim.port, ca: sim.ca, systemId: 'test', password: PASSWORD,
      reconnectMinMs: 50, reconnectMaxMs: 2000, responseTimeoutMs: 2000, ...options,
    });
    this.clients.push(client);
    // What the engine reports (state reasons, warnings) goes to the secret guard.
    client.on('state', (state) => capture(JSON.stringify(state)));
    client.on('warning', capture);
    return client.start();
  }

  async stop(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.close()));
    await Promise.all(this.simulators.splice(0).map((s) => s.stop()));
  }
}

/** A simulator whose account test has the suite's password (see secrets.ts). */
export function startSimulator(options: SimulatorOptions = {}): Promise<SmscSimulator> {
  return new SmscSimulator({ accounts: { test: PASSWORD }, ...options }).start();
}

/** Resolves with the first state the predicate accepts (bounded by the test timeout). */
export function waitForState(client: SmppClient, accept: (s: PoolState) => boolean, timeoutMs = 10_000): Promise<PoolState> {
  if (accept(client.state)) return Promise.resolve(client.state);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off('state', listener);
      reject(new Error(`state not reached in ${timeoutMs} ms; last: ${JSON.stringify(client.state)}`));
    }, timeoutMs);
    const listener = (state: PoolState) => {
      if (!accept(state)) return;
      clearTimeout(timer);
      client.off('state', listener);
      resolve(state);
    };
    client.on('state', listener);
  });
}

export const bound = (client: SmppClient) => waitForState(client, (s) => s.state === 'bound' && s.bound === s.binds);

/** Collects events of one kind until `count` have come (bounded). */
export function collect<T>(subscribe: (push: (item: T) => void) => void, count: number, timeoutMs = 10_000): Promise<T[]> {
  const items: T[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${items.length} of ${count} events in ${timeoutMs} ms`)), timeoutMs);
    subscribe((item) => {
      items.push(item);
      if (items.length === count) {
        clearTimeout(timer);
        resolve(items);
      }
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the predicate holds (bounded). */
export async function until(predicate: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}
