/** smpp-dlr-in: one msg per delivery receipt, with the msg.correlationId of the message it is for. */
import type { Node, NodeAPI, NodeDef } from 'node-red';
import type { Receipt } from '../smpp';
import { receiptMessage } from '../contract/event-messages';
import { useSession } from './session-user';

interface DlrDef extends NodeDef {
  session: string;
  finalOnly: boolean;
}

export function registerDlrInNode(RED: NodeAPI): void {
  function SmppDlrInNode(this: Node, def: DlrDef) {
    RED.nodes.createNode(this, def);
    const node = this;
    const { client, release } = useSession(RED, node, def.session);

    const onReceipt = (receipt: Receipt, correlation: unknown) => {
      if (def.finalOnly && !receipt.final) return;
      node.send(receiptMessage(receipt, correlation));
    };
    client?.on('receipt', onReceipt);

    node.on('close', (_removed: boolean, done: () => void) => {
      client?.off('receipt', onReceipt);
      void release().then(() => done());
    });
  }

  RED.nodes.registerType('smpp-dlr-in', SmppDlrInNode);
}
