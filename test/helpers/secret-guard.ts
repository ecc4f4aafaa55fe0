/**
 * Set up before every test file (jest setupFilesAfterEach): captures what the
 * file writes to the console, stdout and stderr, plus what a front end routes
 * here (Node-RED's log and node statuses, see test/node-red/runtime.ts), and
 * after the file fails it if a password the suite uses appears in any of it.
 */
import fs from 'node:fs';
import { SECRETS } from './secrets';

const captured: string[] = [];

/** Adds text to what this test file's guard checks. */
export function capture(text: string): void {
  captured.push(text);
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
for (const method of CONSOLE_METHODS) {
  const original = console[method].bind(console);
  console[method] = (...args: unknown[]) => {
    capture(args.map((a) => (typeof a === 'string' ? a : safeJson(a))).join(' '));
    original(...args);
  };
}
for (const stream of [process.stdout, process.stderr]) {
  const original = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    capture(String(chunk));
    return original(chunk, ...rest);
  }) as typeof stream.write;
}

afterAll(() => {
  const text = captured.join('\n');
  for (const secret of SECRETS) {
    // Where it showed, with the password itself masked: enough to find the line that printed it.
    const leaks = captured.filter((entry) => entry.includes(secret)).map((entry) => entry.split(secret).join('<password>').slice(0, 300));
    expect({ passwordShownIn: leaks }).toEqual({ passwordShownIn: [] });
  }
  // SECRET_GUARD_REPORT=<file> records how much each test file's guard read (figures for a report).
  const report = process.env.SECRET_GUARD_REPORT;
  if (report) fs.appendFileSync(report, `${JSON.stringify({ file: expect.getState().testPath, entries: captured.length, chars: text.length })}\n`);
});

function safeJson(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
