/** Builds test flows around one smpp-config node pointing at a simulator. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import helper from 'node-red-node-test-helper';
import type { TestFlows } from 'node-red-node-test-helper';
import type { Node } from 'node-red';
import type { SmscSimulator } from '../../src/simulator/simulator';
import { PASSWORD } from '../helpers/secrets';

/** A node in a test flow: any properties the node's editor would save. */
export type FlowNode = { id: string; type: string; wires?: string[][]; [property: string]: unknown };
type NodeModule = Parameters<typeof helper.load>[0];

export function load(nodes: NodeModule, flow: FlowNode[], creds: Record<string, object> = {}): Promise<void> {
  return helper.load(nodes, flow as unknown as TestFlows, creds);
}

export function redeploy(flow: FlowNode[], creds: Record<string, object> = {}): Promise<void> {
  return helper.setFlows(flow as unknown as TestFlows, 'full', creds);
}

export const CONFIG_ID = 'cfg';

export function caFileFor(sim: SmscSimulator): string {
  const file = path.join(os.tmpdir(), `smpp-test-ca-${process.pid}-${sim.port}.pem`);
  fs.writeFileSync(file, sim.ca);
  return file;
}

export function configNode(sim: SmscSimulator, extra: Record<string, unknown> = {}): FlowNode {
  return {
    id: CONFIG_ID, type: 'smpp-config', provider: 'custom', host: sim.host, port: sim.port, tls: true, verifyCertificate: true,
    caFile: caFileFor(sim), bindMode: 'transceiver', binds: 1, window: 10, enquireLinkSec: 30, responseTimeoutSec: 2, maxParts: 10, ...extra,
  };
}

export const credentials = (password = PASSWORD) => ({ [CONFIG_ID]: { systemId: 'test', password } });

export type Status = { fill?: string; shape?: string; text?: string };

/** Every error the node reports from now on (node.error, which done(err) calls), as text. */
export function errorsOf(node: Node): string[] {
  const seen: string[] = [];
  (node as unknown as NodeJS.EventEmitter).on('call:error', (call: { args: [unknown] }) => {
    const error = call.args[0];
    seen.push(error instanceof Error ? error.message : String(error));
  });
  return seen;
}

type SpyCall = { thisValue: { id: string }; args: unknown[] };
type Spied = { _NodePrototype: Record<string, { getCalls(): SpyCall[] }> };

/**
 * Every status the node has shown since the flow was loaded, the earliest
 * included (the helper records each Node method call; its call:status events
 * only reach listeners added in time).
 */
export function statusHistory(id: string): Status[] {
  const calls = (helper as unknown as Spied)._NodePrototype.status.getCalls();
  return calls.filter((call) => call.thisValue.id === id).map((call) => call.args[0] as Status);
}
