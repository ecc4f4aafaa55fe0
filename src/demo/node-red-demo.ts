/**
 * `npm start`: Node-RED with these nodes, the example flows deployed, and the
 * built-in TLS SMSC simulator, so a newcomer can send an SMS and see its
 * receipt without an account. Ctrl-C stops everything.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SmscSimulator } from '../simulator/simulator';
import { prepareUserDir } from './demo-userdir';
import { packageRoot, startNodeRed } from './embedded-node-red';

const PACKAGE_ROOT = packageRoot();

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
  const nodeRed = await startNodeRed({ userDir: options.userDir, port: options.port, quiet: options.quiet });
  const editorUrl = nodeRed.editorUrl;
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
      await nodeRed.stop();
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
