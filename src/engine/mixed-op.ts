/** The DARTS mixed op: every candidate op of one edge, summed with the edge's op weights. */
import * as tf from '@tensorflow/tfjs';
import type { OpName } from '../core/search-space/ops';
import { zeroOp } from './image-ops';
import { buildOp, type BuiltOp, type OpContext } from './primitives';
import type { ParamStore } from './params';
import { sumTensors } from './sum';

/** One edge's candidate ops; `forward` takes one weight per op (softmax(alpha) during a DARTS search). */
export interface MixedOp {
  readonly ops: readonly BuiltOp[];
  forward(x: tf.Tensor, weights: readonly tf.Scalar[]): tf.Tensor;
}

/**
 * Builds the mixed op over `ops`. The forward pass is sum over ops of w_op * op(x); the `none` op
 * contributes exactly zero, so it is not computed (its weight still takes part in the softmax, so
 * its alpha still receives a gradient). Sums never pass more than 7 tensors to one addN.
 */
export function buildMixedOp(p: ParamStore, ops: readonly OpName[], ctx: OpContext): MixedOp {
  const built = ops.map((name) => buildOp(p, name, ctx));
  const zeros = zeroOp(ctx.stride);
  return {
    ops: built,
    forward(x, weights) {
      if (weights.length !== built.length) {
        throw new Error(`A mixed op over ${built.length} ops was given ${weights.length} weights.`);
      }
      const terms: tf.Tensor[] = [];
      built.forEach((op, i) => {
        if (!op.zero) terms.push(tf.mul(op.layer(x), weights[i] as tf.Scalar));
      });
      return terms.length === 0 ? zeros(x) : sumTensors(terms);
    },
  };
}
