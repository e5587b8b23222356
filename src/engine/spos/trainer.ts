/**
 * Single Path One-Shot supernet training (Guo et al.): each step runs one path through the
 * supernet, drawn with core's `sampleSpos` (one op per edge, uniform), and takes a weight step on
 * it with the optimiser DARTS uses for its weights (SGD with momentum, weight decay, gradient
 * clipping, cosine-annealed learning rate). Only the weights on the path are updated: weights off it
 * keep their values and their momentum, as the SPOS reference code does by dropping the gradients
 * of parameters the path did not touch before `optimizer.step()`. The alphas are not used.
 */
import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../../core/experiment/spec';
import type { Rng } from '../../core/random';
import type { SearchSpaceSpec } from '../../core/search-space/types';
import { sampleSpos, type SubnetPath } from '../../core/strategies/path';
import { toDevice, type BatchStream } from '../batches';
import type { Batch } from '../darts/trainer';
import { correctCount, crossEntropy } from '../loss';
import { clipByGlobalNorm, cosineLr, createMomentumSgd, type MomentumSgd } from '../optimizers';
import type { Supernet } from '../supernet';

/** Weight-optimiser settings of a single-path trainer (the DARTS weight optimiser's). */
export interface SposHyper {
  /** Learning rate, cosine-annealed from weightLr to weightLrMin over totalSteps. */
  readonly weightLr: number;
  readonly weightLrMin: number;
  readonly totalSteps: number;
  readonly momentum: number;
  readonly weightDecay: number;
  readonly gradClip: number;
}

/** Trains a supernet one path at a time; owns the optimiser state. */
export interface SposTrainer {
  /**
   * One weight step on `batch` through `path` at the next learning rate of the schedule. Returns
   * [loss, correct predictions] as a new tensor the caller reads with `await data()` and disposes.
   */
  step(batch: Batch, path: SubnetPath): tf.Tensor1D;
  /** Steps taken so far. */
  readonly steps: number;
  /** Carries the schedule on from `steps` steps taken (a resumed run; the weights are restored apart). */
  setSteps(steps: number): void;
  readonly sgd: MomentumSgd;
  dispose(): void;
}

/** Creates the trainer for `net`'s weights. */
export function createSposTrainer(net: Supernet, hyper: SposHyper): SposTrainer {
  const weights = net.weights;
  const sgd = createMomentumSgd(weights, hyper.momentum, hyper.weightDecay);
  let steps = 0;
  return {
    sgd,
    get steps() {
      return steps;
    },
    setSteps(n) {
      if (!(Number.isInteger(n) && n >= 0))
        throw new Error(`A step count must be a whole number, got ${n}.`);
      steps = n;
    },
    step(batch, path) {
      const lr = cosineLr(steps, hyper.totalSteps, hyper.weightLr, hyper.weightLrMin);
      steps += 1;
      return tf.tidy(() => {
        let correct: tf.Scalar | null = null;
        const { value, grads } = tf.variableGrads(() => {
          const logits = net.forwardPath(batch.x, path);
          correct = tf.keep(correctCount(logits, batch.y));
          return crossEntropy(logits, batch.y);
        }, weights);
        // Weights the path never touched get no gradient: null leaves them as they are.
        const onPath = weights.map((w) => grads[w.name] ?? null);
        const clipped = clipByGlobalNorm(
          onPath.filter((g): g is tf.Tensor => g !== null),
          hyper.gradClip,
        );
        let k = 0;
        sgd.step(
          onPath.map((g) => (g === null ? null : (clipped[k++] as tf.Tensor))),
          lr,
        );
        if (correct === null) throw new Error('The weight step produced no accuracy.');
        const out = tf.stack([value, correct]) as tf.Tensor1D;
        (correct as tf.Scalar).dispose();
        return out;
      });
    },
    dispose() {
      sgd.dispose();
    },
  };
}

/** What `trainSposSteps` reports per step. */
export interface SposStepReport {
  readonly step: number;
  readonly loss: number;
  /** Fraction of the batch predicted correctly. */
  readonly accuracy: number;
}

/**
 * Runs `count` SPOS steps: per step a fresh uniform path from `rng` and the next batch of `stream`;
 * reads each step's numbers with `await data()` and returns them in order.
 */
export async function trainSposSteps(
  trainer: SposTrainer,
  space: SearchSpaceSpec,
  stream: BatchStream,
  input: InputShape,
  rng: Rng,
  count: number,
): Promise<SposStepReport[]> {
  const out: SposStepReport[] = [];
  for (let i = 0; i < count; i++) {
    const path = sampleSpos(space, rng);
    const batch = toDevice(stream.next(), input);
    const stats = trainer.step(batch, path);
    const n = batch.y.shape[0];
    tf.dispose([batch.x, batch.y]);
    const values = await stats.data();
    stats.dispose();
    out.push({
      step: trainer.steps,
      loss: values[0] ?? Number.NaN,
      accuracy: (values[1] ?? Number.NaN) / n,
    });
  }
  return out;
}
