/** An n8n node's session: its smppApi credential, as a shared client from the registry. Bad settings stop the node in words. */
import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, ITriggerFunctions } from 'n8n-workflow';
import type { SmppClient } from '../smpp';
import { SmppCredential, sessionOptions } from './session-options';
import { sessions } from './session-registry';

export async function acquireSession(ctx: IExecuteFunctions | ITriggerFunctions): Promise<SmppClient> {
  const credential = (await ctx.getCredentials('smppApi')) as SmppCredential;
  try {
    return sessions.acquire(sessionOptions(credential));
  } catch (error) {
    throw new NodeOperationError(ctx.getNode(), (error as Error).message);
  }
}
