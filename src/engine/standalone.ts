/**
 * Stand-alone training of one genotype from scratch: a fresh network holding only the genotype's
 * ops, with fresh seeded weights, trained for a short budget and scored on the validation and test
 * splits. This is the "true" accuracy a supernet estimate is compared with.
 *
 * The network is built from the same layer code as the supernet, but as the reference evaluation
 * networks (quark0/darts NetworkCIFAR, NAS-Bench-201's cells) and core subnetCost have it: affine
 * BatchNorm (scale and shift) inside ops and cell preprocessing, and pools without a BatchNorm after
 * them. Departure: DARTS evaluation extras (auxiliary head, drop-path, cutout) are absent.
 */
import * as tf from '@tensorflow/tfjs';
import type { LoadedDataset, WeightTrainingSpec } from '../core/experiment/spec';
import { createRng } from '../core/random';
import { yieldToEventLoop } from '../core/run/control';
import type { OpName } from '../core/search-space/ops';
import type { CellSpec, Genotype, SearchSpaceSpec } from '../core/search-space/types';
import { genotypePath, type CellPath, type SubnetPath } from '../core/strategies/path';
import { createBatchStream, toDevice, type HostBatch } from './batches';
import { batchNormId, calibrationBatches } from './bn-recalibrate';
import { createSposTrainer, type SposHyper } from './spos/trainer';
import { evaluateSubnet, type SubnetScore } from './subnet-eval';
import { buildSupernet, type Supernet } from './supernet';

/** The budget and optimiser of a stand-alone training. */
export interface StandaloneOptions extends WeightTrainingSpec {
  /** Seeds the weights and the batch order. */
  readonly seed: number;
  /** Training batches the BatchNorm statistics are recalibrated on before each evaluation. */
  readonly calibrationBatches: number;
}

/** Thrown by trainStandalone when its `shouldStop` hook said so; nothing is left allocated. */
export class StandaloneStopped extends Error {
  constructor(step: number) {
    super(`The stand-alone training was stopped after step ${step}.`);
    this.name = 'StandaloneStopped';
  }
}

/** A trained stand-alone network handed over by the `keep` hook: the receiver disposes `net`. */
export interface KeptNetwork {
  /** The trained network (the genotype's ops only). */
  readonly net: Supernet;
  /** The genotype's single path through `net`. */
  readonly path: SubnetPath;
  /** The training batches BatchNorm was recalibrated on for the scores. */
  readonly calibration: readonly HostBatch[];
  /** Ids of the network's BatchNorm layers (the keys of recalibrated statistics), in creation order. */
  readonly batchNormIds: readonly number[];
}

/** Optional progress, cancellation and hand-over of the trained network for a stand-alone training. */
export interface StandaloneHooks {
  /** Asked before every step (after yielding to the event loop, so a stop message can arrive); true stops the training. */
  readonly shouldStop?: () => boolean;
  /** Called after every step. */
  readonly onStep?: (step: number, totalSteps: number) => void;
  /**
   * Called once the trained network is scored; when it returns, the network is the receiver's to
   * dispose instead of the training's. Never called when the training throws or stops.
   */
  readonly keep?: (kept: KeptNetwork) => void;
}

/** What a stand-alone training reports. */
export interface StandaloneResult {
  /** Validation score of the fresh, untrained network. */
  readonly initialValid: SubnetScore;
  readonly valid: SubnetScore;
  readonly test: SubnetScore;
  /** Mean training loss of the last epoch. */
  readonly trainLoss: number;
  readonly steps: number;
  /** Trainable weights of the stand-alone network. */
  readonly paramCount: number;
}

/** The cell with each kept edge offering only its genotype op and every other edge only `none`, and its path. */
function restrictCell(cell: CellSpec, path: CellPath): { cell: CellSpec; path: CellPath } {
  const edges = cell.edges.map((e, i) => {
    const op = path[i] ?? null;
    const name: OpName = op === null ? 'none' : (e.ops[op] as OpName);
    return { ...e, ops: [name] };
  });
  return { cell: { ...cell, edges }, path: path.map((op) => (op === null ? null : 0)) };
}

/**
 * A space whose supernet is exactly the genotype's network (one op per kept edge, dropped edges
 * building nothing), and the path through it. Throws when the genotype does not fit `space`.
 */
export function genotypeSpace(
  space: SearchSpaceSpec,
  genotype: Genotype,
): { space: SearchSpaceSpec; path: SubnetPath } {
  const full = genotypePath(space, genotype);
  const normal = restrictCell(space.normal, full.normal);
  const reduce = space.reduce && full.reduce ? restrictCell(space.reduce, full.reduce) : null;
  return {
    space: { ...space, normal: normal.cell, reduce: reduce?.cell ?? null },
    path: { normal: normal.path, reduce: reduce?.path ?? null },
  };
}

/**
 * Trains `genotype` of `space` from scratch on `data.train` for `o.epochs` epochs (SGD with
 * momentum, cosine schedule, gradient clipping), then scores it on the validation and test splits
 * with BatchNorm recalibrated on training batches. The same options and data give the same result.
 * `hooks` report each step and may stop the training (it then throws StandaloneStopped); with
 * `hooks.keep` the trained network is handed over instead of disposed.
 */
export async function trainStandalone(
  space: SearchSpaceSpec,
  genotype: Genotype,
  data: LoadedDataset,
  o: StandaloneOptions,
  hooks: StandaloneHooks = {},
): Promise<StandaloneResult> {
  if (data.train.count === 0) {
    throw new Error('Stand-alone training needs training examples.');
  }
  const { space: own, path } = genotypeSpace(space, genotype);
  const rng = createRng(o.seed);
  // BatchNorm ids are handed out in creation order: the network's are the ones between these two.
  const firstId = batchNormId();
  const net = buildSupernet(own, data.input, data.classes, rng.fork(), { affine: true });
  const lastId = batchNormId();
  const batchRng = rng.fork();
  const stepsPerEpoch = Math.ceil(data.train.count / o.batchSize);
  const hyper: SposHyper = { ...o, totalSteps: o.epochs * stepsPerEpoch };
  const trainer = createSposTrainer(net, hyper);
  const stream = createBatchStream(data.train, data.input, o.batchSize, batchRng.fork());
  // The same calibration batches before and after training, so the two scores differ by training alone.
  const calibration = calibrationBatches(
    data.train,
    data.input,
    o.batchSize,
    o.calibrationBatches,
    batchRng.fork(),
  );
  const score = async (split: LoadedDataset['valid']): Promise<SubnetScore> =>
    evaluateSubnet(net, path, split, {
      input: data.input,
      batchSize: Math.max(o.batchSize, 64),
      calibration,
    });
  let handedOver = false;
  try {
    const initialValid = await score(data.valid);
    let trainLoss = Number.NaN;
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      let total: tf.Tensor = tf.scalar(0);
      for (let i = 0; i < stepsPerEpoch; i++) {
        if (hooks.shouldStop) {
          await yieldToEventLoop();
          if (hooks.shouldStop()) {
            total.dispose();
            throw new StandaloneStopped(trainer.steps);
          }
        }
        const batch = toDevice(stream.next(), data.input);
        const stats = trainer.step(batch, path);
        const prev = total;
        total = tf.tidy(() => tf.add(prev, tf.slice(stats, [0], [1])));
        tf.dispose([prev, stats, batch.x, batch.y]);
        hooks.onStep?.(trainer.steps, hyper.totalSteps);
      }
      trainLoss = ((await total.data())[0] ?? Number.NaN) / stepsPerEpoch;
      total.dispose();
    }
    const result: StandaloneResult = {
      initialValid,
      valid: await score(data.valid),
      test: await score(data.test),
      trainLoss,
      steps: trainer.steps,
      paramCount: net.paramCount,
    };
    if (hooks.keep) {
      const batchNormIds = Array.from({ length: lastId - firstId - 1 }, (_, i) => firstId + 1 + i);
      hooks.keep({ net, path, calibration, batchNormIds });
      handedOver = true;
    }
    return result;
  } finally {
    trainer.dispose();
    if (!handedOver) net.dispose();
  }
}
