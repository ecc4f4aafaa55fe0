/**
 * `npm start`: Node-RED with these nodes, the example flows deployed, and the
 * built-in TLS SMSC simulator, so a newcomer can send an SMS and see its
 * receipt without an account. Ctrl-C stops everything.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import RED from 'node-red';
import { SmscSimulator } from '../simulator/simulator';
import { prepareUserDir } from './demo-userdir';

/** The folder with this package's package.json, from src/demo (ts) or dist/src/demo (built). */
function packageRoot(from: string): string {
  return fs.existsSync(path.join(from, 'package.json')) ? from : packageRoot(path.dirname(from));
}
const PACKAGE_ROOT = packageRoot(__dirname);

export interface Demo {
  editorUrl: string;
  simulator: SmscSimulator;
  stop(): Promise<void>;
}

export async function startDemo(options: { port: number; smscPort: number; userDir: string; reset: boolean; quiet?: boolean }): Promise<Demo> {
  // Two accounts: an SMSC sends receipts and inbound SMS on any bind of an account, so sessions that must not share them need accounts of their own.
  const simulator = await new SmscSimulator({
    port: options.smscPort, receiptDelayMs: 1500, demoPhone: { number: '41790000000', replyAfterMs: 2000 },
    accounts: { test: 'secret', bulk: 'secret' },
  }).start();
  let deployed: boolean;
  try {
    ({ deployed } = prepareUserDir(options.userDir, PACKAGE_ROOT, simulator.ca, options.reset, simulator.port));
  } catch (error) {
    await simulator.stop();
    throw error;
  }
  // Editor and HTTP-in routes on one server, as standalone Node-RED serves them; no express of our own needed.
  type Handler = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
  const server = http.createServer((req, res) => {
    const notFound = () => {
      res.statusCode = 404;
      res.end();
    };
    (RED.httpAdmin as unknown as Handler)(req, res, () => (RED.httpNode as unknown as Handler)(req, res, notFound));
  });
  RED.init(server, {
    userDir: options.userDir,
    flowFile: 'flows.json',
    credentialSecret: false,
    httpAdminRoot: '/',
    httpNodeRoot: '/',
    uiHost: '127.0.0.1',
    uiPort: options.port,
    logging: { console: { level: options.quiet ? 'warn' : 'info', metrics: false, audit: false } },
    editorTheme: { tours: false, projects: { enabled: false } },
    externalModules: { autoInstall: false, palette: { allowInstall: false } },
    diagnostics: { enabled: false },
    telemetry: { enabled: false },
  } as Parameters<typeof RED.init>[1]);
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  await RED.start();
  const editorUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  if (!options.quiet) {
    console.log(`\nSMSC simulator: ${simulator.host}:${simulator.port} over TLS (system ids "test" and "bulk", password "secret")`);
    console.log(deployed ? 'Example flows deployed.' : 'Kept your flows (npm start -- --reset deploys the examples again).');
    console.log(`\n  Node-RED editor: ${editorUrl}\n`);
    console.log('  Open the tab "SMS: alert and delivery receipt", click the button of "Send alert",');
    console.log('  and watch the debug sidebar: the submit result, then the delivery receipt.\n');
  }
  return {
    editorUrl,
    simulator,
    async stop() {
      await RED.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await simulator.stop();
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '1880' },
      'smsc-port': { type: 'string', default: '2776' },
      'user-dir': { type: 'string', default: path.join(PACKAGE_ROOT, '.demo') },
      reset: { type: 'boolean', default: false },
    },
  });
  const demo = await startDemo({ port: Number(values.port), smscPort: Number(values['smsc-port']), userDir: values['user-dir'], reset: values.reset });
  const stop = () => void demo.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: Error) => {
    console.error(`demo: ${error.message}`);
    process.exit(1);
  });
}
