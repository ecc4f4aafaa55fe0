/**
 * Where a password could leak in n8n: the credential test's answer, the
 * trigger's errors, and an execution's whole run data (items and errors),
 * with the right password and a wrong one. (The secret guard also reads all
 * console output of every test file.)
 */
import { CredentialTestContext } from 'n8n-core';
import type { ICredentialDataDecryptedObject, ICredentialTestFunction, INode } from 'n8n-workflow';
import { until } from '../helpers/harness';
import { SECRETS, WRONG_PASSWORD } from '../helpers/secrets';
import { activate, run, simulatorForFile, smpp, triggerNode, workflow } from './engine';

const smsc = simulatorForFile();

const items = (json: object[]): INode => ({ id: 'items', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(json) } });
const smppNode = (continueOnFail: boolean): INode => ({
  id: 'smpp', name: 'SMPP', type: 'n8n-nodes-smpp-tls.smpp', typeVersion: 1, position: [200, 0], credentials: { smppApi: { id: 'c1', name: 'SMPP' } },
  parameters: { operation: 'send', to: '={{ $json.to }}', from: 'ACME', text: '={{ $json.text }}', options: {} },
  ...(continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
});
const connections = { Items: { main: [[{ node: 'SMPP', type: 'main' as const, index: 0 }]] } };
const trigger = triggerNode('both');

test('no password in credential test answers, trigger errors or run data', async () => {
  const credentialTest = smpp.methods?.credentialTest?.smppApiTest as ICredentialTestFunction;
  const testWith = (data: ICredentialDataDecryptedObject) => credentialTest.call(new CredentialTestContext(), { id: 'c1', name: 'SMPP', type: 'smppApi', data });
  const { credential } = smsc;
  const wrong = { ...credential, password: WRONG_PASSWORD };
  const places: Record<string, string> = {};

  places.credentialTests = JSON.stringify([await testWith(credential), await testWith(wrong)]);
  const refused = await activate(workflow([trigger]), trigger, wrong);
  await until(() => refused.errors.length === 1, 5000, 'the trigger reports the refusal');
  places.triggerErrors = JSON.stringify(refused.errors.map((e) => ({ message: e.message, description: (e as { description?: string }).description, stack: e.stack })));
  await refused.response?.closeFunction?.();

  const messages = [{ to: '+41790000001', text: 'Server db-1 is down' }, { to: 'not a number', text: 'x' }];
  const runs = [
    await run(workflow([items(messages), smppNode(true)], connections), credential),
    await run(workflow([items(messages), smppNode(true)], connections), wrong),
    await run(workflow([items(messages), smppNode(false)], connections), wrong),
  ];
  places.runData = JSON.stringify(runs.map((r) => r.data));
  places.errors = JSON.stringify(runs.map((r) => r.data.resultData.error).map((e) => e && { message: e.message, description: e.description, stack: e.stack }));

  expect(places.credentialTests).toMatch(/Invalid password/);
  expect(places.runData).toMatch(/messageIds/);
  for (const [place, text] of Object.entries(places)) {
    for (const secret of SECRETS) expect({ place, leaks: text.includes(secret) }).toEqual({ place, leaks: false });
  }
  process.stdout.write(`secrets, n8n: ${JSON.stringify(Object.fromEntries(Object.entries(places).map(([k, v]) => [k, v.length])))} characters searched\n`);
});
