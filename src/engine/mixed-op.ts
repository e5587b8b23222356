/** The DARTS mixed op: every candidate op of one edge, summed with the edge's op weights. */
import * as tf from '@tensorflow/tfjs';
import type { OpName } from '../core/search-space/ops';
import { zeroOp } from './image-ops';
import { buildOp, type BuiltOp, type OpContext } from './primitives';
import type { ParamStore } from './params';
import { sumTensors } from './sum';

/** One edge's candidate ops; `forward` takes one weight per op (softmax(alpha) during a DARTS search; null: known zero, not computed). */
export interface MixedOp {
  readonly ops: readonly BuiltOp[];
  /** The weights each op owns, in op order (empty for weightless ops). */
  readonly opVariables: readonly (readonly tf.Variable[])[];
  forward(x: tf.Tensor, weights: readonly (tf.Scalar | null)[]): tf.Tensor;
  /** Runs op `index` alone (a single path); null for the `none` op, which contributes nothing. */
  forwardOne(x: tf.Tensor, index: number): tf.Tensor | null;
  /** Zeros shaped like this edge's output for input `x`. */
  zeros(x: tf.Tensor): tf.Tensor;
}

/**
 * Builds the mixed op over `ops`. The forward pass is sum over ops of w_op * op(x); the `none` op
 * contributes exactly zero, so it is not computed (its weight still takes part in the softmax, so
 * its alpha still receives a gradient), nor is an op whose weight is given as null (known to be
 * zero, e.g. a decided edge's other ops during perturbation selection; such a weight gets no
 * gradient). Sums never pass more than 7 tensors to one addN.
 */
export function buildMixedOp(p: ParamStore, ops: readonly OpName[], ctx: OpContext): MixedOp {
  const opVariables: tf.Variable[][] = [];
  const built = ops.map((name) => {
    const first = p.weights.length;
    const op = buildOp(p, name, ctx);
    opVariables.push(p.weights.slice(first));
    return op;
  });
  const zeros = zeroOp(ctx.stride);
  return {
    ops: built,
    opVariables,
    zeros,
    forwardOne(x, index) {
      const op = built[index];
      if (op === undefined) {
        throw new Error(`A mixed op over ${built.length} ops has no op ${index}.`);
      }
      return op.zero ? null : op.layer(x);
    },
    forward(x, weights) {
      if (weights.length !== built.length) {
        throw new Error(`A mixed op over ${built.length} ops was given ${weights.length} weights.`);
      }
      const terms: tf.Tensor[] = [];
      built.forEach((op, i) => {
        const w = weights[i] ?? null;
        if (!op.zero && w !== null) terms.push(tf.mul(op.layer(x), w));
      });
      return terms.length === 0 ? zeros(x) : sumTensors(terms);
    },
  };
}
