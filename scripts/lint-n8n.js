// Lints the n8n nodes and credential with n8n's community-node rules (@n8n/node-cli's eslint config, without cloud support).
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');
const { ROOT, sideInstall } = require('./tools');

const modules = sideInstall('n8n-cli', ['@n8n/node-cli@0.48.3'], '@n8n/node-cli/package.json');
execFileSync(process.execPath, [path.join(modules, 'eslint/bin/eslint.js'), '-c', 'eslint.n8n.config.mjs', 'nodes', 'credentials', 'package.json'], { cwd: ROOT, stdio: 'inherit' });
console.log('[lint-n8n] n8n community node rules: no problems');
