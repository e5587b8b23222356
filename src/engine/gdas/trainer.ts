/**
 * One GDAS search step (Dong & Yang 2019). Before it, the host reads the alphas and draws two
 * samples (sample.ts): per edge the argmax of (log_softmax(alpha) + Gumbel noise) / tau, with the
 * noise from a stream seeded by the run and the step, so a seed reproduces the run and a resumed run
 * draws what the uninterrupted one drew. Then the weight step on a training batch through the first
 * sample, and after the warm-up the alpha step on a validation batch through the second (the
 * reference code's order). Only each edge's sampled op runs; its output is multiplied by its hard
 * weight (exactly 1 forward, the Gumbel-softmax's gradient backward: hard-weights.ts), so the
 * alphas get the straight-through gradient. As in SPOS, weights off the sampled path keep their
 * values and momentum.
 */
import * as tf from '@tensorflow/tfjs';
import type { GdasStrategySpec } from '../../core/experiment/spec';
import { createRng } from '../../core/random';
import type { CellRole } from '../../core/search-space/types';
import type { Batch } from '../darts/trainer';
import type { SearchTrainer } from '../darts/loop';
import type { LatencyTerm } from '../latency-loss/term';
import { correctCount, crossEntropy } from '../loss';
import { clipByGlobalNorm, createAdam, createMomentumSgd } from '../optimizers';
import type { KnownZeros, OpWeights, Supernet } from '../supernet';
import { hardWeights } from './hard-weights';
import { sampleRole, type RoleSample } from './sample';
import { gdasTemperature } from './temperature';

/** A sample of every searched role. */
export type GdasSample = Partial<Record<CellRole, RoleSample>>;

/** The samples of one step, at its temperature. */
export interface StepSample {
  readonly tau: number;
  /** The path of the weight step. */
  readonly weights: GdasSample;
  /** The path of the alpha step. */
  readonly alphas: GdasSample;
}

/** The GDAS trainer: the loop's SearchTrainer, with what its next step samples. */
export interface GdasTrainer extends SearchTrainer {
  /** Reads the alphas and draws the samples of step `step` (1-based) of epoch `epoch`. */
  prepare(step: number, epoch: number): Promise<void>;
  /** The samples the next step runs (null before the first prepare). */
  readonly sample: StepSample | null;
  dispose(): void;
}

const ROLES: readonly CellRole[] = ['normal', 'reduce'];

/** The seed of step `step`'s sample stream from the run's seed. */
function stepSeed(seed: number, step: number): number {
  return (seed ^ Math.imul(step, 0x9e3779b1)) >>> 0;
}

/**
 * Logits of `net` on `x` with every role's hard weights for `sample` at `tau`: only each edge's
 * sampled op is computed. Call inside tf.tidy.
 */
export function sampledForward(
  net: Supernet,
  x: tf.Tensor,
  sample: GdasSample,
  tau: number,
): tf.Tensor {
  const weights: OpWeights = {};
  const zeros: KnownZeros = {};
  for (const r of ROLES) {
    const a = net.alphas[r];
    const s = sample[r];
    if (!a) continue;
    if (!s) throw new Error(`The GDAS sample has no choices for the ${r} cell.`);
    const noise = tf.tensor2d(s.noise, [a.opsPerEdge.length, a.maxOps]);
    weights[r] = hardWeights(a.masked(), noise, s.chosen, tau);
    zeros[r] = a.opsPerEdge.map((n, e) => Array.from({ length: n }, (_, o) => o !== s.chosen[e]));
  }
  return net.forwardWith(x, weights, zeros);
}

/** Creates the trainer for `net` with the settings of `s`; `seed` seeds every step's sample stream. */
export function createGdasTrainer(
  net: Supernet,
  s: GdasStrategySpec,
  seed: number,
  latency: LatencyTerm | null = null,
): GdasTrainer {
  const w = net.weights;
  const sgd = createMomentumSgd(w, s.momentum, s.weightDecay);
  const adam = createAdam(net.alphaVariables, {
    lr: s.alphaLr,
    beta1: s.alphaBeta1,
    beta2: s.alphaBeta2,
    weightDecay: s.alphaWeightDecay,
  });
  let sample: StepSample | null = null;

  const weightStep = (train: Batch, lr: number, at: StepSample) => {
    let correct: tf.Scalar | null = null;
    const { value, grads } = tf.variableGrads(() => {
      const logits = sampledForward(net, train.x, at.weights, at.tau);
      correct = tf.keep(correctCount(logits, train.y));
      return crossEntropy(logits, train.y);
    }, w);
    // Weights off the sampled path get no gradient: null leaves them and their momentum as they are.
    const onPath = w.map((v) => grads[v.name] ?? null);
    const clipped = clipByGlobalNorm(
      onPath.filter((g): g is tf.Tensor => g !== null),
      s.gradClip,
    );
    let k = 0;
    sgd.step(
      onPath.map((g) => (g === null ? null : (clipped[k++] as tf.Tensor))),
      lr,
    );
    if (correct === null) throw new Error('The weight step produced no accuracy.');
    return { loss: value, correct: correct as tf.Scalar };
  };

  const alphaStep = (valid: Batch, at: StepSample): tf.Scalar => {
    const vars = net.alphaVariables;
    const { value, grads } = tf.variableGrads(() => {
      const ce = crossEntropy(sampledForward(net, valid.x, at.alphas, at.tau), valid.y);
      // The latency term reads softmax(alpha), as DARTS's: the expectation GDAS's samples follow.
      return latency === null ? ce : latency.loss(ce, net.opWeights());
    }, vars);
    adam.step(vars.map((v) => grads[v.name] ?? tf.zerosLike(v)));
    return value;
  };

  return {
    sgd,
    adam,
    get sample() {
      return sample;
    },
    async prepare(step, epoch) {
      const tau = gdasTemperature(epoch, s);
      const rng = createRng(stepSeed(seed, step));
      const read: { role: CellRole; values: Float32Array }[] = [];
      for (const r of ROLES) {
        const a = net.alphas[r];
        if (a) read.push({ role: r, values: await a.variable.data<'float32'>() });
      }
      const draw = (): GdasSample => {
        const out: GdasSample = {};
        for (const { role, values } of read) {
          const a = net.alphas[role];
          if (a) out[role] = sampleRole(values, a.opsPerEdge, a.maxOps, tau, rng);
        }
        return out;
      };
      const weights = draw();
      sample = { tau, weights, alphas: draw() };
    },
    step(train, valid, lr, withAlphas = true) {
      const at = sample;
      if (at === null) throw new Error('A GDAS step was taken before its sample was drawn.');
      return tf.tidy(() => {
        const { loss, correct } = weightStep(train, lr, at);
        const alphaLoss = withAlphas ? alphaStep(valid, at) : tf.scalar(Number.NaN);
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
