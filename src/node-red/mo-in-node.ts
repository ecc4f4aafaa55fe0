/** smpp-mo-in: one msg per inbound SMS, concatenated parts already joined. */
import type { Node, NodeAPI, NodeDef } from 'node-red';
import type { InboundSms } from '../smpp';
import { destinationFilter, inboundMessage } from '../contract/event-messages';
import { useSession } from './session-user';

interface MoDef extends NodeDef {
  session: string;
  /** Only SMS sent to this number (digits; + and spaces ignored). Blank: all. */
  destination: string;
}

export function registerMoInNode(RED: NodeAPI): void {
  function SmppMoInNode(this: Node, def: MoDef) {
    RED.nodes.createNode(this, def);
    const node = this;
    const { config, client, release } = useSession(RED, node, def.session);
    const wanted = destinationFilter(def.destination);

    const onInbound = (sms: InboundSms) => {
      if (!wanted(sms)) return;
      if (config?.debugText) node.log(`inbound from ${sms.from}: ${sms.text}`);
      node.send(inboundMessage(sms));
    };
    client?.on('inbound', onInbound);

    node.on('close', (_removed: boolean, done: () => void) => {
      client?.off('inbound', onInbound);
      void release().then(() => done());
    });
  }

  RED.nodes.registerType('smpp-mo-in', SmppMoInNode);
}
