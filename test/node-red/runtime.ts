/**
 * Which Node-RED the runtime tests run in: the devDependency (Node-RED 4 on
 * Node 20), or the one NODE_RED_RUNTIME names (Node-RED 5 on Node 24, see
 * scripts/test-node-red-5.js). Core nodes come from the same install.
 */
import path from 'node:path';

export const redRuntime = process.env.NODE_RED_RUNTIME ?? require.resolve('node-red');

const nodesRoot = path.dirname(require.resolve('@node-red/nodes/package.json', { paths: [path.dirname(redRuntime)] }));

/** A core node module, e.g. coreNode('common/25-catch.js'). */
export function coreNode(file: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(nodesRoot, 'core', file));
}
