// The Node-RED runtime tests again, on Node-RED 5 (the current release) under Node 24.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, node24, sideInstall } = require('./tools');

const node = node24();
const modules = sideInstall('node-red-5', ['node-red@5'], 'node-red/package.json');
const runtime = require.resolve('node-red', { paths: [modules] });
console.log(`[node-red-5] ${execFileSync(node, ['--version']).toString().trim()}, node-red ${require(path.join(modules, 'node-red/package.json')).version}`);
execFileSync(node, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), 'test/node-red', '--maxWorkers=2'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, NODE_RED_RUNTIME: runtime },
});
