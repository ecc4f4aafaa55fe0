/**
 * Just enough of an n8n host to run workflows in n8n-core's own engine
 * (WorkflowExecute, trigger contexts): node types, credentials, hooks.
 * The SMPP nodes are loaded from dist/, as n8n loads a community package.
 */
import path from 'node:path';
import { ExecutionLifecycleHooks, TriggerContext, WorkflowExecute } from 'n8n-core';
import {
  ICredentialDataDecryptedObject, ICredentialsHelper, IConnections, IDataObject, IExecuteFunctions, INode,
  INodeExecutionData, INodeParameters, INodeType, INodeTypes, IRun, ITriggerResponse, IWorkflowExecuteAdditionalData, Workflow,
} from 'n8n-workflow';

import type { SmscSimulator } from '../../src/simulator/simulator';
import { startSimulator } from '../helpers/harness';
import { PASSWORD } from '../helpers/secrets';

const dist = path.resolve(__dirname, '../../dist');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(file: string, name: string): T => new (require(path.join(dist, file))[name])() as T;

export const smpp = load<INodeType>('nodes/Smpp/Smpp.node.js', 'Smpp');
export const smppTrigger = load<INodeType>('nodes/SmppTrigger/SmppTrigger.node.js', 'SmppTrigger');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const sessions = require(path.join(dist, 'src/n8n/session-registry.js')).sessions as { size: number; idleMs: number; closeAll(): Promise<void> };
/** The registry's idle time as the tests find it (tests that change it set it back). */
export const DEFAULT_IDLE_MS = sessions.idleMs;

/** A source node for tests: emits the items in its `items` parameter. */
const itemsNode: INodeType = {
  description: {
    displayName: 'Items', name: 'items', group: ['input'], version: 1, description: '', defaults: { name: 'Items' },
    inputs: [], outputs: ['main'], properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
  },
  async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
    const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
    return [items.map((json) => ({ json }))];
  },
};

const types: Record<string, INodeType> = {
  'n8n-nodes-smpp-tls.smpp': smpp,
  'n8n-nodes-smpp-tls.smppTrigger': smppTrigger,
  'test.items': itemsNode,
};

export const nodeTypes: INodeTypes = {
  getByName: (type) => types[type],
  getByNameAndVersion: (type) => types[type],
  getKnownTypes: () => ({}),
};

class TestCredentials extends ICredentialsHelper {
  constructor(private readonly data: ICredentialDataDecryptedObject) {
    super();
  }
  getParentTypes(): string[] { return []; }
  isCredentialUsableByNode(): boolean { return true; }
  async authenticate(): Promise<never> { throw new Error('not used'); }
  async preAuthentication(): Promise<undefined> { return undefined; }
  async runPreAuthentication(): Promise<undefined> { return undefined; }
  async getCredentials(): Promise<never> { throw new Error('not used'); }
  async getDecrypted(): Promise<ICredentialDataDecryptedObject> { return this.data; }
  async updateCredentials(): Promise<void> {}
  async updateCredentialsOauthTokenData(): Promise<void> {}
  getCredentialsProperties(): [] { return []; }
}

export function additionalData(credential: ICredentialDataDecryptedObject, hooks?: ExecutionLifecycleHooks): IWorkflowExecuteAdditionalData {
  return {
    credentialsHelper: new TestCredentials(credential),
    hooks,
    executionId: 'test-execution',
    currentNodeExecutionIndex: 0,
    restApiUrl: 'http://127.0.0.1/rest',
    instanceBaseUrl: 'http://127.0.0.1/',
    webhookBaseUrl: 'http://127.0.0.1/webhook',
    webhookWaitingBaseUrl: 'http://127.0.0.1/webhook-waiting',
    webhookTestBaseUrl: 'http://127.0.0.1/webhook-test',
    formWaitingBaseUrl: 'http://127.0.0.1/form-waiting',
    variables: {},
    userId: 'test-user',
    setExecutionStatus: () => undefined,
    sendDataToUI: () => undefined,
  } as unknown as IWorkflowExecuteAdditionalData;
}

export function workflow(nodes: INode[], connections: IConnections = {}): Workflow {
  return new Workflow({ id: 'wf', name: 'test', nodes, connections, active: false, nodeTypes, settings: {} });
}

/** Runs a workflow to the end in n8n's WorkflowExecute, manual mode. */
export async function run(wf: Workflow, credential: ICredentialDataDecryptedObject): Promise<IRun> {
  const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', { id: wf.id, name: wf.name, nodes: Object.values(wf.nodes), connections: wf.connectionsBySourceNode, active: false, settings: {}, createdAt: new Date(), updatedAt: new Date(), isArchived: false, activeVersionId: null } as never);
  const execution = new WorkflowExecute(additionalData(credential, hooks), 'manual');
  return await execution.run({ workflow: wf, startNode: wf.getNode('Items') ?? undefined });
}

export interface ActiveTrigger {
  items: IDataObject[];
  errors: Error[];
  response: ITriggerResponse | undefined;
}

/** Activates a trigger node as n8n does for an active workflow: a TriggerContext whose emit collects the items. */
export async function activate(wf: Workflow, node: INode, credential: ICredentialDataDecryptedObject, mode: 'trigger' | 'manual' = 'trigger'): Promise<ActiveTrigger> {
  const active: ActiveTrigger = { items: [], errors: [], response: undefined };
  const context = new TriggerContext(wf, node, additionalData(credential), mode, mode === 'manual' ? 'manual' : 'activate',
    (data: INodeExecutionData[][]) => {
      for (const item of data[0] ?? []) active.items.push(item.json);
    },
    (error: Error) => active.errors.push(error));
  active.response = await (smppTrigger.trigger as (this: unknown) => Promise<ITriggerResponse | undefined>).call(context);
  return active;
}

/** The smppApi credential that reaches a simulator's account test (a custom SMSC unless `extra` says otherwise). */
export function credentialFor(sim: SmscSimulator, extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject {
  return {
    provider: 'custom', host: sim.host, port: sim.port, tls: true, verifyTls: true, ca: sim.ca, systemId: 'test', password: PASSWORD,
    bindMode: 'transceiver', binds: 1, window: 10, messagesPerSecond: 0, ...extra,
  };
}

/** What a test file shares: one simulator and the credential that reaches it. */
export interface SharedSmsc {
  sim: SmscSimulator;
  credential: ICredentialDataDecryptedObject;
}

/** One simulator for the whole test file; after it, every session closes and the simulator stops. */
export function simulatorForFile(): SharedSmsc {
  const shared = {} as SharedSmsc;
  beforeAll(async () => {
    shared.sim = await startSimulator();
    shared.credential = credentialFor(shared.sim);
  });
  afterAll(async () => {
    sessions.idleMs = DEFAULT_IDLE_MS;
    await sessions.closeAll();
    await shared.sim?.stop();
  });
  return shared;
}

/** The SMPP Trigger listening for `events` (receipts, inbound or both). */
export function triggerNode(events: string, options: INodeParameters = {}): INode {
  return {
    id: 'trigger', name: 'SMPP Trigger', type: 'n8n-nodes-smpp-tls.smppTrigger', typeVersion: 1, position: [0, 0],
    credentials: { smppApi: { id: 'c1', name: 'SMPP' } }, parameters: { events, options },
  };
}
