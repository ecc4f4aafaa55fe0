/** The Node-RED node set: the shared session and the three nodes that use it. */
import type { NodeAPI } from 'node-red';
import { registerConfigNode } from './config-node';
import { registerDlrInNode } from './dlr-in-node';
import { registerMoInNode } from './mo-in-node';
import { registerSendNode } from './send-node';

export = function smppNodes(RED: NodeAPI): void {
  registerConfigNode(RED);
  registerSendNode(RED);
  registerDlrInNode(RED);
  registerMoInNode(RED);
};
