/**
 * The DARTS optimisers, with PyTorch semantics: SGD with momentum and L2 weight decay for the
 * network weights, Adam with L2 weight decay and an explicit epsilon for the alphas. State
 * variables are created up front, so the tensor count stays flat from the first step on.
 */
import * as tf from '@tensorflow/tfjs';
import { sumTensors } from './sum';

/**
 * Adam's epsilon: PyTorch's default, 1e-8, which DARTS's architect uses. Always explicit: tfjs's
 * own default is 1e-7, and 1e-4 on a backend that reports 16-bit floats (webgl on SwiftShader).
 */
export const ADAM_EPSILON = 1e-8;

/** SGD with momentum and weight decay: v = mu*v + g + wd*w; w -= lr*v. */
export interface MomentumSgd {
  /** One velocity buffer per weight. */
  readonly velocity: readonly tf.Variable[];
  /**
   * Applies `grads` (one per weight, in order) at learning rate `lr`. A null gradient leaves that
   * weight and its velocity untouched, as PyTorch skips a parameter whose grad is None. Call inside
   * tf.tidy.
   */
  step(grads: readonly (tf.Tensor | null)[], lr: number): void;
  dispose(): void;
}

/** Creates the optimiser for `weights`. */
export function createMomentumSgd(
  weights: readonly tf.Variable[],
  momentum: number,
  weightDecay: number,
): MomentumSgd {
  const velocity = weights.map((w) => tf.tidy(() => tf.variable(tf.zerosLike(w), false)));
  return {
    velocity,
    step(grads, lr) {
      weights.forEach((w, i) => {
        const v = velocity[i] as tf.Variable;
        const g = grads[i];
        if (g === null) return;
        if (g === undefined) throw new Error(`No gradient for weight ${w.name}.`);
        const d = weightDecay === 0 ? g : tf.add(g, tf.mul(w, weightDecay));
        v.assign(tf.add(tf.mul(v, momentum), d));
        w.assign(tf.sub(w, tf.mul(v, lr)));
      });
    },
    dispose() {
      for (const v of velocity) v.dispose();
    },
  };
}

/** Adam with L2 weight decay added to the gradient (PyTorch `Adam(weight_decay=...)`, as DARTS). */
export interface Adam {
  /** Applies `grads` (one per variable, in order). Call inside tf.tidy. */
  step(grads: readonly tf.Tensor[]): void;
  /** First moments, one per variable. */
  readonly m: readonly tf.Variable[];
  /** Second moments, one per variable. */
  readonly s: readonly tf.Variable[];
  /** Steps taken so far (the bias corrections' exponent). */
  readonly t: number;
  /**
   * Carries on from saved state: copies `m` and `s` (one per variable, same shapes; the caller keeps
   * ownership of them) into the moments and sets the step count to `t`. Throws on a mismatch.
   */
  restore(m: readonly tf.Tensor[], s: readonly tf.Tensor[], t: number): void;
  dispose(): void;
}

/** Adam hyper-parameters. */
export interface AdamOptions {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly weightDecay: number;
  readonly epsilon?: number;
}

/** Creates Adam for `vars`. */
export function createAdam(vars: readonly tf.Variable[], o: AdamOptions): Adam {
  const m = vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
  const s = vars.map((v) => tf.tidy(() => tf.variable(tf.zerosLike(v), false)));
  const eps = o.epsilon ?? ADAM_EPSILON;
  let t = 0;
  const check = (what: string, into: readonly tf.Variable[], from: readonly tf.Tensor[]): void => {
    if (from.length !== into.length)
      throw new Error(`Adam has ${into.length} ${what} moment(s), got ${from.length}.`);
    into.forEach((v, i) => {
      const f = from[i] as tf.Tensor;
      if (!tf.util.arraysEqual(v.shape, f.shape))
        throw new Error(`Adam's ${what} moment ${i} is [${v.shape}], got [${f.shape}].`);
    });
  };
  return {
    m,
    s,
    get t() {
      return t;
    },
    restore(mFrom, sFrom, steps) {
      if (!(Number.isInteger(steps) && steps >= 0))
        throw new Error(`Adam's step count must be a whole number, got ${steps}.`);
      check('first', m, mFrom);
      check('second', s, sFrom);
      m.forEach((v, i) => v.assign(mFrom[i] as tf.Tensor));
      s.forEach((v, i) => v.assign(sFrom[i] as tf.Tensor));
      t = steps;
    },
    step(grads) {
      t += 1;
      const c1 = 1 - o.beta1 ** t;
      const c2 = 1 - o.beta2 ** t;
      vars.forEach((a, i) => {
        const g0 = grads[i] as tf.Tensor;
        const g = o.weightDecay === 0 ? g0 : tf.add(g0, tf.mul(a, o.weightDecay));
        const mi = m[i] as tf.Variable;
        const si = s[i] as tf.Variable;
        mi.assign(tf.add(tf.mul(mi, o.beta1), tf.mul(g, 1 - o.beta1)));
        si.assign(tf.add(tf.mul(si, o.beta2), tf.mul(tf.square(g), 1 - o.beta2)));
        const denom = tf.add(tf.sqrt(tf.div(si, c2)), eps);
        a.assign(tf.sub(a, tf.div(tf.mul(mi, o.lr / c1), denom)));
      });
    },
    dispose() {
      for (const v of [...m, ...s]) v.dispose();
    },
  };
}

/** The L2 norm of all `tensors` taken together, as a scalar tensor. */
export function globalNorm(tensors: readonly tf.Tensor[]): tf.Scalar {
  return tf.sqrt(sumTensors(tensors.map((g) => tf.sum(tf.square(g))))) as tf.Scalar;
}

/** Scales `grads` so their global L2 norm is at most `maxNorm` (PyTorch clip_grad_norm_, without a read-back). */
export function clipByGlobalNorm(grads: readonly tf.Tensor[], maxNorm: number): tf.Tensor[] {
  const coef = tf.minimum(tf.div(maxNorm, tf.add(globalNorm(grads), 1e-6)), 1);
  return grads.map((g) => tf.mul(g, coef));
}

/** Cosine annealing from `max` to `min` over `total` steps; `step` is 0-based. */
export function cosineLr(step: number, total: number, max: number, min: number): number {
  if (total <= 1) return max;
  return min + ((max - min) * (1 + Math.cos((Math.PI * step) / total))) / 2;
}
