import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { correlationOf } from '../../src/contract/event-messages';
import { smppApiTest } from '../../src/n8n/credential-test';
import { failedItem, inParameterTerms, SendParameters, sendRequest, sentItem } from '../../src/n8n/items';
import { acquireSession } from '../../src/n8n/node-session';
import { sessions } from '../../src/n8n/session-registry';
import { SmppError } from '../../src/smpp';

/**
 * Sends SMS over SMPP. All items of an execution go through one shared
 * session (its window and rate limit apply); one output item per input item.
 */
export class Smpp implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'SMPP',
    name: 'smpp',
    icon: { light: 'file:smpp.svg', dark: 'file:smpp.dark.svg' },
    group: ['output'],
    version: 1,
    subtitle: '={{"Send SMS to " + $parameter["to"]}}',
    description: 'Send SMS over SMPP v3.4 (TLS): eCall, Agile Telecom or any SMSC',
    defaults: { name: 'SMPP' },
    usableAsTool: true,
    inputs: [NodeConnectionTypes.Main],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'smppApi', required: true, testedBy: 'smppApiTest' }],
    properties: [
      {
        displayName: 'Operation',
        name: 'operation',
        type: 'options',
        noDataExpression: true,
        options: [{ name: 'Send SMS', value: 'send', action: 'Send an SMS', description: 'Send a text message, in as many parts as it needs' }],
        default: 'send',
      },
      {
        displayName: 'To',
        name: 'to',
        type: 'string',
        default: '',
        required: true,
        placeholder: '+41791234567',
        description: 'Phone number in international format; spaces and dashes are ignored',
      },
      {
        displayName: 'From',
        name: 'from',
        type: 'string',
        default: '',
        placeholder: 'ACME or +41791234567',
        description: "Sender: up to 11 letters and digits, or a number of up to 16 characters. Empty: the account's default.",
      },
      {
        displayName: 'Text',
        name: 'text',
        type: 'string',
        typeOptions: { rows: 3 },
        default: '',
        required: true,
        description: 'The message. GSM 7-bit when possible (160 characters per SMS, 153 per part), else UCS-2 (70, 67 per part).',
      },
      {
        displayName: 'Options',
        name: 'options',
        type: 'collection',
        placeholder: 'Add option',
        default: {},
        options: [
          {
            displayName: 'Correlation ID',
            name: 'correlationId',
            type: 'string',
            default: '',
            description: 'Comes back with the delivery receipts of this message (SMPP Trigger)',
          },
          {
            displayName: 'Delivery Receipt',
            name: 'registeredDelivery',
            type: 'boolean',
            default: true,
            description: 'Whether to ask the SMSC for a delivery receipt',
          },
          {
            displayName: 'Encoding',
            name: 'encoding',
            type: 'options',
            options: [
              { name: 'Automatic', value: 'auto', description: 'GSM 7-bit when every character allows it, else UCS-2' },
              { name: 'GSM 7-Bit', value: 'GSM7' },
              { name: 'Latin-1', value: 'LATIN1' },
              { name: 'UCS-2', value: 'UCS2' },
            ],
            default: 'auto',
          },
          {
            displayName: 'Flash',
            name: 'flash',
            type: 'boolean',
            default: false,
            description: 'Whether to send a flash SMS (shown at once, not stored)',
          },
          {
            displayName: 'Long Messages',
            name: 'multipart',
            type: 'options',
            options: [
              { name: 'UDH, 8-Bit Reference', value: 'udh8' },
              { name: 'UDH, 16-Bit Reference', value: 'udh16' },
              { name: 'SAR Parameters', value: 'sar' },
              { name: 'Message Payload (One PDU)', value: 'payload' },
            ],
            default: 'udh8',
          },
          {
            displayName: 'Schedule',
            name: 'schedule',
            type: 'dateTime',
            default: '',
            description: 'Deliver at this time',
          },
          {
            displayName: 'Validity (Seconds)',
            name: 'validity',
            type: 'number',
            typeOptions: { minValue: 0, maxValue: 2592000 },
            default: 0,
            description: 'How long the SMSC keeps trying, up to 30 days; 0 leaves it to the SMSC',
          },
        ],
      },
    ],
  };

  methods = { credentialTest: { smppApiTest } };

  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = this.getInputData();
    const client = await acquireSession(this);
    try {
      // Every item is queued at once: the session's window and rate limit pace them.
      const outcomes = await Promise.allSettled(items.map((_, i) => {
        const parameters = parametersOf(this, i);
        return client.send(sendRequest(parameters), correlationOf(parameters.options.correlationId)).then((result) => sentItem(parameters, result));
      }));
      return [outcomes.map((outcome, i) => toItem(this, outcome, i))];
    } finally {
      await sessions.release(client);
    }
  }
}

// n8n calls execute() with its own `this`, so helpers take the context as an argument.
function parametersOf(ctx: IExecuteFunctions, i: number): SendParameters {
  return {
    to: ctx.getNodeParameter('to', i),
    from: ctx.getNodeParameter('from', i, ''),
    text: ctx.getNodeParameter('text', i),
    options: ctx.getNodeParameter('options', i, {}) as SendParameters['options'],
  };
}

/** A result item, or a failed one when continue-on-fail is on; otherwise the error stops the node. */
function toItem(ctx: IExecuteFunctions, outcome: PromiseSettledResult<Record<string, unknown>>, i: number): INodeExecutionData {
  if (outcome.status === 'fulfilled') return { json: outcome.value, pairedItem: { item: i } } as INodeExecutionData;
  const error = outcome.reason instanceof SmppError ? inParameterTerms(outcome.reason) : (outcome.reason as Error);
  if (ctx.continueOnFail()) {
    const json = error instanceof SmppError ? failedItem(error) : { error: error.message };
    return { json, pairedItem: { item: i } } as INodeExecutionData;
  }
  throw new NodeOperationError(ctx.getNode(), error.message, { itemIndex: i, description: describe(error) });
}

function describe(error: Error): string | undefined {
  if (!(error instanceof SmppError)) return undefined;
  const d = error.details;
  return d.status === null ? d.name : `${d.name} (command_status ${d.status}): ${d.description}`;
}
