// The n8n nodes inside n8n's own execution engine: n8n-core and n8n-workflow 2.40 need Node 24.
'use strict';
const { execFileSync, execSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, node24, sideInstall } = require('./tools');

const node = node24();
const modules = sideInstall('n8n', ['n8n-core@2.40.3', 'n8n-workflow@2.40'], 'n8n-core/package.json');
console.log(`[n8n] ${execFileSync(node, ['--version']).toString().trim()}, n8n-core ${require(path.join(modules, 'n8n-core/package.json')).version}`);
execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });
execFileSync(node, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--config', 'jest.n8n.config.js', '--runInBand'], { cwd: ROOT, stdio: 'inherit' });
