/**
 * What every node on a session does first and last: find its smpp-config,
 * register (getting the shared client and the session's status), and on close
 * deregister. A node without a configured session says so in its status.
 */
import type { Node, NodeAPI, NodeStatus } from 'node-red';
import type { SmppClient } from '../smpp';
import type { ConfigNode } from './config-node';

export interface SessionUse {
  config: ConfigNode | null;
  client: SmppClient | undefined;
  /** Deregisters from the session (the last user's leaving unbinds it). */
  release(): Promise<void>;
}

export function useSession(RED: NodeAPI, node: Node, sessionId: string, showStatus: (status: NodeStatus) => void = (s) => node.status(s)): SessionUse {
  const config = RED.nodes.getNode(sessionId) as ConfigNode | null;
  const user = { id: node.id, status: showStatus };
  const client = config?.register(user);
  if (!config) node.status({ fill: 'red', shape: 'ring', text: RED._('smpp.status.noConfig') });
  return { config, client, release: () => Promise.resolve(config?.deregister(user)) };
}
