/**
 * The dominant eigenvalue of the Hessian of the validation loss with respect to the alphas
 * (RobustDARTS, Zela et al. 2020): power iteration on Hessian-vector products taken as central
 * finite differences of alpha gradients, Hv ≈ (∇α L(α + εv) − ∇α L(α − εv)) / 2ε. Vector algebra
 * runs on the host in float64 (the alphas are a few hundred numbers); only gradients run in tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/random';
import type { Batch } from '../darts';
import { crossEntropy } from '../loss';
import type { Supernet } from '../supernet';

/** Settings of the power iteration. */
export interface EigenOptions {
  /** Hessian-vector products at most (each costs two alpha gradients over the batches). */
  readonly maxIterations: number;
  /** Stop when two successive estimates differ by at most this fraction of the latest. */
  readonly tolerance: number;
  /** The finite-difference step along the unit vector v. */
  readonly epsilon: number;
  /** Start vector (e.g. the previous epoch's eigenvector): fewer iterations when the Hessian moved little. */
  readonly start?: Float64Array | null;
  /** Draws the start vector when none is given. */
  readonly rng: Rng;
}

/** Power iteration's defaults: 8 products, 1% agreement, ε = 1e-3 (float32 gradients of ~1e-2 keep ~4 digits). */
export const EIGEN_DEFAULTS = { maxIterations: 8, tolerance: 0.01, epsilon: 1e-3 } as const;

/** The estimate: the eigenvalue, its unit eigenvector, the products used, and whether it converged. */
export interface EigenResult {
  readonly value: number;
  readonly vector: Float64Array;
  readonly products: number;
  readonly converged: boolean;
}

/** The alphas of `net` flattened in variable order (padding included), read with `await data()`. */
export async function readAlphas(net: Supernet): Promise<Float32Array> {
  const flat = tf.tidy(() => tf.concat(net.alphaVariables.map((v) => tf.reshape(v, [-1]))));
  try {
    return await flat.data<'float32'>();
  } finally {
    flat.dispose();
  }
}

/** Writes flattened `values` into the alpha variables of `net`. */
export function writeAlphas(net: Supernet, values: ArrayLike<number>): void {
  let offset = 0;
  for (const v of net.alphaVariables) {
    const part = Float32Array.from({ length: v.size }, (_, i) => values[offset + i] ?? 0);
    tf.tidy(() => v.assign(tf.tensor(part, v.shape)));
    offset += v.size;
  }
}

/** The gradient of the mean validation loss over `batches` with respect to the alphas, flattened. */
export async function alphaGradient(
  net: Supernet,
  batches: readonly Batch[],
): Promise<Float64Array> {
  const vars = net.alphaVariables;
  const flat = tf.tidy(() => {
    let sum: tf.Tensor | null = null;
    for (const b of batches) {
      const { grads } = tf.variableGrads(() => crossEntropy(net.forward(b.x), b.y), [...vars]);
      const g = tf.concat(vars.map((v) => tf.reshape(grads[v.name] ?? tf.zerosLike(v), [-1])));
      sum = sum === null ? g : tf.add(sum, g);
    }
    if (sum === null) throw new Error('The Hessian needs at least one validation batch.');
    return tf.div(sum, batches.length);
  });
  try {
    return Float64Array.from(await flat.data<'float32'>());
  } finally {
    flat.dispose();
  }
}

/** Euclidean norm. */
function norm(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

/** Dot product. */
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
}

/** A product with the Hessian at `alphas` (the alphas are left as they were found). */
export type HessianProduct = (v: Float64Array) => Promise<Float64Array>;

/** Hv by central differences of alpha gradients at `alphas` over `batches`; restores the alphas after each product. */
export function hessianProduct(
  net: Supernet,
  alphas: Float32Array,
  batches: readonly Batch[],
  epsilon: number,
): HessianProduct {
  return async (v) => {
    const shifted = (sign: 1 | -1): Float64Array =>
      Float64Array.from(alphas, (a, i) => a + sign * epsilon * (v[i] ?? 0));
    try {
      writeAlphas(net, shifted(1));
      const plus = await alphaGradient(net, batches);
      writeAlphas(net, shifted(-1));
      const minus = await alphaGradient(net, batches);
      return Float64Array.from(plus, (p, i) => (p - (minus[i] ?? 0)) / (2 * epsilon));
    } finally {
      writeAlphas(net, alphas);
    }
  };
}

/**
 * Power iteration on `product` (a symmetric operator on vectors of length `size`), shifted by
 * `shift` (iterates on H − shift·I): the eigenvalue of largest magnitude of the shifted operator,
 * plus `shift`, by Rayleigh quotients of unit vectors.
 */
export async function powerIteration(
  product: HessianProduct,
  size: number,
  options: Pick<EigenOptions, 'maxIterations' | 'tolerance' | 'start' | 'rng'>,
  shift = 0,
): Promise<EigenResult> {
  let v =
    options.start && options.start.length === size && norm(options.start) > 0
      ? Float64Array.from(options.start)
      : Float64Array.from({ length: size }, () => options.rng.normal());
  const n0 = norm(v);
  v = v.map((x) => x / n0);
  let value = Number.NaN;
  for (let k = 1; k <= options.maxIterations; k++) {
    const hv = await product(v);
    const w = shift === 0 ? hv : hv.map((x, i) => x - shift * (v[i] ?? 0));
    const next = dot(v, w);
    const size2 = norm(w);
    if (!(size2 > 0)) return { value: shift, vector: v, products: k, converged: true };
    v = w.map((x) => x / size2);
    const done =
      Number.isFinite(value) && Math.abs(next - value) <= options.tolerance * Math.abs(next);
    value = next;
    if (done) return { value: value + shift, vector: v, products: k, converged: true };
  }
  return { value: value + shift, vector: v, products: options.maxIterations, converged: false };
}

/**
 * The largest eigenvalue of the Hessian of the validation loss over `batches` with respect to the
 * alphas of `net` at their current values. Power iteration finds the eigenvalue of largest
 * magnitude; when that one is negative, a second iteration on H − λI (whose spectrum is then
 * non-negative) finds the largest. The alphas are restored exactly; every tensor is disposed.
 */
export async function dominantAlphaEigen(
  net: Supernet,
  batches: readonly Batch[],
  options: EigenOptions,
): Promise<EigenResult> {
  const alphas = await readAlphas(net);
  const product = hessianProduct(net, alphas, batches, options.epsilon);
  const first = await powerIteration(product, alphas.length, options);
  if (!(first.value < 0)) return first;
  const second = await powerIteration(
    product,
    alphas.length,
    { ...options, start: null },
    first.value,
  );
  return { ...second, products: first.products + second.products };
}
