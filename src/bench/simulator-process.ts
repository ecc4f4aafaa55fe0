/**
 * The simulator in a process of its own for the benchmark, so its CPU does
 * not compete with the client's event loop. Talks to the parent over IPC:
 * start → {port, ca}; "cpu" → CPU time used since the last ask; "stop".
 */
import { SimulatorOptions, SmscSimulator } from '../simulator/simulator';

export type SimulatorRequest = { type: 'cpu' } | { type: 'stop' };
export type SimulatorReply =
  | { type: 'started'; port: number; ca: string }
  | { type: 'cpu'; cpuMs: number; wallMs: number };

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as SimulatorOptions;
  const sim = await new SmscSimulator({ ...options, recordSubmits: false }).start();
  let cpu = process.cpuUsage();
  let wall = performance.now();
  const reply = (message: SimulatorReply) => process.send?.(message);
  process.on('message', (request: SimulatorRequest) => {
    if (request.type === 'cpu') {
      const used = process.cpuUsage(cpu);
      const now = performance.now();
      reply({ type: 'cpu', cpuMs: (used.user + used.system) / 1000, wallMs: now - wall });
      cpu = process.cpuUsage();
      wall = now;
    } else {
      void sim.stop().then(() => process.exit(0));
    }
  });
  // The benchmark gone (finished or killed) means this simulator goes too.
  process.on('disconnect', () => void sim.stop().then(() => process.exit(0)));
  reply({ type: 'started', port: sim.port, ca: sim.ca });
}

void main();
