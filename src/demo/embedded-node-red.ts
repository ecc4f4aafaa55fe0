/**
 * Node-RED embedded in this process, serving the editor and HTTP-in routes on
 * one server (as standalone Node-RED does), from a prepared user directory.
 * The demo and the benchmark both run it.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import RED from 'node-red';

export interface EmbeddedNodeRed {
  editorUrl: string;
  red: typeof RED;
  stop(): Promise<void>;
}

/** The folder with this package's package.json, from src/demo (ts) or dist/src/demo (built). */
export function packageRoot(from = __dirname): string {
  return fs.existsSync(path.join(from, 'package.json')) ? from : packageRoot(path.dirname(from));
}

export async function startNodeRed(options: { userDir: string; port: number; quiet?: boolean }): Promise<EmbeddedNodeRed> {
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
  return {
    editorUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    red: RED,
    async stop() {
      await RED.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
