/**
 * The PC-DARTS rows of `npm run bench`: on the benchmark supernet (workload.ts) in Node on wasm,
 * one first-order DARTS step against one PC-DARTS step (K = 4, edge normalisation): the most bytes
 * of live tensors during a step (tf.profile's peak), the bytes left live between steps, and steps
 * per second from the median of timed steps. Bytes are exact; steps/s vary with the machine's load.
 */
import * as tf from '@tensorflow/tfjs';
import { PC_DARTS_PARTIAL_K } from '../core/experiment/defaults';
import { initNodeBackend } from '../engine/node-backend';
import type { SupernetOptions } from '../engine/supernet';
import { DEFAULT_PLAN, timeSteps } from './timing';
import { createBenchWorkload } from './workload';

/** One strategy's numbers. */
export interface PcDartsBenchRow {
  readonly strategy: string;
  readonly peakBytes: number;
  readonly liveBytes: number;
  readonly medianMs: number;
  readonly stepsPerSecond: number;
}

/** The two supernets compared. */
const CASES: readonly (readonly [string, SupernetOptions])[] = [
  ['DARTS', {}],
  [
    `PC-DARTS (K = ${PC_DARTS_PARTIAL_K})`,
    { partialK: PC_DARTS_PARTIAL_K, edgeNormalisation: true },
  ],
];

/** Measures both supernets on wasm in Node. */
export async function runPcDartsBench(
  progress: (text: string) => void,
): Promise<PcDartsBenchRow[]> {
  await initNodeBackend('wasm');
  const rows: PcDartsBenchRow[] = [];
  for (const [strategy, options] of CASES) {
    progress(`${strategy}: building the benchmark supernet on wasm`);
    const w = await createBenchWorkload(options);
    try {
      await w.step();
      const peakBytes = await w.peakBytes();
      const liveBytes = w.bytes();
      const t = await timeSteps(
        () => w.step(),
        DEFAULT_PLAN,
        (text) => progress(`${strategy}: ${text}`),
      );
      rows.push({
        strategy,
        peakBytes,
        liveBytes,
        medianMs: t.median,
        stepsPerSecond: 1000 / t.median,
      });
    } finally {
      w.dispose();
    }
  }
  if (tf.memory().numTensors !== 0)
    progress(`warning: ${tf.memory().numTensors} tensors left alive`);
  return rows;
}

/** The rows as a table, with each memory figure and speed relative to DARTS's. */
export function formatPcDartsTable(rows: readonly PcDartsBenchRow[]): string {
  const base = rows[0];
  const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;
  const rel = (v: number, of: number | undefined): string =>
    of === undefined || of === 0 ? '' : ` (${(v / of).toFixed(2)}×)`;
  const lines = [
    'PC-DARTS against DARTS (Node, wasm, one first-order step of the benchmark supernet):',
    '| strategy | peak live tensors in a step | live between steps | ms / step | steps / s |',
    '|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.strategy} | ${mib(r.peakBytes)}${rel(r.peakBytes, base?.peakBytes)} | ${mib(r.liveBytes)} | ${r.medianMs.toFixed(0)} | ${r.stepsPerSecond.toFixed(2)}${rel(r.stepsPerSecond, base?.stepsPerSecond)} |`,
    ),
  ];
  return lines.join('\n');
}
