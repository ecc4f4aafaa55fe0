// Bundles each entry that n8n or Node-RED loads into one file with its
// dependencies (the smpp codec, iconv-lite …), so the published package has no
// runtime dependencies. n8n-workflow stays external: n8n provides it.
'use strict';
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const entries = {
  'nodes/Smpp/Smpp.node': 'nodes/Smpp/Smpp.node.ts',
  'nodes/SmppTrigger/SmppTrigger.node': 'nodes/SmppTrigger/SmppTrigger.node.ts',
  'credentials/SmppApi.credentials': 'credentials/SmppApi.credentials.ts',
  'src/node-red/smpp': 'src/node-red/smpp.ts',
  'src/simulator/cli': 'src/simulator/cli.ts',
};

esbuild
  .build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(Object.entries(entries).map(([out, src]) => [out, src])),
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['n8n-workflow'],
    logLevel: 'warning',
    legalComments: 'linked',
  })
  .then(() => {
    // tsc's source maps describe the unbundled files: drop them beside the bundles.
    for (const out of Object.keys(entries)) fs.rmSync(path.join(ROOT, 'dist', `${out}.js.map`), { force: true });
    console.log(`[bundle] ${Object.keys(entries).length} entries bundled into dist/`);
  })
  .catch(() => process.exit(1));
