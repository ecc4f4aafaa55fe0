/**
 * Which Node-RED the runtime tests run in: the devDependency (Node-RED 4 on
 * Node 20), or the one NODE_RED_RUNTIME names (Node-RED 5 on Node 24, see
 * scripts/test-node-red-5.js). Core nodes come from the same install.
 * Everything that runtime logs, and every node status, goes to the secret guard.
 */
import path from 'node:path';
import helper from 'node-red-node-test-helper';
import type { SimulatorOptions, SmscSimulator } from '../../src/simulator/simulator';
import { startSimulator } from '../helpers/harness';
import { capture } from '../helpers/secret-guard';

export const redRuntime = process.env.NODE_RED_RUNTIME ?? require.resolve('node-red');

const redPaths = { paths: [path.dirname(redRuntime)] };
const nodesRoot = path.dirname(require.resolve('@node-red/nodes/package.json', redPaths));

/** A core node module, e.g. coreNode('common/25-catch.js'). */
export function coreNode(file: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(nodesRoot, 'core', file));
}

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Calls through, showing the guard the arguments first. */
function watch(owner: Record<string, Method>, name: string): void {
  const original = owner[name];
  owner[name] = function (this: unknown, ...args: unknown[]) {
    capture(`${name}: ${printable(args)}`);
    return original.apply(this, args);
  };
}

function printable(args: unknown[]): string {
  try {
    return JSON.stringify(args, (_key, value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : value));
  } catch {
    return args.map(String).join(' '); // circular: the strings are what a log would print
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { log } = require(require.resolve('@node-red/util', redPaths)) as { log: Record<string, Method> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Node = require(path.join(path.dirname(require.resolve('@node-red/runtime/package.json', redPaths)), 'lib/nodes/Node')) as { prototype: Record<string, Method> };
watch(log, 'log');
watch(Node.prototype, 'status');

/** What a test file shares: one simulator, started with the runtime and stopped after the file. */
export interface SharedSmsc {
  sim: SmscSimulator;
}

/** Starts the Node-RED test runtime and one simulator for the whole file; unloads the flow and stops both after it. */
export function runtimeWithSimulator(options: SimulatorOptions = {}): SharedSmsc {
  const shared = {} as SharedSmsc;
  helper.init(redRuntime);
  beforeAll(async () => {
    await helper.startServer();
    shared.sim = await startSimulator(options);
  });
  afterAll(async () => {
    await helper.unload();
    await shared.sim?.stop();
    await helper.stopServer();
  });
  return shared;
}
