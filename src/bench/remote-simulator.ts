/** Parent side of simulator-process.ts. */
import { ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import type { SimulatorOptions } from '../simulator/simulator';
import type { SimulatorReply, SimulatorRequest } from './simulator-process';

export class RemoteSimulator {
  readonly host = '127.0.0.1';
  private constructor(private readonly child: ChildProcess, readonly port: number, readonly ca: string) {}

  static start(options: SimulatorOptions): Promise<RemoteSimulator> {
    const child = fork(path.join(__dirname, 'simulator-process.js'), [JSON.stringify(options)], { stdio: 'inherit' });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('message', (reply: SimulatorReply) => {
        if (reply.type === 'started') resolve(new RemoteSimulator(child, reply.port, reply.ca));
      });
    });
  }

  private ask<T extends SimulatorReply['type']>(request: SimulatorRequest, type: T): Promise<Extract<SimulatorReply, { type: T }>> {
    return new Promise((resolve) => {
      const onMessage = (reply: SimulatorReply) => {
        if (reply.type !== type) return;
        this.child.off('message', onMessage);
        resolve(reply as Extract<SimulatorReply, { type: T }>);
      };
      this.child.on('message', onMessage);
      this.child.send(request);
    });
  }

  /** Share of one core the simulator used since the last call, percent. */
  async cpuPercent(): Promise<number> {
    const { cpuMs, wallMs } = await this.ask({ type: 'cpu' }, 'cpu');
    return (cpuMs / wallMs) * 100;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'stop' } satisfies SimulatorRequest);
    });
  }
}
