/** Builds test flows around one smpp-config node pointing at a simulator. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import helper from 'node-red-node-test-helper';
import type { TestFlows } from 'node-red-node-test-helper';
import type { Node } from 'node-red';
import type { SmscSimulator } from '../../src/simulator/simulator';

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

export const credentials = (password = 'secret') => ({ [CONFIG_ID]: { systemId: 'test', password } });

export type Status = { fill?: string; shape?: string; text?: string };

/** Every status the node shows from now on (the helper reports each call as call:status). */
export function statusesOf(node: Node): Status[] {
  const seen: Status[] = [];
  (node as unknown as NodeJS.EventEmitter).on('call:status', (call: { args: [Status] }) => seen.push(call.args[0]));
  return seen;
}
