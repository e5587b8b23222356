/**
 * The engine side of run checkpoints: reads a run's trained tensors (weights, alphas, SGD velocity,
 * Adam moments) into a RunCheckpoint with one `await data()`, writes them back into a freshly built
 * supernet and optimiser, and refuses, in plain words, a checkpoint that does not fit the run.
 */
import * as tf from '@tensorflow/tfjs';
import type { LatencyTable } from '../core/cost/latency';
import { STRATEGY_LABELS } from '../core/strategy/registry';
import type { ConstraintsSpec, StrategyKind } from '../core/experiment/spec';
import {
  CHECKPOINT_VERSION,
  type RunCheckpoint,
  type TensorRecord,
  type TrialMemo,
} from '../core/run/checkpoint';
import type { RunEvent } from '../core/run/protocol';
import type { Adam } from './optimizers';

/** The start of every message refusing a checkpoint. */
export const CHECKPOINT_MISMATCH = 'The checkpoint does not fit this experiment';

/** An error saying why a checkpoint does not fit: `detail` completes the sentence. */
export function checkpointMismatch(detail: string): Error {
  return new Error(`${CHECKPOINT_MISMATCH}: ${detail}`);
}

/** The tensors a run trains, in the order a checkpoint lists them. */
export interface TrainedTensors {
  readonly weights: readonly tf.Variable[];
  /** Architecture parameters (DARTS); empty otherwise. */
  readonly alphas: readonly tf.Variable[];
  /** SGD momentum, one per weight. */
  readonly velocity: readonly tf.Variable[];
  /** The alphas' optimiser (DARTS), or null. */
  readonly adam: Adam | null;
}

/** A run without trained tensors (multi-trial: each trial trains its own network and lets it go). */
export const NO_TENSORS: TrainedTensors = { weights: [], alphas: [], velocity: [], adam: null };

/** The tensor part of a checkpoint. */
export type CheckpointTensors = Pick<
  RunCheckpoint,
  'weights' | 'alphas' | 'velocity' | 'adamM' | 'adamS' | 'adamT'
>;

/** The tensor part of a checkpoint of a run without trained tensors. */
const NO_RECORDS: CheckpointTensors = {
  weights: [],
  alphas: [],
  velocity: [],
  adamM: [],
  adamS: [],
  adamT: 0,
};

/** Where a run stands besides its tensors. */
export interface CheckpointAt {
  readonly step: number;
  readonly epoch: number;
  readonly activeMs: number;
  readonly trials?: readonly TrialMemo[];
  readonly latency?: LatencyTable | null;
}

/** The groups of `t` as [name, variables] pairs, in checkpoint order. */
function groups(t: TrainedTensors): [string, readonly tf.Variable[]][] {
  return [
    ['weight', t.weights],
    ['alpha', t.alphas],
    ['velocity', t.velocity],
    ['Adam first-moment', t.adam?.m ?? []],
    ['Adam second-moment', t.adam?.s ?? []],
  ];
}

/** Reads every tensor of `t` with a single `await data()`; each record owns its own buffer. */
export async function readTensors(t: TrainedTensors): Promise<CheckpointTensors> {
  const all = groups(t).flatMap(([, vars]) => vars);
  let values: Float32Array = new Float32Array(0);
  if (all.length > 0) {
    const packed = tf.tidy(() => tf.concat(all.map((v) => tf.reshape(v, [-1]))));
    try {
      values = await packed.data<'float32'>();
    } finally {
      packed.dispose();
    }
  }
  let offset = 0;
  const records = (vars: readonly tf.Variable[]): TensorRecord[] =>
    vars.map((v) => {
      const r = { shape: [...v.shape], values: values.slice(offset, offset + v.size) };
      offset += v.size;
      return r;
    });
  const [weights, alphas, velocity, adamM, adamS] = groups(t).map(([, vars]) => records(vars));
  return {
    weights: weights ?? [],
    alphas: alphas ?? [],
    velocity: velocity ?? [],
    adamM: adamM ?? [],
    adamS: adamS ?? [],
    adamT: t.adam?.t ?? 0,
  };
}

/** A checkpoint of a `strategy` run standing at `at` with the tensors `tensors` (none when absent). */
export function makeCheckpoint(
  strategy: StrategyKind,
  at: CheckpointAt,
  tensors: CheckpointTensors = NO_RECORDS,
): RunCheckpoint {
  return {
    version: CHECKPOINT_VERSION,
    strategy,
    step: at.step,
    epoch: at.epoch,
    activeMs: at.activeMs,
    ...tensors,
    trials: [...(at.trials ?? [])],
    latency: at.latency ?? null,
  };
}

/** Reads `t` and returns the whole checkpoint of a `strategy` run standing at `at`. */
export async function captureCheckpoint(
  strategy: StrategyKind,
  at: CheckpointAt,
  t: TrainedTensors,
): Promise<RunCheckpoint> {
  return makeCheckpoint(strategy, at, await readTensors(t));
}

const sameShape = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((n, i) => n === b[i]);

/** Throws a mismatch naming the first record of `saved` that does not fit `vars`. */
function checkGroup(name: string, vars: readonly tf.Variable[], saved: readonly TensorRecord[]) {
  if (saved.length !== vars.length)
    throw checkpointMismatch(
      `it holds ${saved.length} ${name} tensor(s), and this run has ${vars.length}.`,
    );
  vars.forEach((v, i) => {
    const r = saved[i] as TensorRecord;
    if (!sameShape(v.shape, r.shape))
      throw checkpointMismatch(
        `${name} tensor ${i + 1} has shape [${r.shape.join(', ')}] in the checkpoint and [${v.shape.join(', ')}] in this run.`,
      );
    if (r.values.length !== v.size)
      throw checkpointMismatch(
        `${name} tensor ${i + 1} holds ${r.values.length} value(s) where its shape needs ${v.size}.`,
      );
  });
}

/**
 * Writes a checkpoint's tensors into `t` (a freshly built run): checks every count and shape
 * first, so a checkpoint that does not fit changes nothing and throws a plain message.
 */
export function writeTensors(t: TrainedTensors, c: CheckpointTensors): void {
  const saved = [c.weights, c.alphas, c.velocity, c.adamM, c.adamS];
  groups(t).forEach(([name, vars], g) => checkGroup(name, vars, saved[g] ?? []));
  if (!(Number.isInteger(c.adamT) && c.adamT >= 0) || (t.adam === null && c.adamT !== 0))
    throw checkpointMismatch(`its Adam step count ${c.adamT} does not fit this run.`);
  const upload = (records: readonly TensorRecord[]): tf.Tensor[] =>
    records.map((r) => tf.tensor(r.values, [...r.shape], 'float32'));
  const assign = (vars: readonly tf.Variable[], records: readonly TensorRecord[]): void => {
    const values = upload(records);
    vars.forEach((v, i) => v.assign(values[i] as tf.Tensor));
    tf.dispose(values);
  };
  assign(t.weights, c.weights);
  assign(t.alphas, c.alphas);
  assign(t.velocity, c.velocity);
  if (t.adam !== null) {
    const m = upload(c.adamM);
    const s = upload(c.adamS);
    try {
      t.adam.restore(m, s, c.adamT);
    } finally {
      tf.dispose([...m, ...s]);
    }
  }
}

const isCount = (n: number): boolean => Number.isInteger(n) && n >= 0;

/**
 * Throws a plain message unless `c` can carry on a `strategy` run: the same layout version and
 * strategy, and whole, non-negative step and epoch counts.
 */
export function requireResumable(c: RunCheckpoint, strategy: StrategyKind): void {
  if (c.version !== CHECKPOINT_VERSION)
    throw checkpointMismatch(
      `it was saved in checkpoint layout ${c.version}, and this version of the studio reads layout ${CHECKPOINT_VERSION}. Start the run afresh.`,
    );
  if (c.strategy !== strategy)
    throw checkpointMismatch(
      `it was saved by a ${STRATEGY_LABELS[c.strategy] ?? String(c.strategy)} run, and this experiment runs ${STRATEGY_LABELS[strategy]}.`,
    );
  if (!isCount(c.step) || !isCount(c.epoch) || !(c.activeMs >= 0))
    throw checkpointMismatch(
      `its position (step ${c.step}, epoch ${c.epoch}, ${c.activeMs} ms) is not a valid one.`,
    );
}

/**
 * The latency table a run resumed after its latency phase prices subnets with: the checkpoint's.
 * Throws when it has none (it could not be measured) and `constraints` bound latency.
 */
export function resumedLatency(
  c: RunCheckpoint,
  constraints: ConstraintsSpec,
): LatencyTable | null {
  if (c.latency === null && constraints.maxLatencyMs !== null)
    throw checkpointMismatch(
      `it has no latency table, so the latency bound of ${constraints.maxLatencyMs} ms cannot be checked.`,
    );
  return c.latency;
}

/** The 'running' status a resumed run sends right after 'started'. */
export function resumedStatus(c: RunCheckpoint): RunEvent {
  return {
    type: 'status',
    status: 'running',
    step: c.step,
    message: `Resumed from the checkpoint at step ${c.step}.`,
  };
}
