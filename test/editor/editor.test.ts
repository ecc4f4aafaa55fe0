/**
 * The Node-RED editor in a real browser (Debian's Chromium, driven by
 * playwright-core), against the demo: the README's screenshots come from here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { Demo, startDemo } from '../../src/demo/node-red-demo';

const SHOTS = path.resolve(__dirname, '../../docs/screenshots');
/** The example flows' sessions log in to the demo simulator with it (kept in Node-RED's credentials file). */
const DEMO_PASSWORD = 'secret';
let demo: Demo;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  demo = await startDemo({ port: 0, smscPort: 0, userDir: fs.mkdtempSync(path.join(os.tmpdir(), 'smpp-editor-')), reset: true, quiet: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(10_000);
  await page.goto(demo.editorUrl);
  await page.waitForSelector('.red-ui-palette-node[data-palette-type="smpp-send"]', { timeout: 30_000 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

test('the demo: one click on "Send alert" shows the submit result, then the delivery receipt', async () => {
  await page.click('#red-ui-tab-debug-link-button');
  await page.click('[id="ex1-inject"] .red-ui-flow-node-button');
  const submitted = page.locator('.red-ui-debug-msg').filter({ hasText: 'messageIds' });
  const receipt = page.locator('.red-ui-debug-msg').filter({ hasText: 'smpp/receipt' });
  await receipt.waitFor({ timeout: 10_000 });
  expect(await submitted.count()).toBe(1);
  expect(await receipt.textContent()).toMatch(/status: "DELIVRD", delivered: true/);
  await page.screenshot({ path: path.join(SHOTS, 'demo-send-and-receipt.png') });
}, 30_000);

test('a new session picks the Agile Telecom preset and gets host and port filled in', async () => {
  const chart = page.locator('#red-ui-workspace-chart');
  await page.locator('.red-ui-palette-node[data-palette-type="smpp-send"]').dragTo(chart, { targetPosition: { x: 400, y: 620 } });
  await chart.dblclick({ position: { x: 400, y: 620 } });
  await page.waitForSelector('#node-input-session');
  await page.click('#node-input-btn-session-add');
  await page.waitForSelector('#node-config-input-provider');
  await page.selectOption('#node-config-input-provider', 'agile');
  await page.waitForFunction(() => (document.querySelector('#node-config-input-host') as HTMLInputElement).value === 'smpp.agiletelecom.com');
  expect(await page.inputValue('#node-config-input-port')).toBe('2776');
  expect(await page.inputValue('#node-config-input-addrTon')).toBe('1');
  expect(await page.isChecked('#node-config-input-tls')).toBe(true);
  expect(await page.isChecked('#node-config-input-verifyCertificate')).toBe(true);
  await page.fill('#node-config-input-systemId', 'my-account');
  await page.fill('#node-config-input-password', 'not-shown');
  await page.screenshot({ path: path.join(SHOTS, 'config-agile-preset.png') });
  await page.click('#node-config-dialog-ok');
  await page.waitForSelector('#node-config-input-provider', { state: 'detached' });
  expect(await page.$eval('#node-input-session option:checked', (o) => o.textContent)).toContain('smpp.agiletelecom.com');
  await page.click('#node-dialog-ok');
  await page.waitForSelector('#node-input-session', { state: 'detached' });
}, 30_000);

test("the send node's help explains its inputs, outputs and errors", async () => {
  await page.locator('#red-ui-workspace-chart').click({ position: { x: 400, y: 620 } });
  await page.click('#red-ui-tab-help-link-button');
  await page.waitForFunction(() => document.querySelector('#red-ui-sidebar')?.textContent?.includes('smpp.messageIds'), undefined, { timeout: 10_000 });
  const help = await page.$eval('#red-ui-sidebar', (n) => n.textContent ?? '');
  for (const words of ['payload', 'msg.smpp.error', 'ESME_RTHROTTLED', 'INVALID_INPUT', 'correlationId']) expect(help).toContain(words);
  await page.screenshot({ path: path.join(SHOTS, 'send-node-help.png') });
}, 30_000);

test('exporting all flows carries no password: neither the deployed sessions\' nor the one just typed', async () => {
  await page.evaluate(() => (window as unknown as { RED: { actions: { invoke(action: string): void } } }).RED.actions.invoke('core:show-export-dialog'));
  await page.click('#red-ui-clipboard-dialog-export-rng-full');
  const exported = await page.inputValue('#red-ui-clipboard-dialog-export-text');
  expect(exported).toMatch(/"type":\s*"smpp-config"/);
  expect(exported).toContain('smpp.agiletelecom.com'); // the session made in the test above, not deployed yet
  for (const password of ['not-shown', DEMO_PASSWORD]) expect({ password, exported: exported.includes(password) }).toEqual({ password, exported: false });
  await page.keyboard.press('Escape');
}, 30_000);
