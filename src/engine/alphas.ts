/**
 * Architecture weights: one variable per searched cell role, shaped [edges, widest op list].
 * Edges with fewer ops are padded; a constant mask keeps the padding out of the softmax.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/random';
import type { CellAlphas, CellSpec } from '../core/search-space/types';

/** Logit added to padding columns: exp of it underflows to exactly 0. */
const MASKED = -1e9;

let alphaCount = 0;

/** The alphas of one cell role. */
export interface RoleAlphas {
  readonly variable: tf.Variable;
  /** Ops per edge, in edge order. */
  readonly opsPerEdge: readonly number[];
  readonly maxOps: number;
  /** softmax over each edge's ops: [edges, maxOps], zeros in padding columns. */
  probs(): tf.Tensor2D;
  /** The alphas with padding columns at -1e9 (a log-softmax over them leaves the padding out): [edges, maxOps]. */
  masked(): tf.Tensor2D;
  dispose(): void;
}

/** Creates alphas for `cell`, initialised to 1e-3 * N(0, 1) from `rng` (padding columns 0), as DARTS. */
export function createRoleAlphas(cell: CellSpec, role: string, rng: Rng): RoleAlphas {
  const opsPerEdge = cell.edges.map((e) => e.ops.length);
  const maxOps = Math.max(1, ...opsPerEdge);
  const edges = opsPerEdge.length;
  const init = new Float32Array(edges * maxOps);
  const mask = new Float32Array(edges * maxOps);
  opsPerEdge.forEach((n, e) => {
    for (let o = 0; o < maxOps; o++) {
      if (o < n) init[e * maxOps + o] = 1e-3 * rng.normal();
      else mask[e * maxOps + o] = MASKED;
    }
  });
  alphaCount += 1;
  const name = `alpha${alphaCount}_${role}`;
  const variable = tf.tidy(() => tf.variable(tf.tensor2d(init, [edges, maxOps]), true, name));
  const ragged = opsPerEdge.some((n) => n !== maxOps);
  const maskTensor = ragged ? tf.tensor2d(mask, [edges, maxOps]) : null;
  return {
    variable,
    opsPerEdge,
    maxOps,
    probs: () => tf.softmax(maskTensor ? tf.add(variable, maskTensor) : variable) as tf.Tensor2D,
    masked: () => (maskTensor ? tf.add(variable, maskTensor) : tf.clone(variable)) as tf.Tensor2D,
    dispose() {
      variable.dispose();
      maskTensor?.dispose();
    },
  };
}

/** Drops padding: the per-edge op weights concatenated in edge order (row-major over [edge][op]). */
export function compactRows(
  padded: ArrayLike<number>,
  opsPerEdge: readonly number[],
  maxOps: number,
): Float32Array {
  const out = new Float32Array(opsPerEdge.reduce((a, b) => a + b, 0));
  let k = 0;
  opsPerEdge.forEach((n, e) => {
    for (let o = 0; o < n; o++) out[k++] = padded[e * maxOps + o] ?? 0;
  });
  return out;
}

/** The same weights as `[edge][op]` number rows, the form core's deriveCell takes. */
export function toCellAlphas(flat: ArrayLike<number>, opsPerEdge: readonly number[]): CellAlphas {
  const rows: number[][] = [];
  let k = 0;
  for (const n of opsPerEdge) {
    rows.push(Array.from({ length: n }, (_, o) => flat[k + o] ?? 0));
    k += n;
  }
  return rows;
}
