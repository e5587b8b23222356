/**
 * `npm run bench`: times one first-order DARTS step of the benchmark supernet on every backend
 * available in Node and in headless Chromium; prints a table and writes bench-results/bench.json.
 * Flags: --cpu (include the slow cpu backend), --node-only, --browser-only, --only=wasm,webgl
 * (measure just those backends).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendName } from '../core/run/protocol';
import { runBrowserHalf } from './browser-half';
import { runNodeHalf } from './node-half';
import type { BenchRow } from './protocol';
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

async function main(): Promise<number> {
  console.log(`Benchmark: ${WORKLOAD_DESCRIPTION}`);
  const rows: BenchRow[] = [];
  if (!args.has('--browser-only')) rows.push(...(await runNodeHalf(wanted, withCpu, progress)));
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
  console.log(`\n${formatTable(rows)}\n`);
  const record: BenchRecord = {
    date: new Date().toISOString(),
    workload: WORKLOAD_DESCRIPTION,
    machine: {
      platform: `${process.platform} ${process.arch}`,
      cpus: availableParallelism(),
      node: process.version,
      chromium,
    },
    rows,
  };
  const out = join(root, 'bench-results', 'bench.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${out} (${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
  return rows.some((r) => r.status === 'failed') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
