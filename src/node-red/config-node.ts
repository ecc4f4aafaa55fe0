/**
 * smpp-config: one shared SMPP session (a pool of binds) for every node that
 * uses it, as Node-RED's MQTT broker node shares one connection: nodes
 * register and deregister; the session opens with the first user and unbinds
 * when the last leaves or the flow is redeployed. Its state reaches the status
 * of every user.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Node, NodeAPI, NodeDef, NodeStatus } from 'node-red';
import { inputError, PoolState, PROVIDERS, SessionOptions, SmppClient, SmppError } from '../smpp';
import type { BindMode, ProviderId } from '../smpp';
import { sessionStatus } from './node-status';

export interface ConfigDef extends NodeDef {
  provider: ProviderId;
  host: string;
  port: string | number;
  tls: boolean;
  verifyCertificate: boolean;
  tlsConfig: string;
  caFile: string;
  servername: string;
  bindMode: BindMode;
  systemType: string;
  addrTon: string | number;
  addrNpi: string | number;
  addressRange: string;
  binds: string | number;
  window: string | number;
  messagesPerSecond: string | number;
  enquireLinkSec: string | number;
  responseTimeoutSec: string | number;
  maxParts: string | number;
  debug: boolean;
}

export interface ConfigCredentials {
  systemId?: string;
  password?: string;
}

/** A node that uses the session: it gets the session's status. */
export interface SessionUser {
  id: string;
  status(status: NodeStatus): void;
}

export interface ConfigNode extends Node<ConfigCredentials> {
  debugText: boolean;
  /** The shared session; undefined when the settings are invalid (see configError). */
  register(user: SessionUser): SmppClient | undefined;
  deregister(user: SessionUser): Promise<void>;
  /** The session's state as a status, with its queue. */
  currentStatus(): NodeStatus;
  configError?: SmppError;
}

/** Editor values arrive as strings; blanks mean "the preset's default". */
function num(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  return Number(value);
}

/** Reads a CA file: absolute, or relative to Node-RED's user directory. */
function readCa(file: string, userDir: string | undefined): string {
  const full = path.isAbsolute(file) ? file : path.join(userDir ?? process.cwd(), file);
  try {
    return fs.readFileSync(full, 'utf8');
  } catch (error) {
    throw inputError('caFile', `cannot read ${full}: ${(error as Error).message}`);
  }
}

interface TlsConfigNode extends Node {
  addTLSOptions(options: Record<string, unknown>): void;
}

export function sessionOptions(RED: NodeAPI, def: ConfigDef, credentials: ConfigCredentials): SessionOptions {
  const ca: string[] = [];
  if (def.caFile) ca.push(readCa(def.caFile, RED.settings.userDir as string | undefined));
  let verifyCertificate = def.verifyCertificate !== false;
  if (def.tlsConfig) {
    const tlsNode = RED.nodes.getNode(def.tlsConfig) as TlsConfigNode | null;
    const tlsOptions: Record<string, unknown> = {};
    tlsNode?.addTLSOptions(tlsOptions);
    if (tlsOptions.ca) ca.push(String(tlsOptions.ca));
    if (tlsOptions.rejectUnauthorized === false) verifyCertificate = false;
  }
  return {
    provider: def.provider || 'custom',
    host: def.host || undefined,
    port: num(def.port),
    tls: def.tls !== false,
    verifyCertificate,
    ca: ca.length ? ca : undefined,
    servername: def.servername || undefined,
    systemId: credentials.systemId ?? '',
    password: credentials.password ?? '',
    systemType: def.systemType || undefined,
    bindMode: def.bindMode || undefined,
    addrTon: num(def.addrTon),
    addrNpi: num(def.addrNpi),
    addressRange: def.addressRange || undefined,
    binds: num(def.binds),
    window: num(def.window),
    messagesPerSecond: num(def.messagesPerSecond),
    enquireLinkSec: num(def.enquireLinkSec),
    responseTimeoutMs: def.responseTimeoutSec === '' || def.responseTimeoutSec === undefined ? undefined : Number(def.responseTimeoutSec) * 1000,
    maxParts: num(def.maxParts),
  };
}

export function registerConfigNode(RED: NodeAPI): void {
  function SmppConfigNode(this: ConfigNode, def: ConfigDef) {
    RED.nodes.createNode(this, def);
    const node = this;
    const users = new Map<string, SessionUser>();
    let client: SmppClient | undefined;
    node.debugText = def.debug === true;

    const statusFor = (state: PoolState) => sessionStatus(state, RED._, client?.load.queued ?? 0);
    const tellUsers = (status: NodeStatus) => users.forEach((user) => user.status(status));

    const open = (): SmppClient | undefined => {
      try {
        client = new SmppClient(sessionOptions(RED, def, node.credentials ?? {}));
      } catch (error) {
        node.configError = error as SmppError;
        node.error(RED._('smpp.errors.config', { error: node.configError.message }));
        return undefined;
      }
      client.on('state', (state) => {
        if (state.state === 'disconnected') node.warn(RED._('smpp.log.disconnected', { reason: state.reason ?? '', seconds: Math.round((state.retryInMs ?? 0) / 1000) }));
        if (state.state === 'bound') node.log(RED._('smpp.log.bound', { bound: state.bound, binds: state.binds, host: client?.options.host ?? '' }));
        tellUsers(statusFor(state));
      });
      client.on('warning', (text) => node.warn(text));
      return client.start();
    };

    node.register = (user) => {
      users.set(user.id, user);
      if (!client && !node.configError) open();
      user.status(node.configError
        ? { fill: 'red', shape: 'ring', text: RED._('smpp.status.configError', { field: node.configError.details.field ?? '' }) }
        : statusFor(client?.state ?? { state: 'connecting', bound: 0, binds: 1 }));
      return client;
    };

    node.currentStatus = () => (client ? statusFor(client.state) : { fill: 'grey', shape: 'ring', text: RED._('smpp.status.closed') });

    node.deregister = async (user) => {
      users.delete(user.id);
      if (users.size === 0 && client) {
        const closing = client;
        client = undefined;
        await closing.close();
      }
    };

    node.on('close', (_removed: boolean, done: () => void) => {
      const closing = client;
      client = undefined;
      users.clear();
      void (closing ? closing.close() : Promise.resolve()).then(() => done());
    });
  }

  RED.nodes.registerType<ConfigNode, ConfigDef, object, ConfigCredentials>('smpp-config', SmppConfigNode, {
    credentials: { systemId: { type: 'text' }, password: { type: 'password' } },
  });
  // The editor fills presets from the engine's own table rather than keeping a copy.
  RED.httpAdmin.get('/smpp/providers', RED.auth.needsPermission('smpp-config.read'), (_req, res) => {
    res.json(PROVIDERS);
  });
}
