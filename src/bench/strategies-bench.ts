/**
 * Search steps per second of the differentiable strategies on one space: a first-order DARTS step
 * (every op of every edge) beside a GDAS step (one sampled op per edge, its sample drawn on the
 * host first), both of the benchmark supernet (workload.ts) with the same weights and batches, on
 * the wasm backend in Node, after two untimed steps each; the median step over `steps` timed ones.
 */
import * as tf from '@tensorflow/tfjs';
import { GDAS_TEMPERATURE } from '../core/experiment/defaults';
import type { DartsStrategySpec, GdasStrategySpec } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { createDartsTrainer, type Batch } from '../engine/darts/trainer';
import type { SearchTrainer } from '../engine/darts/loop';
import { createGdasTrainer } from '../engine/gdas/trainer';
import { initNodeBackend } from '../engine/node-backend';
import { buildSupernet, type Supernet } from '../engine/supernet';
import { BENCH_DARTS, benchInput, benchSpace, randomBatch } from './workload';

/** One strategy's measured rate. */
export interface StrategyBenchRow {
  readonly strategy: 'darts' | 'gdas';
  readonly steps: number;
  /** Median ms of a whole step (GDAS's host sample included), read back once. */
  readonly msPerStep: number;
  readonly stepsPerSecond: number;
}

/** DARTS: the benchmark step's strategy (workload.ts). */
const DARTS: DartsStrategySpec = BENCH_DARTS;
/** GDAS with DARTS's optimisers and budget, the paper's temperature schedule. */
const GDAS: GdasStrategySpec = {
  kind: 'gdas',
  epochs: DARTS.epochs,
  batchSize: DARTS.batchSize,
  weightLr: DARTS.weightLr,
  weightLrMin: DARTS.weightLrMin,
  momentum: DARTS.momentum,
  weightDecay: DARTS.weightDecay,
  gradClip: DARTS.gradClip,
  alphaLr: DARTS.alphaLr,
  alphaBeta1: DARTS.alphaBeta1,
  alphaBeta2: DARTS.alphaBeta2,
  alphaWeightDecay: DARTS.alphaWeightDecay,
  warmupEpochs: 0,
  ...GDAS_TEMPERATURE,
  latency: DARTS.latency,
};

/** The median of `values` (non-empty). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Times `steps` steps of `trainer` (after two untimed ones) on fixed batches. */
async function timeSteps(
  trainer: SearchTrainer,
  train: Batch,
  valid: Batch,
  steps: number,
): Promise<number[]> {
  const out: number[] = [];
  for (let i = 1; i <= steps + 2; i++) {
    const started = performance.now();
    await trainer.prepare?.(i, 1);
    const stats = trainer.step(train, valid, DARTS.weightLr);
    const values = await stats.data();
    stats.dispose();
    if (i > 2) out.push(performance.now() - started);
    for (const v of values)
      if (!Number.isFinite(v)) throw new Error(`the step produced a non-finite value (${v})`);
  }
  return out;
}

/** Measures DARTS and GDAS steps per second, `steps` timed steps each, reporting through `progress`. */
export async function runStrategyBench(
  steps: number,
  progress: (text: string) => void,
): Promise<StrategyBenchRow[]> {
  await initNodeBackend('wasm');
  const rows: StrategyBenchRow[] = [];
  const makers: [
    StrategyBenchRow['strategy'],
    (net: Supernet) => SearchTrainer & { dispose(): void },
  ][] = [
    ['darts', (net) => createDartsTrainer(net, DARTS)],
    ['gdas', (net) => createGdasTrainer(net, GDAS, 1)],
  ];
  for (const [strategy, make] of makers) {
    progress(`${strategy} (wasm, node): ${steps} timed steps`);
    const rng = createRng(1);
    const net = buildSupernet(benchSpace(), benchInput(), 10, rng);
    const trainer = make(net);
    const train = randomBatch(rng);
    const valid = randomBatch(rng);
    try {
      const ms = median(await timeSteps(trainer, train, valid, steps));
      rows.push({ strategy, steps, msPerStep: ms, stepsPerSecond: 1000 / ms });
    } finally {
      trainer.dispose();
      net.dispose();
      tf.dispose([train.x, train.y, valid.x, valid.y]);
    }
  }
  return rows;
}

/** The rows as a small text table, with GDAS's speed-up over DARTS. */
export function formatStrategyTable(rows: readonly StrategyBenchRow[]): string {
  const lines = [
    'strategy (wasm, node) | timed steps | ms/step (median) | steps/s',
    ...rows.map(
      (r) =>
        `${r.strategy.padEnd(21)} | ${String(r.steps).padStart(11)} | ${r.msPerStep.toFixed(0).padStart(16)} | ${r.stepsPerSecond.toFixed(2)}`,
    ),
  ];
  const darts = rows.find((r) => r.strategy === 'darts');
  const gdas = rows.find((r) => r.strategy === 'gdas');
  if (darts && gdas)
    lines.push(
      `GDAS takes ${(gdas.stepsPerSecond / darts.stepsPerSecond).toFixed(1)}x the steps per second of DARTS on this space.`,
    );
  return lines.join('\n');
}
