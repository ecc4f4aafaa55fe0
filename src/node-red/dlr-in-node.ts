/** smpp-dlr-in: one msg per delivery receipt, with the msg.correlationId of the message it is for. */
import type { Node, NodeAPI, NodeDef } from 'node-red';
import type { Receipt, SmppClient } from '../smpp';
import { receiptMessage } from '../contract/event-messages';
import type { ConfigNode } from './config-node';

interface DlrDef extends NodeDef {
  session: string;
  finalOnly: boolean;
}

export function registerDlrInNode(RED: NodeAPI): void {
  function SmppDlrInNode(this: Node, def: DlrDef) {
    RED.nodes.createNode(this, def);
    const node = this;
    const config = RED.nodes.getNode(def.session) as ConfigNode | null;
    const user = { id: node.id, status: (s: Parameters<Node['status']>[0]) => node.status(s) };
    const client: SmppClient | undefined = config?.register(user);
    if (!config) node.status({ fill: 'red', shape: 'ring', text: RED._('smpp.status.noConfig') });

    const onReceipt = (receipt: Receipt, correlation: unknown) => {
      if (def.finalOnly && !receipt.final) return;
      node.send(receiptMessage(receipt, correlation));
    };
    client?.on('receipt', onReceipt);

    node.on('close', (_removed: boolean, done: () => void) => {
      client?.off('receipt', onReceipt);
      void Promise.resolve(config?.deregister(user)).then(() => done());
    });
  }

  RED.nodes.registerType('smpp-dlr-in', SmppDlrInNode);
}
