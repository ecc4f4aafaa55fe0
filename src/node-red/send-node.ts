/**
 * smpp-send: msg.payload to msg.to, through the shared session. Success: the
 * same msg with msg.smpp.messageIds, parts and encoding. Failure: done(err)
 * for a Catch node, with the decoded error on msg.smpp.error.
 */
import type { Node, NodeAPI, NodeDef, NodeMessageInFlow, NodeStatus } from 'node-red';
import { localError, SmppError } from '../smpp';
import { correlationOf } from '../contract/event-messages';
import { useSession } from './session-user';
import { inMsgTerms, sendRequest, SendDefaults } from './message-mapping';
import { throttledStatus } from './status-throttle';

interface SendDef extends NodeDef, SendDefaults {
  session: string;
}

export function registerSendNode(RED: NodeAPI): void {
  function SmppSendNode(this: Node, def: SendDef) {
    RED.nodes.createNode(this, def);
    const node = this;
    const defaults: SendDefaults = { to: def.to, from: def.from, encoding: def.encoding, multipart: def.multipart, registeredDelivery: def.registeredDelivery !== false };
    const showStatus = throttledStatus((s) => node.status(s));
    const { config, client, release } = useSession(RED, node, def.session, (s: NodeStatus) => showStatus(() => s));
    /** The last result, with what is still waiting: "sent · 2 part(s) · 17 queued". */
    const showResult = (fill: 'green' | 'red', text: () => string) => showStatus(() => {
      const queued = client?.load.queued ?? 0;
      return { fill, shape: 'dot', text: queued ? `${text()} · ${RED._('smpp.status.queued', { count: queued })}` : text() };
    });
    // Messages not yet ended; closing waits for them (the session's own waits are bounded).
    let pending = 0;
    let drained: (() => void) | undefined;
    const settled = () => {
      if (--pending === 0) drained?.();
    };

    node.on('input', (msg: NodeMessageInFlow, send: (m: NodeMessageInFlow) => void, done: (e?: Error) => void) => {
      const fail = (error: SmppError) => {
        const shown = inMsgTerms(error);
        showResult('red', () => RED._('smpp.status.failed', { name: shown.details.name }));
        msg.smpp = { ...(msg.smpp as object), error: shown.toJSON() };
        done(shown);
      };
      if (!client) return fail(config?.configError ?? localError('NOT_CONNECTED', RED._('smpp.errors.noConfig')));
      const correlation = correlationOf(msg.correlationId);
      pending++;
      client.send(sendRequest(msg, defaults), correlation).then(
        (result) => {
          msg.smpp = { ...(msg.smpp as object), ...result };
          showResult('green', () => RED._('smpp.status.sent', { parts: result.parts }));
          if (config?.debugText) node.log(`sent to ${String(msg.to ?? defaults.to)}: ${String(msg.payload)}`);
          send(msg);
          done();
          settled();
        },
        (error: SmppError) => {
          fail(error);
          settled();
        },
      );
      if (config) showStatus(() => config.currentStatus());
    });

    node.on('close', (_removed: boolean, done: () => void) => {
      // Sends still waiting end first (each in done()), then the session is released.
      const allEnded = pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => (drained = resolve));
      void Promise.all([allEnded, release()]).then(() => done());
    });
  }

  RED.nodes.registerType('smpp-send', SmppSendNode);
}
