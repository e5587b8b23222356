/**
 * PC-DARTS's edge normalisation: one architecture weight (beta) per edge of a searched cell; each
 * node's incoming edges are weighed by a softmax over their betas.
 */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/random';
import type { CellSpec } from '../core/search-space/types';

/** Logit added where an edge does not enter a node: exp of it underflows to exactly 0. */
const MASKED = -1e9;

let betaCount = 0;

/** The betas of one cell role. */
export interface RoleBetas {
  /** One beta per edge, in `CellSpec.edges` order. */
  readonly variable: tf.Variable;
  /** Per edge, the softmax of its beta over the edges into the same node: [edges]. */
  weights(): tf.Tensor1D;
  dispose(): void;
}

/** Creates betas for `cell`, initialised to 1e-3 * N(0, 1) from `rng`, as PC-DARTS. */
export function createRoleBetas(cell: CellSpec, role: string, rng: Rng): RoleBetas {
  const edges = cell.edges.length;
  const init = new Float32Array(edges);
  for (let e = 0; e < edges; e++) init[e] = 1e-3 * rng.normal();
  const nodes = [...new Set(cell.edges.map((e) => e.to))];
  // [nodes, edges]: 0 where the edge enters the node, MASKED elsewhere.
  const mask = new Float32Array(nodes.length * edges).fill(MASKED);
  cell.edges.forEach((e, i) => {
    mask[nodes.indexOf(e.to) * edges + i] = 0;
  });
  betaCount += 1;
  const variable = tf.tidy(() => tf.variable(tf.tensor1d(init), true, `beta${betaCount}_${role}`));
  const maskTensor = tf.tensor2d(mask, [nodes.length, edges]);
  return {
    variable,
    // Each row is one node's softmax over its incoming edges (zeros elsewhere); every edge is in one row.
    weights: () => tf.sum(tf.softmax(tf.add(maskTensor, variable)), 0) as tf.Tensor1D,
    dispose() {
      variable.dispose();
      maskTensor.dispose();
    },
  };
}
