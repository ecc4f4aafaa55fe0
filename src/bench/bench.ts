/**
 * `npm run bench`: throughput (raw smpp package, engine, Node-RED), rate-limit
 * accuracy, latency and memory, against the simulator in its own process over
 * TLS on 127.0.0.1. Prints a table, then one JSON object as the last line.
 */
import os from 'node:os';
import { engineThroughput, latency, memory, nodeRedThroughput, rateLimit } from './cases';
import { rawThroughput } from './raw-client';
import { RemoteSimulator } from './remote-simulator';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 50_000);
const WINDOW = 64;
const RATE = 100;

async function measured<T>(sim: RemoteSimulator, run: () => Promise<T>): Promise<T & { simulatorCpuPct: number }> {
  await sim.cpuPercent();
  const result = await run();
  return { ...result, simulatorCpuPct: await sim.cpuPercent() };
}

async function main(): Promise<void> {
  const rows: [string, string, string][] = [];
  const row = (name: string, value: string, note = '') => {
    rows.push([name, value, note]);
    console.error(`${name.padEnd(34)} ${value.padStart(14)}  ${note}`);
  };
  const fast = await RemoteSimulator.start({ receiptDelayMs: 0 });
  // Warm both clients' code (and the simulator's) first, so neither pays for the JIT in its measured run.
  await rawThroughput(fast.host, fast.port, fast.ca, 5_000, WINDOW);
  await engineThroughput(fast, 5_000);
  const raw = await measured(fast, () => rawThroughput(fast.host, fast.port, fast.ca, MESSAGES, WINDOW));
  row('raw smpp package (msg/s)', raw.perSecond.toFixed(0), `simulator CPU ${raw.simulatorCpuPct.toFixed(0)}%`);
  const engine = await measured(fast, () => engineThroughput(fast, MESSAGES));
  row('engine (msg/s)', engine.perSecond.toFixed(0), `simulator CPU ${engine.simulatorCpuPct.toFixed(0)}%, failed ${engine.failed}`);
  const nodeRed = await measured(fast, () => nodeRedThroughput(fast, MESSAGES));
  row('Node-RED smpp-send (msg/s)', nodeRed.perSecond.toFixed(0), `simulator CPU ${nodeRed.simulatorCpuPct.toFixed(0)}%, failed ${nodeRed.failed}`);
  const lat = await latency(fast, Math.round(engine.perSecond / 2), 5);
  row('latency p50 / p99 (ms)', `${lat.p50.toFixed(2)} / ${lat.p99.toFixed(2)}`, `at ${Math.round(engine.perSecond / 2)} msg/s`);
  const mem = await memory(fast, 100_000);
  row('heap growth, 100k with receipts (MB)', mem.growthMb.toFixed(1), `${mem.receipts} receipts, ${mem.correlated} correlated`);
  await fast.stop();

  const strict = await RemoteSimulator.start({ receiptDelayMs: 0, ratePerSecond: RATE });
  const one = await rateLimit(strict, RATE, 1, 10);
  row('rate limit, 1 bind at 100/s', one.measured.toFixed(1), `throttled answers ${one.throttled}`);
  const pool = await rateLimit(strict, RATE, 4, 5);
  row('rate limit, 4 binds at 100/s', pool.measured.toFixed(1), `throttled answers ${pool.throttled}`);
  await strict.stop();

  const result = {
    raw_msgs_per_s: Math.round(raw.perSecond),
    engine_msgs_per_s: Math.round(engine.perSecond),
    engine_vs_raw: round(engine.perSecond / raw.perSecond, 3),
    node_red_msgs_per_s: Math.round(nodeRed.perSecond),
    node_red_vs_raw: round(nodeRed.perSecond / raw.perSecond, 3),
    rate_target_per_s: RATE,
    rate_measured_per_s: round(one.measured, 1),
    rate_error_pct: round(((one.measured - RATE) / RATE) * 100, 2),
    throttled_responses: one.throttled + pool.throttled,
    pool_rate_measured_per_s: round(pool.measured, 1),
    latency_p50_ms: round(lat.p50, 3),
    latency_p99_ms: round(lat.p99, 3),
    heap_growth_mb: round(mem.growthMb, 2),
    window: WINDOW,
    messages: MESSAGES,
    simulator_cpu_pct: { raw: Math.round(raw.simulatorCpuPct), engine: Math.round(engine.simulatorCpuPct), node_red: Math.round(nodeRed.simulatorCpuPct) },
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
    date: new Date().toISOString(),
  };
  console.log(JSON.stringify(result));
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
