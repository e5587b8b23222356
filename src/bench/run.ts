/**
 * `npm run bench`: times one first-order DARTS step of the benchmark supernet on every backend
 * available in Node and in headless Chromium, counts its kernel calls and GPU programs and the
 * tensors it leaves alive, then times the same step in PyTorch (the peer, scripts/bench-peer.py)
 * when /usr/bin/python3 can import torch; prints a table with the studio's speed relative to the
 * peer and writes bench-results/bench.json.
 * Flags: --cpu (include the slow cpu backend), --node-only, --browser-only, --only=wasm,webgl
 * (measure just those backends), --no-peer (leave PyTorch out).
 * Then times the zero-cost proxies (architectures per second per proxy, proxies-bench.ts) and
 * writes bench-results/proxies.json. --proxies-only runs just that, --no-proxies leaves it out,
 * --proxy-sample=N sets the architectures timed per proxy (default 20), --proxy=synflow,naswot
 * picks the proxies.
 * Then compares PC-DARTS with DARTS on the same supernet in Node on wasm (peak bytes of live tensors
 * during a step, steps/s; pc-darts-bench.ts) and writes bench-results/pc-darts.json.
 * --pc-darts-only runs just that, --no-pc-darts leaves it out.
 * Then times DARTS's and GDAS's search steps on the same space (steps per second,
 * strategies-bench.ts) and writes bench-results/strategies.json. --strategies-only runs just that,
 * --no-strategies leaves it out, --strategy-steps=N sets the timed steps of each (default 8).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendName } from '../core/run/protocol';
import { runBrowserHalf } from './browser-half';
import { runNodeHalf } from './node-half';
import { BENCH_PROXIES, formatProxyTable, runProxyBench } from './proxies-bench';
import { formatPcDartsTable, runPcDartsBench } from './pc-darts-bench';
import { formatStrategyTable, runStrategyBench } from './strategies-bench';
import { isProxyName } from '../core/proxies/names';
import { PEER_PLAN, peerThreads, runPeer } from './peer';
import type { BenchRow, PeerResult } from './protocol';
import { skippedRow } from './rows';
import { formatTable, type BenchRecord } from './table';
import { WORKLOAD_DESCRIPTION } from './workload';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = new Set(process.argv.slice(2));
const only =
  [...args]
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',') ?? null;
/** Whether the flags select `backend`. */
const wanted = (backend: BackendName): boolean => only === null || only.includes(backend);
const withCpu = args.has('--cpu') || (only?.includes('cpu') ?? false);
const started = performance.now();
const progress = (text: string): void => {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[${seconds} s] ${text}`);
};

/** The PyTorch peer, checked against the weight count of the supernet the studio's rows built. */
async function peerFor(rows: readonly BenchRow[]): Promise<PeerResult> {
  if (args.has('--no-peer'))
    return {
      status: 'skipped',
      torch: null,
      params: null,
      studioParams: null,
      runs: [],
      note: 'skipped: --no-peer',
    };
  const studioParams = rows.find((r) => r.paramCount !== null)?.paramCount ?? null;
  const peer = await runPeer(
    root,
    studioParams,
    { ...PEER_PLAN, threads: peerThreads(availableParallelism()) },
    progress,
  );
  progress(`pytorch: ${peer.status}; ${peer.note}`);
  return peer;
}

/** The proxy section: times each proxy, prints its table and writes bench-results/proxies.json. */
async function proxySection(): Promise<void> {
  const flag = (name: string): string | undefined =>
    [...args].find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sample = Number(flag('proxy-sample') ?? '20');
  const proxies = (flag('proxy')?.split(',') ?? [...BENCH_PROXIES]).filter(isProxyName);
  const load = loadavg();
  const rows = await runProxyBench(
    Number.isInteger(sample) && sample > 0 ? sample : 20,
    proxies,
    progress,
  );
  console.log(`\n${formatProxyTable(rows)}`);
  const loads = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');
  console.log(
    `load average (1, 5, 15 min) at the start: ${loads(load)}, at the end: ${loads(loadavg())}\n`,
  );
  const out = join(root, 'bench-results', 'proxies.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), loadAverage: load, rows }, null, 2)}\n`,
  );
}

/** The PC-DARTS section: prints its table and writes bench-results/pc-darts.json. */
async function pcDartsSection(): Promise<void> {
  const load = loadavg();
  const rows = await runPcDartsBench(progress);
  console.log(`\n${formatPcDartsTable(rows)}`);
  console.log(
    `load average (1, 5, 15 min) at the start: ${load.map((x) => x.toFixed(2)).join(', ')}; bytes are exact, steps/s follow the load\n`,
  );
  const out = join(root, 'bench-results', 'pc-darts.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), workload: WORKLOAD_DESCRIPTION, loadAverage: load, rows }, null, 2)}\n`,
  );
}

/** The strategy section: DARTS's and GDAS's steps per second; prints its table and writes bench-results/strategies.json. */
async function strategySection(): Promise<void> {
  const flag = [...args].find((a) => a.startsWith('--strategy-steps='));
  const steps = Number(flag?.slice('--strategy-steps='.length) ?? '8');
  const load = loadavg();
  const rows = await runStrategyBench(Number.isInteger(steps) && steps > 0 ? steps : 8, progress);
  console.log(`\n${formatStrategyTable(rows)}\n`);
  const out = join(root, 'bench-results', 'strategies.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), loadAverage: load, rows }, null, 2)}\n`,
  );
}

async function main(): Promise<number> {
  if (args.has('--pc-darts-only')) {
    await pcDartsSection();
    return 0;
  }
  if (args.has('--proxies-only')) {
    await proxySection();
    return 0;
  }
  if (args.has('--strategies-only')) {
    await strategySection();
    return 0;
  }
  console.log(`Benchmark: ${WORKLOAD_DESCRIPTION}`);
  const load = loadavg();
  const rows: BenchRow[] = [];
  if (!args.has('--browser-only')) rows.push(...(await runNodeHalf(wanted, withCpu, progress)));
  // The peer runs right after the Node rows (closest in time, so under the most similar load), or
  // after the browser half when no Node row built the supernet to check it against.
  let peer = rows.some((r) => r.paramCount !== null) ? await peerFor(rows) : null;
  let chromium: string | null = null;
  if (!args.has('--node-only')) {
    const backends = (
      ['wasm', 'webgl', 'webgpu', ...(withCpu ? (['cpu'] as const) : [])] as const
    ).filter(wanted);
    const result = await runBrowserHalf(root, backends, progress);
    rows.push(...result.rows);
    chromium = result.version;
    if (!withCpu && wanted('cpu'))
      rows.push(
        skippedRow(
          'cpu',
          'chromium',
          'skipped: a cpu step takes tens of seconds in Chromium; pass --cpu to include it',
        ),
      );
  }
  peer ??= await peerFor(rows);
  console.log(`\n${formatTable(rows, peer)}\n`);
  const loads = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');
  console.log(
    `load average (1, 5, 15 min) at the start: ${loads(load)}, at the end: ${loads(loadavg())}, on ${availableParallelism()} cores; other work skews timings, counts are exact`,
  );
  const record: BenchRecord = {
    date: new Date().toISOString(),
    workload: WORKLOAD_DESCRIPTION,
    machine: {
      platform: `${process.platform} ${process.arch}`,
      cpus: availableParallelism(),
      loadAverage: load,
      node: process.version,
      chromium,
    },
    rows,
    peer,
  };
  const out = join(root, 'bench-results', 'bench.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  if (!args.has('--no-proxies')) await proxySection();
  if (!args.has('--no-pc-darts')) await pcDartsSection();
  if (!args.has('--no-strategies')) await strategySection();
  console.log(`wrote ${out} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  return rows.some((r) => r.status === 'failed') || peer.status === 'failed' ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
