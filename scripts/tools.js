// Installs, into .cache/, what some test suites need beyond the machine's Node:
// a Node 24 binary (npm's node-<os>-<arch> package ships it; no download script)
// and side installs of packages that cannot share node_modules with the rest
// (Node-RED 5, n8n). Plain JS so it runs before anything is built. Side installs
// skip install scripts: n8n pulls isolated-vm, whose native build needs the
// headers of the Node that runs it, and nothing we test loads it.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.cache');

function npmInstall(prefix, specs) {
  fs.mkdirSync(prefix, { recursive: true });
  if (!fs.existsSync(path.join(prefix, 'package.json'))) fs.writeFileSync(path.join(prefix, 'package.json'), '{"private":true}\n');
  console.log(`[tools] npm install ${specs.join(' ')} into ${path.relative(ROOT, prefix)}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts', '--prefix', prefix, ...specs], { stdio: 'inherit' });
}

/** Path of a Node >= 24 binary: this one if it is new enough, else the registry's. */
function node24() {
  if (Number(process.versions.node.split('.')[0]) >= 24) return process.execPath;
  const pkg = `node-${process.platform}-${process.arch}`;
  const prefix = path.join(CACHE, 'node24');
  const bin = path.join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!fs.existsSync(bin)) npmInstall(prefix, [`${pkg}@24`]);
  return bin;
}

/** A package installed on its own under .cache/<name>; returns its node_modules folder. */
function sideInstall(name, specs, marker) {
  const prefix = path.join(CACHE, name);
  const modules = path.join(prefix, 'node_modules');
  if (!fs.existsSync(path.join(modules, marker))) npmInstall(prefix, specs);
  return modules;
}

module.exports = { ROOT, CACHE, node24, sideInstall };

if (require.main === module) console.log(node24());
