/**
 * The smppApi credential test: really connect, bind and unbind, and say in
 * words what failed (DNS or connect, TLS, the bind status decoded).
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { PoolState, SmppClient } from '../smpp';
import { SmppCredential, sessionOptions } from './session-options';

const TEST_TIMEOUT_MS = 20_000;

export async function smppApiTest(
  this: ICredentialTestFunctions,
  credential: ICredentialsDecrypted<ICredentialDataDecryptedObject>,
): Promise<INodeCredentialTestResult> {
  let client: SmppClient;
  try {
    client = new SmppClient({ ...sessionOptions((credential.data ?? {}) as SmppCredential), binds: 1 });
  } catch (error) {
    return { status: 'Error', message: (error as Error).message };
  }
  try {
    const outcome = await firstOutcome(client.start());
    if (outcome.state === 'bound') return { status: 'OK', message: `Bound to ${client.options.host}:${client.options.port} as ${client.options.bindMode}` };
    return { status: 'Error', message: outcome.reason ?? 'could not bind' };
  } finally {
    await client.close();
  }
}

function firstOutcome(client: SmppClient): Promise<PoolState> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ state: 'disconnected', bound: 0, binds: 1, reason: `no bind within ${TEST_TIMEOUT_MS / 1000} s` }), TEST_TIMEOUT_MS);
    client.on('state', (state) => {
      if (state.state !== 'bound' && state.state !== 'disconnected') return;
      clearTimeout(timer);
      resolve(state);
    });
  });
}
