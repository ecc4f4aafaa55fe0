/** smpp-mo-in: one msg per inbound SMS, concatenated parts already joined. */
import type { Node, NodeAPI, NodeDef } from 'node-red';
import type { InboundSms, SmppClient } from '../smpp';
import { destinationFilter, inboundMessage } from '../contract/event-messages';
import type { ConfigNode } from './config-node';

interface MoDef extends NodeDef {
  session: string;
  /** Only SMS sent to this number (digits; + and spaces ignored). Blank: all. */
  destination: string;
}

export function registerMoInNode(RED: NodeAPI): void {
  function SmppMoInNode(this: Node, def: MoDef) {
    RED.nodes.createNode(this, def);
    const node = this;
    const config = RED.nodes.getNode(def.session) as ConfigNode | null;
    const user = { id: node.id, status: (s: Parameters<Node['status']>[0]) => node.status(s) };
    const client: SmppClient | undefined = config?.register(user);
    const wanted = destinationFilter(def.destination);
    if (!config) node.status({ fill: 'red', shape: 'ring', text: RED._('smpp.status.noConfig') });

    const onInbound = (sms: InboundSms) => {
      if (!wanted(sms)) return;
      if (config?.debugText) node.log(`inbound from ${sms.from}: ${sms.text}`);
      node.send(inboundMessage(sms));
    };
    client?.on('inbound', onInbound);

    node.on('close', (_removed: boolean, done: () => void) => {
      client?.off('inbound', onInbound);
      void Promise.resolve(config?.deregister(user)).then(() => done());
    });
  }

  RED.nodes.registerType('smpp-mo-in', SmppMoInNode);
}
