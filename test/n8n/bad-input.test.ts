/**
 * 10,000 fuzzed bad items through the SMPP action node in n8n's own engine
 * (100 executions of 100 items, continue-on-fail): each item comes out with an
 * error naming the parameter as the editor shows it and the rule, and not one
 * submit_sm reaches the SMSC.
 */
import fc from 'fast-check';
import type { INode } from 'n8n-workflow';
import { anyBadInput, BadInput, expectedMessage } from '../helpers/bad-input';
import { run, simulatorForFile, workflow } from './engine';

const smsc = simulatorForFile();

/** The parameter as the n8n editor labels it. */
const LABELS: Record<BadInput['field'], string> = {
  to: 'To', from: 'From', text: 'Text', encoding: 'Options › Encoding', multipart: 'Options › Long Messages',
  validity: 'Options › Validity', schedule: 'Options › Schedule', flash: 'Options › Flash', registeredDelivery: 'Options › Delivery Receipt',
};

const option = (name: string) => `={{ $json.message.${name} }}`;
const nodes: INode[] = [
  { id: 'items', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: '[]' } },
  {
    id: 'smpp', name: 'SMPP', type: 'n8n-nodes-smpp-tls.smpp', typeVersion: 1, position: [200, 0], onError: 'continueRegularOutput',
    credentials: { smppApi: { id: 'c1', name: 'SMPP' } },
    parameters: {
      operation: 'send', to: option('to'), from: option('from'), text: option('text'),
      options: Object.fromEntries(['encoding', 'multipart', 'validity', 'schedule', 'flash', 'registeredDelivery'].map((name) => [name, option(name)])),
    },
  },
];
const connections = { Items: { main: [[{ node: 'SMPP', type: 'main' as const, index: 0 }]] } };

test('10,000 fuzzed bad items: each fails with the parameter and the rule, none sent', async () => {
  const byField = new Map<string, number>();
  await fc.assert(fc.asyncProperty(fc.array(anyBadInput, { minLength: 100, maxLength: 100 }), async (inputs) => {
    nodes[0].parameters.items = JSON.stringify(inputs);
    const result = await run(workflow(nodes, connections), smsc.credential);
    expect(result.data.resultData.error).toBeUndefined();
    const items = result.data.resultData.runData.SMPP[0].data?.main[0] ?? [];
    expect(items).toHaveLength(inputs.length);
    inputs.forEach((input, i) => {
      const json = items[i].json as { error?: string; smpp?: { error?: { name: string; field: string } } };
      expect({ input, error: json.error }).toEqual({ input, error: expect.stringMatching(expectedMessage(LABELS[input.field])) });
      expect(json.smpp?.error).toMatchObject({ name: 'INVALID_INPUT', field: LABELS[input.field] });
      byField.set(input.field, (byField.get(input.field) ?? 0) + 1);
    });
  }), { numRuns: 100 });
  expect(smsc.sim.stats.submits).toBe(0);
  expect(byField.size).toBe(9);
  process.stdout.write(`bad input, n8n: ${JSON.stringify(Object.fromEntries(byField))}\n`);
}, 300_000);
