/**
 * The run-time probe: builds the spec's supernet on a few real examples of its dataset and times,
 * on the current backend, one unit of each kind of work the estimate needs (core work-units.ts),
 * with the engine's own code for each: the DARTS trainer's step (with and without its alpha step)
 * and its read-back, the diagnostics' alpha gradient, the evaluation forward pass, the SPOS trainer's step, a subnet's
 * forward pass, a latency-table measurement and an end-to-end subnet timing.
 */
import * as tf from '@tensorflow/tfjs';
import type { LatencyKey } from '../../core/cost/latency';
import type { UnitTimings } from '../../core/cost/run-estimate';
import { WORK_UNIT_NAMES, type WorkUnit } from '../../core/cost/work-units';
import type { ExperimentSpec, LoadedDataset } from '../../core/experiment/spec';
import { createRng, type Rng } from '../../core/random';
import { genotypePath, sampleSpos, type SubnetPath } from '../../core/strategies/path';
import { sampleGenotype } from '../../core/strategies/sample';
import { gather, toDevice, type HostBatch } from '../batches';
import { createDartsTrainer, type DartsTrainer } from '../darts/trainer';
import { HESSIAN_EXAMPLES } from '../diagnostics/epoch';
import { alphaGradient } from '../diagnostics/hessian';
import { MIN_EVAL_BATCH } from '../evaluate';
import { DEFAULT_MEASURE, measureOp } from '../latency/measure';
import { timeSubnet } from '../latency/subnet-timing';
import { correctCount, crossEntropy } from '../loss';
import { packStep } from '../readout';
import { createSposTrainer } from '../spos/trainer';
import { buildSupernet, type Supernet } from '../supernet';
import { ProbeStopped, timeUnit, type ProbeTiming, type UnitTiming } from './time-unit';

/** What a probe times with; `latencyKeys` are the latency-table entries the run would measure. */
export interface ProbeOptions {
  readonly timing: ProbeTiming;
  readonly shouldStop?: () => boolean;
  readonly latencyKeys?: readonly LatencyKey[];
}

/** The supernet and the examples every unit runs on. */
interface Bench {
  readonly spec: ExperimentSpec;
  readonly data: LoadedDataset;
  readonly net: Supernet;
  readonly rng: Rng;
  /** A training batch and a validation batch of the run's batch size, and an evaluation batch. */
  readonly train: HostBatch;
  readonly valid: HostBatch;
  readonly evaluation: HostBatch;
  /** The validation examples the Hessian is taken over, in batches of the run's size. */
  readonly hessian: readonly HostBatch[];
  readonly options: ProbeOptions;
  readonly stop: () => boolean;
}

/** The first `n` examples of a split (all of them when it has fewer). */
function first(split: LoadedDataset['train'], data: LoadedDataset, n: number): HostBatch {
  const count = Math.min(n, split.count);
  return gather(
    split,
    data.input,
    Array.from({ length: count }, (_, i) => i),
  );
}

/** The first HESSIAN_EXAMPLES validation examples (all when fewer) in batches of `batchSize`. */
function hessianSample(data: LoadedDataset, batchSize: number): HostBatch[] {
  const all = first(data.valid, data, HESSIAN_EXAMPLES);
  const out: HostBatch[] = [];
  const width = all.count === 0 ? 0 : all.x.length / all.count;
  for (let i = 0; i < all.count; i += batchSize) {
    const n = Math.min(batchSize, all.count - i);
    out.push({
      x: all.x.slice(i * width, (i + n) * width),
      y: all.y.slice(i, i + n),
      count: n,
    });
  }
  return out;
}

/** Runs `f` on `b` uploaded, then disposes the upload. */
async function withBatch(
  b: HostBatch,
  bench: Bench,
  f: (x: tf.Tensor, y: tf.Tensor1D) => Promise<void>,
): Promise<void> {
  const { x, y } = toDevice(b, bench.data.input);
  try {
    await f(x, y);
  } finally {
    tf.dispose([x, y]);
  }
}

/** Reads `t` with `await data()` and disposes it. */
async function settle(t: tf.Tensor): Promise<void> {
  try {
    await t.data();
  } finally {
    t.dispose();
  }
}

/**
 * A DARTS (or PC-DARTS) step as the search loop takes it: the batches uploaded, the trainer's step (first order,
 * with its alpha step on the validation batch when `alphaStep`, as after the warm-up) and the
 * step's one read-back.
 */
async function dartsStep(bench: Bench, timing: UnitTiming, alphaStep: boolean): Promise<number> {
  const s = bench.spec.strategy;
  if (s.kind !== 'darts' && s.kind !== 'pc-darts')
    throw new Error('Only a DARTS run (or a PC-DARTS one) takes DARTS search steps.');
  const trainer: DartsTrainer = createDartsTrainer(bench.net, { ...s, order: 1 });
  try {
    return await timeUnit(
      () =>
        withBatch(bench.train, bench, (x, y) =>
          withBatch(bench.valid, bench, async (vx, vy) => {
            const stats = trainer.step({ x, y }, { x: vx, y: vy }, s.weightLr, alphaStep);
            const packed = packStep(bench.net, stats);
            stats.dispose();
            await settle(packed);
          }),
        ),
      timing,
      bench.stop,
    );
  } finally {
    trainer.dispose();
  }
}

/**
 * Ms per batch of the alpha gradient as the collapse diagnostics take it: over the Hessian's
 * validation sample (HESSIAN_EXAMPLES, in batches of the run's size), read back once.
 */
async function alphaPass(bench: Bench, timing: UnitTiming): Promise<number> {
  const batches = bench.hessian.map((b) => toDevice(b, bench.data.input));
  try {
    const ms = await timeUnit(
      async () => void (await alphaGradient(bench.net, batches)),
      timing,
      bench.stop,
    );
    return ms / batches.length;
  } finally {
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  }
}

/** Loss and correct count of `logits`, read back: how evaluation ends every batch. */
function scoreOf(logits: () => tf.Tensor, y: tf.Tensor1D, n: number): Promise<void> {
  const sums = tf.tidy(() => {
    const l = logits();
    return tf.stack([tf.mul(crossEntropy(l, y), n), correctCount(l, y)]);
  });
  return settle(sums);
}

/** Ms per example of the supernet's evaluation forward pass, on an evaluation-sized batch. */
async function supernetExample(bench: Bench, timing: UnitTiming): Promise<number> {
  const b = bench.evaluation;
  const ms = await timeUnit(
    () => withBatch(b, bench, (x, y) => scoreOf(() => bench.net.forward(x), y, b.count)),
    timing,
    bench.stop,
  );
  return ms / b.count;
}

/** The path of a genotype drawn uniformly from the space (a subnet as the searches score and train it). */
function subnetPath(bench: Bench): SubnetPath {
  return genotypePath(bench.spec.space, sampleGenotype(bench.spec.space, bench.rng));
}

/** Ms per example of a subnet's forward pass at the run's batch size, a fresh genotype each run. */
async function subnetExample(bench: Bench, timing: UnitTiming): Promise<number> {
  const b = bench.valid;
  const ms = await timeUnit(
    () =>
      withBatch(b, bench, (x, y) => {
        const path = subnetPath(bench);
        return scoreOf(() => bench.net.forwardPath(x, path), y, b.count);
      }),
    timing,
    bench.stop,
  );
  return ms / b.count;
}

/** A single-path weight step (the SPOS trainer's), on a SPOS path or a genotype's path drawn afresh each run. */
async function pathStep(bench: Bench, timing: UnitTiming, path: () => SubnetPath): Promise<number> {
  const s = bench.spec.strategy;
  const trainer = createSposTrainer(bench.net, { ...s, totalSteps: 1000 });
  try {
    return await timeUnit(
      () => withBatch(bench.train, bench, (x, y) => settle(trainer.step({ x, y }, path()))),
      timing,
      bench.stop,
    );
  } finally {
    trainer.dispose();
  }
}

/** A latency-table entry: its priming and its kept measurement (twice measureOp), the mean over up to 3 of the keys to measure. */
async function latencyEntry(bench: Bench): Promise<number> {
  const keys = bench.options.latencyKeys ?? [];
  if (keys.length === 0) throw new Error('The probe was given no latency-table entry to time.');
  const picks = [...new Set([0, Math.floor((keys.length - 1) / 2), keys.length - 1])];
  let total = 0;
  for (const i of picks) {
    if (bench.stop()) throw new ProbeStopped();
    const started = performance.now();
    await measureOp(keys[i] as LatencyKey, DEFAULT_MEASURE);
    total += performance.now() - started;
  }
  return (2 * total) / picks.length;
}

/** One end-to-end timing of a sampled subnet at batch 1, as the latency check takes it. */
async function subnetTiming(bench: Bench): Promise<number> {
  if (bench.stop()) throw new ProbeStopped();
  const { spec, data } = bench;
  const started = performance.now();
  await timeSubnet(spec.space, sampleGenotype(spec.space, bench.rng), data.input, data.classes, {
    ...DEFAULT_MEASURE,
    batch: 1,
  });
  return performance.now() - started;
}

/** How each kind of unit is timed. */
const PROBES: Record<WorkUnit, (bench: Bench, timing: UnitTiming) => Promise<number>> = {
  searchStep: (bench, timing) => dartsStep(bench, timing, true),
  weightStep: (bench, timing) => dartsStep(bench, timing, false),
  alphaPass,
  supernetExample,
  pathStep: (bench, timing) =>
    pathStep(bench, timing, () => sampleSpos(bench.spec.space, bench.rng)),
  subnetStep: (bench, timing) => pathStep(bench, timing, () => subnetPath(bench)),
  subnetExample,
  latencyEntry: (bench) => latencyEntry(bench),
  subnetTiming: (bench) => subnetTiming(bench),
};

/** Units timed on a batch of another shape than the training batch (a cold run where programs compile per shape). */
const NEW_SHAPE: ReadonlySet<WorkUnit> = new Set(['supernetExample']);

/** Backends that compile a program per input shape (webgl, webgpu): a new batch shape costs a cold run there. */
const COMPILES_PER_SHAPE: ReadonlySet<string> = new Set(['webgl', 'webgpu']);

/** Units that time themselves whole (no warm-up of the probe's applies). */
const SELF_TIMED: ReadonlySet<WorkUnit> = new Set(['latencyEntry', 'subnetTiming']);

/**
 * Times `units` for `spec` on `data` on the current backend: ms per unit (per example for the
 * `...Example` kinds). The first in WORK_UNIT_NAMES order (the run's training step) is warmed up
 * first and timed last, the others in between (ProbeTiming). The supernet is built from the spec's
 * seed; batches are the first examples of the training and validation splits. Throws ProbeStopped when `options.shouldStop` says so,
 * and a plain error when a split the run needs is empty. Every tensor it makes is disposed.
 */
export async function probeUnits(
  spec: ExperimentSpec,
  data: LoadedDataset,
  units: readonly WorkUnit[],
  options: ProbeOptions,
): Promise<UnitTimings> {
  if (units.length === 0) return {};
  if (data.train.count === 0 || data.valid.count === 0)
    throw new Error('A run needs training and validation examples; one of the splits is empty.');
  const bs = spec.strategy.batchSize;
  const rng = createRng(spec.seed);
  const s = spec.strategy;
  // PC-DARTS's supernet (partial channels, edge weights), so its steps are timed as they run.
  const netOptions = 'partialK' in s ? { partialK: s.partialK, edgeNormalisation: true } : {};
  const net = buildSupernet(spec.space, data.input, data.classes, rng.fork(), netOptions);
  const bench: Bench = {
    spec,
    data,
    net,
    rng: rng.fork(),
    train: first(data.train, data, bs),
    valid: first(data.valid, data, bs),
    evaluation: first(data.valid, data, Math.max(MIN_EVAL_BATCH, bs)),
    hessian: hessianSample(data, bs),
    options,
    stop: options.shouldStop ?? (() => false),
  };
  const t = options.timing;
  const newShape = COMPILES_PER_SHAPE.has(tf.getBackend()) ? t.newShape : t.sameShape;
  const order = WORK_UNIT_NAMES.filter((name) => units.includes(name));
  const lead = order[0] !== undefined && !SELF_TIMED.has(order[0]) ? order[0] : null;
  try {
    const timings: UnitTimings = {};
    if (lead !== null) await PROBES[lead](bench, t.lead);
    for (const u of order)
      if (u !== lead)
        timings[u] = await PROBES[u](bench, NEW_SHAPE.has(u) ? newShape : t.sameShape);
    if (lead !== null) timings[lead] = await PROBES[lead](bench, t.leadTimed);
    return timings;
  } finally {
    net.dispose();
  }
}
