/**
 * smpp-send: msg.payload to msg.to, through the shared session. Success: the
 * same msg with msg.smpp.messageIds, parts and encoding. Failure: done(err)
 * for a Catch node, with the decoded error on msg.smpp.error.
 */
import type { Node, NodeAPI, NodeDef, NodeMessageInFlow } from 'node-red';
import { localError, SmppError } from '../smpp';
import { correlationOf } from '../contract/event-messages';
import type { ConfigNode } from './config-node';
import { inMsgTerms, sendRequest, SendDefaults } from './message-mapping';
import { throttledStatus } from './status-throttle';

interface SendDef extends NodeDef, SendDefaults {
  session: string;
}

export function registerSendNode(RED: NodeAPI): void {
  function SmppSendNode(this: Node, def: SendDef) {
    RED.nodes.createNode(this, def);
    const node = this;
    const config = RED.nodes.getNode(def.session) as ConfigNode | null;
    const defaults: SendDefaults = { to: def.to, from: def.from, encoding: def.encoding, multipart: def.multipart, registeredDelivery: def.registeredDelivery !== false };
    const pending = new Set<Promise<unknown>>();
    const showStatus = throttledStatus((s) => node.status(s));
    const user = { id: node.id, status: showStatus };
    /** The last result, with what is still waiting: "sent · 2 part(s) · 17 queued". */
    const showResult = (fill: 'green' | 'red', text: string) => {
      const queued = client?.load.queued ?? 0;
      showStatus({ fill, shape: 'dot', text: queued ? `${text} · ${RED._('smpp.status.queued', { count: queued })}` : text });
    };
    const client = config?.register(user);
    if (!config) node.status({ fill: 'red', shape: 'ring', text: RED._('smpp.status.noConfig') });

    node.on('input', (msg: NodeMessageInFlow, send: (m: NodeMessageInFlow) => void, done: (e?: Error) => void) => {
      const fail = (error: SmppError) => {
        const shown = inMsgTerms(error);
        showResult('red', RED._('smpp.status.failed', { name: shown.details.name }));
        msg.smpp = { ...(msg.smpp as object), error: shown.toJSON() };
        done(shown);
      };
      if (!client) return fail(config?.configError ?? localError('NOT_CONNECTED', RED._('smpp.errors.noConfig')));
      const correlation = correlationOf(msg.correlationId);
      const sending = client
        .send(sendRequest(msg, defaults), correlation)
        .then((result) => {
          msg.smpp = { ...(msg.smpp as object), ...result };
          showResult('green', RED._('smpp.status.sent', { parts: result.parts }));
          if (config?.debugText) node.log(`sent to ${String(msg.to ?? defaults.to)}: ${String(msg.payload)}`);
          send(msg);
          done();
        }, fail);
      if (config) showStatus(config.currentStatus());
      pending.add(sending);
      void sending.finally(() => pending.delete(sending));
    });

    node.on('close', (_removed: boolean, done: () => void) => {
      // Sends still waiting settle first (the session closes with bounded waits), so each ends in done().
      void Promise.all([...pending, config?.deregister(user)]).then(() => done());
    });
  }

  RED.nodes.registerType('smpp-send', SmppSendNode);
}
