/**
 * Fine-tuning between selection decisions, as darts-pt tunes: a fresh SGD (momentum, weight decay
 * and gradient clipping from the DARTS settings) at a tenth of the search's weight learning rate,
 * cosine-annealed per step to the search's minimum, and a first-order alpha step before each weight
 * step while some edge is undecided; every forward pass runs with the decisions applied.
 */
import * as tf from '@tensorflow/tfjs';
import type { DartsSettings, LoadedDataset } from '../../core/experiment/spec';
import type { Rng } from '../../core/random';
import { createBatchStream, toDevice, type BatchStream } from '../batches';
import { crossEntropy } from '../loss';
import {
  clipByGlobalNorm,
  cosineLr,
  createAdam,
  createMomentumSgd,
  type Adam,
  type MomentumSgd,
} from '../optimizers';
import type { Supernet } from '../supernet';
import type { SelectionState } from './plan';
import { projectedWeights, projectedZeros } from './projection';

/** Runs tuning steps on one supernet; owns fresh optimiser state. */
export interface SelectionTuner {
  /**
   * One step on the next training batch (and, with `trainAlphas`, an alpha step on the next
   * validation batch first), under the decisions in `state`. Resolves the training loss.
   */
  step(state: SelectionState, trainAlphas: boolean): Promise<number>;
  dispose(): void;
}

/** The tuning learning rate: a tenth of the search's (darts-pt), annealed to the search's minimum (never upwards). */
export function tuningLr(s: DartsSettings, step: number, totalSteps: number): number {
  const max = s.weightLr / 10;
  return cosineLr(step, totalSteps, max, Math.min(max, s.weightLrMin));
}

/** Gradients of `f` for `vars`, in order; a variable off the loss path gets zeros. */
function gradsOf(
  f: () => tf.Scalar,
  vars: readonly tf.Variable[],
): { value: tf.Scalar; grads: tf.Tensor[] } {
  const { value, grads } = tf.variableGrads(f, [...vars]);
  return { value, grads: vars.map((v) => grads[v.name] ?? tf.zerosLike(v)) };
}

/**
 * Creates the tuner for `totalSteps` steps (the length of the learning-rate schedule); batches come
 * from seeded streams over the training and validation splits, drawn with forks of `rng`.
 */
export function createSelectionTuner(
  net: Supernet,
  s: DartsSettings,
  data: LoadedDataset,
  rng: Rng,
  totalSteps: number,
): SelectionTuner {
  const trainStream: BatchStream = createBatchStream(
    data.train,
    data.input,
    s.batchSize,
    rng.fork(),
  );
  const validStream: BatchStream = createBatchStream(
    data.valid,
    data.input,
    s.batchSize,
    rng.fork(),
  );
  const sgd: MomentumSgd = createMomentumSgd(net.weights, s.momentum, s.weightDecay);
  const adam: Adam = createAdam(net.alphaVariables, {
    lr: s.alphaLr,
    beta1: s.alphaBeta1,
    beta2: s.alphaBeta2,
    weightDecay: s.alphaWeightDecay,
  });
  let taken = 0;
  return {
    async step(state, trainAlphas) {
      const lr = tuningLr(s, taken, totalSteps);
      taken += 1;
      const train = toDevice(trainStream.next(), data.input);
      const valid = trainAlphas ? toDevice(validStream.next(), data.input) : null;
      const zeros = projectedZeros(net, state);
      const loss = tf.tidy(() => {
        const lossOn = (x: tf.Tensor, y: tf.Tensor1D) => (): tf.Scalar =>
          crossEntropy(net.forwardWith(x, projectedWeights(net, state), zeros), y);
        if (valid) adam.step(gradsOf(lossOn(valid.x, valid.y), net.alphaVariables).grads);
        const { value, grads } = gradsOf(lossOn(train.x, train.y), net.weights);
        sgd.step(clipByGlobalNorm(grads, s.gradClip), lr);
        return value;
      });
      tf.dispose([train.x, train.y, ...(valid ? [valid.x, valid.y] : [])]);
      const value = (await loss.data())[0] ?? Number.NaN;
      loss.dispose();
      return value;
    },
    dispose() {
      sgd.dispose();
      adam.dispose();
    },
  };
}
