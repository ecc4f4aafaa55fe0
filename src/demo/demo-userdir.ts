/**
 * Prepares a Node-RED user directory for the demo: this package linked in as
 * an installed module (so its nodes and examples appear), the simulator's CA,
 * and the example flows deployed, their credentials in the credential file.
 */
import fs from 'node:fs';
import path from 'node:path';

export const CA_FILE = 'smpp-simulator-ca.pem';

type FlowNode = { id: string; type: string; credentials?: Record<string, string>; caFile?: string; port?: string };

export function prepareUserDir(userDir: string, packageRoot: string, ca: string, reset: boolean, smscPort: number): { deployed: boolean } {
  fs.mkdirSync(path.join(userDir, 'node_modules'), { recursive: true });
  fs.writeFileSync(path.join(userDir, CA_FILE), ca);
  linkPackage(userDir, packageRoot);
  const flowFile = path.join(userDir, 'flows.json');
  if (fs.existsSync(flowFile) && !reset) return { deployed: false };
  const { flows, credentials } = exampleFlows(path.join(packageRoot, 'examples'));
  // The examples' sessions point at the simulator on 2776; follow it when it runs elsewhere.
  for (const node of flows) if (node.type === 'smpp-config' && node.caFile === CA_FILE) node.port = String(smscPort);
  fs.writeFileSync(flowFile, JSON.stringify(flows, null, 2));
  fs.writeFileSync(path.join(userDir, 'flows_cred.json'), JSON.stringify(credentials, null, 2));
  return { deployed: true };
}

export function linkPackage(userDir: string, packageRoot: string): void {
  const name = (JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { name: string }).name;
  const link = path.join(userDir, 'node_modules', name);
  if (fs.existsSync(link)) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(packageRoot, link, 'dir');
}

/** Every example, one tab each; a session shared by several examples is kept once. Credentials move out of the flow. */
export function exampleFlows(examplesDir: string): { flows: FlowNode[]; credentials: Record<string, Record<string, string>> } {
  const seen = new Set<string>();
  const flows: FlowNode[] = [];
  const credentials: Record<string, Record<string, string>> = {};
  for (const file of fs.readdirSync(examplesDir).filter((f) => f.endsWith('.json')).sort()) {
    for (const node of JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')) as FlowNode[]) {
      if (seen.has(node.id)) continue;
      seen.add(node.id);
      const { credentials: secret, ...rest } = node;
      if (secret) credentials[node.id] = secret;
      flows.push(rest);
    }
  }
  return { flows, credentials };
}
