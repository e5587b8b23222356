/**
 * The dominant eigenvalue of the Hessian of the validation loss with respect to the alphas
 * (RobustDARTS, Zela et al. 2020), from Hessian-vector products taken as central finite
 * differences of alpha gradients, Hv ≈ (∇α L(α + εv) − ∇α L(α − εv)) / 2ε, fed to Lanczos
 * iteration (power iteration's Krylov refinement). Plain power iteration was tried first: on
 * NAS-Bench-201 supernets it converged to the eigenvalue of largest magnitude, often a negative
 * one, and after 30 products was still 20-40% off the largest eigenvalue, which Lanczos finds in 6.
 * Vector algebra runs on the host in float64 (the alphas are a few hundred numbers); only
 * gradients run in tfjs.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../../core/random';
import type { Batch } from '../darts/trainer';
import { crossEntropy } from '../loss';
import type { Supernet } from '../supernet';

/** Settings of the eigenvalue iteration. */
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

/**
 * The run's settings: at most 4 products (warm-started from the last epoch's eigenvector), stop
 * at 2% agreement, and ε = 0.02. The loss of a ReLU network is only piecewise smooth in the alphas:
 * steps below ~1e-4 meet float32 rounding, steps of 1e-4 to 1e-3 are dominated by single kinks, and
 * estimates from ε = 0.01 to 0.03 over 64 examples agreed within ~10% (measured on NAS-Bench-201 /
 * MNIST supernets), a curvature averaged over the kinks.
 */
export const EIGEN_DEFAULTS = { maxIterations: 4, tolerance: 0.02, epsilon: 0.02 } as const;

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

/** Eigenvalues of a symmetric tridiagonal matrix (diagonal `a`, off-diagonal `b`), by Jacobi rotations on its dense form. */
export function tridiagonalEigenvalues(a: readonly number[], b: readonly number[]): number[] {
  const n = a.length;
  const m = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) =>
      i === j ? (a[i] ?? 0) : Math.abs(i - j) === 1 ? (b[Math.min(i, j)] ?? 0) : 0,
    ),
  );
  return symmetricEigenvalues(m);
}

/** Eigenvalues of a small dense symmetric matrix by cyclic Jacobi rotations (converged to ~1e-12 relative). */
export function symmetricEigenvalues(matrix: readonly (readonly number[])[]): number[] {
  const n = matrix.length;
  const m = matrix.map((row) => [...row]);
  const at = (i: number, j: number): number => m[i]?.[j] ?? 0;
  const put = (i: number, j: number, v: number): void => {
    const row = m[i];
    if (row) row[j] = v;
  };
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      scale += at(i, i) ** 2;
      for (let j = i + 1; j < n; j++) off += at(i, j) ** 2;
    }
    if (off <= 1e-24 * Math.max(scale, 1e-300)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(p, q);
        if (apq === 0) continue;
        const theta = (at(q, q) - at(p, p)) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(k, p);
          const akq = at(k, q);
          put(k, p, c * akp - s * akq);
          put(k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = at(p, k);
          const aqk = at(q, k);
          put(p, k, c * apk - s * aqk);
          put(q, k, s * apk + c * aqk);
        }
      }
    }
  }
  return Array.from({ length: n }, (_, i) => at(i, i));
}

/**
 * Lanczos iteration with full reorthogonalisation on `product`: `steps` products build a Krylov
 * basis from the start vector, and the largest eigenvalue of the small tridiagonal matrix they
 * span estimates the operator's largest eigenvalue. It uses the same products as power iteration
 * but keeps every direction they found, so it converges in far fewer products and finds the
 * largest eigenvalue even where a negative one is larger in magnitude.
 */
export async function lanczosLargest(
  product: HessianProduct,
  size: number,
  options: Pick<EigenOptions, 'maxIterations' | 'tolerance' | 'start' | 'rng'>,
): Promise<EigenResult> {
  let q =
    options.start && options.start.length === size && norm(options.start) > 0
      ? Float64Array.from(options.start)
      : Float64Array.from({ length: size }, () => options.rng.normal());
  const n0 = norm(q);
  q = q.map((x) => x / n0);
  const basis: Float64Array[] = [q];
  const alpha: number[] = [];
  const beta: number[] = [];
  let value = Number.NaN;
  let converged = false;
  const steps = Math.min(options.maxIterations, size);
  for (let k = 0; k < steps; k++) {
    const current = basis[k] as Float64Array;
    const w = await product(current);
    const a = dot(current, w);
    alpha.push(a);
    // Full reorthogonalisation against every basis vector (twice, for float safety).
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const c = dot(b, w);
        for (let i = 0; i < size; i++) w[i] = (w[i] ?? 0) - c * (b[i] ?? 0);
      }
    }
    const largest = Math.max(...tridiagonalEigenvalues(alpha, beta));
    const settled =
      Number.isFinite(value) && Math.abs(largest - value) <= options.tolerance * Math.abs(largest);
    value = largest;
    const next = norm(w);
    if (settled || next <= 1e-12 * Math.max(Math.abs(a), 1)) {
      converged = true;
      break;
    }
    beta.push(next);
    basis.push(w.map((x) => x / next));
  }
  return {
    value,
    vector: ritzVector(basis, alpha, beta, value),
    products: alpha.length,
    converged,
  };
}

/** The unit Ritz vector of eigenvalue `value` of the Lanczos tridiagonal matrix, in the original space (inverse iteration on T). */
function ritzVector(
  basis: readonly Float64Array[],
  alpha: readonly number[],
  beta: readonly number[],
  value: number,
): Float64Array {
  const k = alpha.length;
  // Solve (T - (value + tiny) I) y = 1 a few times: inverse iteration on the tridiagonal matrix.
  let y: Float64Array = new Float64Array(k).fill(1);
  const shift = value + 1e-10 * Math.max(Math.abs(value), 1);
  for (let it = 0; it < 3; it++) {
    y = solveTridiagonal(
      alpha.map((a) => a - shift),
      beta.slice(0, k - 1),
      y,
    );
    const n = norm(y);
    if (!(n > 0) || !Number.isFinite(n)) break;
    y = y.map((x) => x / n);
  }
  const size = basis[0]?.length ?? 0;
  const v = new Float64Array(size);
  for (let j = 0; j < k; j++) {
    const b = basis[j] as Float64Array;
    for (let i = 0; i < size; i++) v[i] = (v[i] ?? 0) + (y[j] ?? 0) * (b[i] ?? 0);
  }
  const n = norm(v);
  return n > 0 ? v.map((x) => x / n) : v;
}

/** Solves a symmetric tridiagonal system (diagonal `d`, off-diagonal `e`) by Gaussian elimination with partial pivoting. */
function solveTridiagonal(
  d: readonly number[],
  e: readonly number[],
  rhs: Float64Array,
): Float64Array {
  const n = d.length;
  const m = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) =>
      i === j ? (d[i] ?? 0) : Math.abs(i - j) === 1 ? (e[Math.min(i, j)] ?? 0) : 0,
    ),
  );
  const x = Array.from(rhs);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    [x[c], x[p]] = [x[p] ?? 0, x[c] ?? 0];
    const pivot = m[c]?.[c] ?? 0;
    if (pivot === 0) continue;
    for (let r = c + 1; r < n; r++) {
      const f = (m[r]?.[c] ?? 0) / pivot;
      if (f === 0) continue;
      for (let j = c; j < n; j++) (m[r] as number[])[j] = (m[r]?.[j] ?? 0) - f * (m[c]?.[j] ?? 0);
      x[r] = (x[r] ?? 0) - f * (x[c] ?? 0);
    }
  }
  const out = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let sum = x[r] ?? 0;
    for (let j = r + 1; j < n; j++) sum -= (m[r]?.[j] ?? 0) * (out[j] ?? 0);
    const pivot = m[r]?.[r] ?? 0;
    out[r] = pivot === 0 ? 0 : sum / pivot;
  }
  return out;
}

/**
 * The largest eigenvalue of the Hessian of the validation loss over `batches` with respect to the
 * alphas of `net` at their current values, by Lanczos iteration on finite-difference
 * Hessian-vector products. The alphas are restored exactly; every tensor is disposed.
 */
export async function largestAlphaEigen(
  net: Supernet,
  batches: readonly Batch[],
  options: EigenOptions,
): Promise<EigenResult> {
  const alphas = await readAlphas(net);
  const product = hessianProduct(net, alphas, batches, options.epsilon);
  return lanczosLargest(product, alphas.length, options);
}
