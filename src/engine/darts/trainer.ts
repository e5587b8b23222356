/**
 * One DARTS search step: the architect's alpha step (first order, or second order with unrolled
 * weights and a finite-difference Hessian-vector product), then the weight step. Everything runs
 * inside tf.tidy without read-backs; the caller reads the returned numbers with `await data()`.
 */
import * as tf from '@tensorflow/tfjs';
import type { DartsSettings } from '../../core/experiment/spec';
import { correctCount, crossEntropy } from '../loss';
import {
  clipByGlobalNorm,
  createAdam,
  createMomentumSgd,
  globalNorm,
  type Adam,
  type MomentumSgd,
} from '../optimizers';
import type { LatencyTerm } from '../latency-loss/term';
import type { Supernet } from '../supernet';

/** A batch on the device: inputs and integer labels. */
export interface Batch {
  readonly x: tf.Tensor;
  readonly y: tf.Tensor1D;
}

/** Runs DARTS steps on one supernet; owns the optimiser state. */
export interface DartsTrainer {
  /**
   * Alpha step on `valid` (its loss joined with the latency term when there is one) (DARTS order: the architect first; skipped when `alphaStep` is false, as
   * during a warm-up), then the weight step on `train` at weight learning rate `lr`. Returns [train
   * loss, correct train predictions, alpha (valid) loss, NaN without an alpha step] as a new tensor
   * the caller disposes.
   */
  step(train: Batch, valid: Batch, lr: number, alphaStep?: boolean): tf.Tensor1D;
  readonly sgd: MomentumSgd;
  readonly adam: Adam;
  dispose(): void;
}

/** Gradients of `f` for `vars`, in order; a variable off the loss path gets zeros. */
function gradsOf(
  f: () => tf.Scalar,
  vars: readonly tf.Variable[],
): { value: tf.Scalar; grads: tf.Tensor[] } {
  const { value, grads } = tf.variableGrads(f, [...vars]);
  return { value, grads: vars.map((v) => grads[v.name] ?? tf.zerosLike(v)) };
}

/** Loss of the supernet on a batch. */
function lossOn(net: Supernet, b: Batch): () => tf.Scalar {
  return () => crossEntropy(net.forward(b.x), b.y);
}

/** The alpha objective on a batch: the supernet's loss, joined with the latency term when there is one. */
function alphaLossOn(net: Supernet, b: Batch, latency: LatencyTerm | null): () => tf.Scalar {
  const ce = lossOn(net, b);
  return latency === null ? ce : () => latency.loss(ce(), net.opWeights());
}

/**
 * Creates the trainer: SGD with momentum for weights, Adam for the architecture parameters (the
 * alphas, then PC-DARTS's betas when the supernet has them), from the strategy spec. With
 * `latency`, the alpha steps minimise the latency-aware loss (in second order, of the unrolled
 * weights; the latency term does not depend on the weights, so the Hessian term is DARTS's).
 */
export function createDartsTrainer(
  net: Supernet,
  s: DartsSettings,
  latency: LatencyTerm | null = null,
): DartsTrainer {
  const arch = [...net.alphaVariables, ...net.betaVariables];
  const sgd = createMomentumSgd(net.weights, s.momentum, s.weightDecay);
  const adam = createAdam(arch, {
    lr: s.alphaLr,
    beta1: s.alphaBeta1,
    beta2: s.alphaBeta2,
    weightDecay: s.alphaWeightDecay,
  });
  const w = net.weights;
  const a = arch;

  /** First order: the alpha gradient of the validation loss at the current weights. */
  const firstOrder = (valid: Batch): tf.Scalar => {
    const { value, grads } = gradsOf(alphaLossOn(net, valid, latency), a);
    adam.step(grads);
    return value;
  };

  /**
   * Second order (DARTS unrolled): w' = w - xi (mu v + dL_train/dw + wd w) with xi the current
   * weight lr; alpha grad = dL_val(w')/da - xi * (dL_train(w+)/da - dL_train(w-)/da) / (2 eps),
   * w± = w ± eps dL_val(w')/dw', eps = 0.01 / ||dL_val(w')/dw'||; the weights are restored after.
   */
  const secondOrder = (train: Batch, valid: Batch, xi: number): tf.Scalar => {
    const saved = w.map((v) => v.clone());
    const gTrain = gradsOf(lossOn(net, train), w).grads;
    w.forEach((v, i) => {
      const step = tf.add(
        tf.add(tf.mul(sgd.velocity[i] as tf.Tensor, s.momentum), gTrain[i] as tf.Tensor),
        tf.mul(v, s.weightDecay),
      );
      v.assign(tf.sub(v, tf.mul(step, xi)));
    });
    const unrolled = gradsOf(alphaLossOn(net, valid, latency), [...w, ...a]);
    const dW = unrolled.grads.slice(0, w.length);
    const dAlpha = unrolled.grads.slice(w.length);
    const eps = tf.div(0.01, tf.maximum(globalNorm(dW), 1e-12));
    const alphaGradAt = (sign: 1 | -1): tf.Tensor[] => {
      w.forEach((v, i) =>
        v.assign(tf.add(saved[i] as tf.Tensor, tf.mul(dW[i] as tf.Tensor, tf.mul(eps, sign)))),
      );
      return gradsOf(lossOn(net, train), a).grads;
    };
    const gPlus = alphaGradAt(1);
    const gMinus = alphaGradAt(-1);
    w.forEach((v, i) => v.assign(saved[i] as tf.Tensor));
    const scale = tf.div(xi, tf.mul(eps, 2));
    adam.step(
      dAlpha.map((g, i) =>
        tf.sub(g, tf.mul(tf.sub(gPlus[i] as tf.Tensor, gMinus[i] as tf.Tensor), scale)),
      ),
    );
    return unrolled.value;
  };

  const weightStep = (train: Batch, lr: number): { loss: tf.Scalar; correct: tf.Scalar } => {
    let correct: tf.Scalar | null = null;
    const { value, grads } = gradsOf(() => {
      const logits = net.forward(train.x);
      correct = tf.keep(correctCount(logits, train.y));
      return crossEntropy(logits, train.y);
    }, w);
    sgd.step(clipByGlobalNorm(grads, s.gradClip), lr);
    if (correct === null) throw new Error('The weight step produced no accuracy.');
    return { loss: value, correct };
  };

  return {
    sgd,
    adam,
    step(train, valid, lr, alphaStep = true) {
      return tf.tidy(() => {
        const alphaLoss = !alphaStep
          ? tf.scalar(Number.NaN)
          : s.order === 2
            ? secondOrder(train, valid, lr)
            : firstOrder(valid);
        const { loss, correct } = weightStep(train, lr);
        const out = tf.stack([loss, correct, alphaLoss]) as tf.Tensor1D;
        correct.dispose();
        return out;
      });
    },
    dispose() {
      sgd.dispose();
      adam.dispose();
    },
  };
}
