import type { IDataObject, INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { destinationFilter, inboundMessage, receiptMessage } from '../../src/contract/event-messages';
import { smppApiTest } from '../../src/n8n/credential-test';
import { acquireSession } from '../../src/n8n/node-session';
import { sessions } from '../../src/n8n/session-registry';
import type { InboundSms, PoolState, Receipt } from '../../src/smpp';

type Events = 'receipts' | 'inbound' | 'both';

/**
 * Starts a workflow for each delivery receipt and/or inbound SMS. The session
 * lives while the workflow is active and reconnects by itself; the trigger
 * reports an error only when the cause cannot fix itself (credentials,
 * certificate). Closing releases the session (unbinding it when no one else uses it).
 */
export class SmppTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMPP Trigger',
    name: 'smppTrigger',
    icon: { light: 'file:../Smpp/smpp.svg', dark: 'file:../Smpp/smpp.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{$parameter["events"] === "both" ? "Receipts and inbound SMS" : $parameter["events"] === "receipts" ? "Delivery receipts" : "Inbound SMS"}}',
    description: 'Starts the workflow on SMPP delivery receipts and inbound SMS',
    defaults: { name: 'SMPP Trigger' },
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'smppApi', required: true, testedBy: 'smppApiTest' }],
    properties: [
      {
        displayName: 'Events',
        name: 'events',
        type: 'options',
        options: [
          { name: 'Delivery Receipts', value: 'receipts' },
          { name: 'Inbound SMS', value: 'inbound' },
          { name: 'Both', value: 'both' },
        ],
        default: 'both',
      },
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add option',
        default: {},
        options: [
          {
            displayName: 'Only Final Receipts',
            name: 'finalOnly',
            type: 'boolean',
            default: false,
            description: 'Whether to skip intermediate receipts such as ENROUTE',
          },
          {
            displayName: 'Only to Number',
            name: 'destination',
            type: 'string',
            default: '',
            placeholder: '+41800000000',
            description: 'Only inbound SMS sent to this number',
          },
        ],
      },
    ],
  };

  methods = { credentialTest: { smppApiTest } };

  async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
    const events = this.getNodeParameter('events') as Events;
    const options = this.getNodeParameter('options', {}) as { finalOnly?: boolean; destination?: string };
    const client = await acquireSession(this);
    const wanted = destinationFilter(options.destination);
    const listeners = {
      receipt: (receipt: Receipt, correlation: unknown) => {
        if (events === 'inbound' || (options.finalOnly && !receipt.final)) return;
        this.emit([this.helpers.returnJsonArray([receiptMessage(receipt, correlation) as IDataObject])]);
      },
      inbound: (sms: InboundSms) => {
        if (events === 'receipts' || !wanted(sms)) return;
        this.emit([this.helpers.returnJsonArray([inboundMessage(sms) as IDataObject])]);
      },
      state: (state: PoolState) => {
        // Transient drops reconnect inside the session; only a cause that cannot heal is reported.
        if (state.state === 'disconnected' && state.error && !state.error.retryable) this.emitError(new NodeOperationError(this.getNode(), state.reason ?? 'SMPP session down'));
      },
    };
    client.on('receipt', listeners.receipt);
    client.on('inbound', listeners.inbound);
    client.on('state', listeners.state);

    const closeFunction = async () => {
      client.off('receipt', listeners.receipt);
      client.off('inbound', listeners.inbound);
      client.off('state', listeners.state);
      await sessions.release(client);
    };
    // "Test step" in the editor: wait for the next event; emit() above delivers it.
    const manualTriggerFunction = async () => {
      await new Promise<void>((resolve) => {
        const next = () => {
          client.off('receipt', next);
          client.off('inbound', next);
          resolve();
        };
        client.on('receipt', next);
        client.on('inbound', next);
      });
    };
    return { closeFunction, manualTriggerFunction };
  }
}
