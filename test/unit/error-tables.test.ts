/**
 * Every code in both provider documents (../shared/providers) is in our tables
 * with the document's meaning. The documents are read, not copied, so a change
 * there shows up here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { lookupStatus } from '../../src/smpp/errors/smpp-error';
import { PROVIDER_DLR_ERRORS } from '../../src/smpp/errors/provider-tables';
import { SMPP_STATUS } from '../../src/smpp/errors/command-status';

const providers = path.resolve(__dirname, '../../../shared/providers');
const agile = fs.readFileSync(path.join(providers, 'agile-telecom-smpp.md'), 'utf8');
const ecallNotes = fs.readFileSync(path.join(providers, 'README.md'), 'utf8');

const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9 ]/g, ' ').split(/\s+/).filter((w) => w.length > 3);

test('Agile submit and bind errors: every row, with its description', () => {
  const rows = [...agile.matchAll(/^\| (\d+) \| (0x[0-9A-F]+) \| \*\*(.+?)\*\* — (.+?) \|$/gm)];
  expect(rows.length).toBe(14);
  for (const [, decimal, hex, title] of rows) {
    // The document's "13 | 0x0E" is inconsistent: both 13 (0x0D) and 0x0E must mean credentials.
    const codes = new Set([parseInt(decimal, 10), parseInt(hex, 16)]);
    for (const code of codes) {
      const info = lookupStatus(code, 'agile');
      for (const w of words(title)) expect(info.description.toLowerCase()).toContain(w);
    }
  }
  expect(lookupStatus(0x58, 'agile').retryable).toBe(true);
  expect(lookupStatus(0x08, 'agile').retryable).toBe(true);
  expect(lookupStatus(0x103, 'agile').retryable).toBe(false);
});

test('Agile DLR codes 101–904: every row, with category and description', () => {
  const rows = [...agile.matchAll(/^\| (\d{3}) \| ([A-Z ]+ERROR) \| (.+?) \|$/gm)];
  expect(rows.length).toBe(48);
  const table = PROVIDER_DLR_ERRORS.agile;
  expect(table.size).toBe(rows.length);
  for (const [, code, category, description] of rows) {
    expect(table.get(Number(code))).toEqual({ code: Number(code), category, description });
  }
});

test("eCall's custom status and unsupported commands", () => {
  expect(ecallNotes).toContain('ESME_RBILLINGFAILED = 0x00000401');
  expect(lookupStatus(0x401, 'ecall')).toMatchObject({ name: 'ESME_RBILLINGFAILED', description: 'SMS billing failed because the account has insufficient credits', retryable: false });
  expect(lookupStatus(0x03, 'ecall').name).toBe('ESME_RINVCMDID');
});

test('SMPP 3.4: retryable statuses are exactly throttled, queue full, system error (and temporary app error)', () => {
  const retryable = [...SMPP_STATUS.values()].filter((s) => s.retryable).map((s) => s.status).sort((a, b) => a - b);
  expect(retryable).toEqual([0x08, 0x14, 0x58, 0x64]);
  expect(lookupStatus(0x0e).name).toBe('ESME_RINVPASWD');
  expect(lookupStatus(0x0d).name).toBe('ESME_RBINDFAIL');
  expect(lookupStatus(0x4ab)).toMatchObject({ name: 'VENDOR_SPECIFIC', retryable: false });
});
