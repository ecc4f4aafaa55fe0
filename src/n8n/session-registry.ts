/**
 * Sessions shared across executions in the n8n process: one SmppClient per
 * set of credentials (keyed by a hash, the password never kept in the key),
 * reference-counted, closed after an idle time when the last user releases it.
 * The SMPP node, the SMPP Trigger and their executions all share it, so
 * receipts find the correlation ids of messages the action node sent.
 */
import { createHash } from 'node:crypto';
import { SessionOptions, SmppClient } from '../smpp';

interface Entry {
  client: SmppClient;
  users: number;
  idleTimer?: NodeJS.Timeout;
}

export class SessionRegistry {
  private readonly entries = new Map<string, Entry>();

  /** How long an unused session stays bound, ms (0: closes at once). */
  constructor(public idleMs: number) {}

  acquire(options: SessionOptions): SmppClient {
    const key = keyOf(options);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { client: new SmppClient(options).start(), users: 0 };
      this.entries.set(key, entry);
    }
    clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    entry.users++;
    return entry.client;
  }

  /** Gives a session back; the last user's release closes it after the idle time (0: at once). */
  release(client: SmppClient): Promise<void> {
    const found = [...this.entries].find(([, e]) => e.client === client);
    if (!found) return Promise.resolve();
    const [key, entry] = found;
    if (--entry.users > 0) return Promise.resolve();
    const close = () => {
      this.entries.delete(key);
      return entry.client.close();
    };
    if (this.idleMs <= 0) return close();
    entry.idleTimer = setTimeout(() => void close(), this.idleMs);
    entry.idleTimer.unref();
    return Promise.resolve();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Closes every session now (tests, shutdown). */
  async closeAll(): Promise<void> {
    const all = [...this.entries.values()];
    this.entries.clear();
    for (const entry of all) clearTimeout(entry.idleTimer);
    await Promise.all(all.map((entry) => entry.client.close()));
  }
}

function keyOf(options: SessionOptions): string {
  return createHash('sha256').update(JSON.stringify(options)).digest('hex');
}

/** Idle time before an unused session unbinds; SMPP_SESSION_IDLE_MS overrides it. */
const idleMs = Number(process.env.SMPP_SESSION_IDLE_MS ?? 60_000);

/**
 * The process-wide registry every n8n node uses. Each node file is bundled on
 * its own, so the registry lives on a global symbol: the SMPP node and the
 * SMPP Trigger must find the same sessions.
 */
const KEY = Symbol.for('n8n-nodes-smpp-tls.sessions');
const holder = globalThis as typeof globalThis & { [KEY]?: SessionRegistry };
export const sessions: SessionRegistry = (holder[KEY] ??= new SessionRegistry(Number.isFinite(idleMs) ? idleMs : 60_000));
