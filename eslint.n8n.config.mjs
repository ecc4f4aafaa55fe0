// n8n's own lint rules for community nodes (what `n8n-node lint` runs), in the
// configuration without n8n Cloud support, over the n8n nodes, credential and
// package.json. @n8n/node-cli is side-installed by scripts/lint-n8n.js.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { configWithoutCloudSupport } = require('./.cache/n8n-cli/node_modules/@n8n/node-cli/dist/configs/eslint.js');

export default [
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.demo/**', 'src/**', 'test/**', 'scripts/**', 'examples/**', 'coverage/**', '*.config.js', '*.mjs', 'gulpfile.js'] },
  ...configWithoutCloudSupport,
];
