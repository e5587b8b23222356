/** The DARTS mixed op: every candidate op of one edge, summed with the edge's op weights. */
import * as tf from '@tensorflow/tfjs';
import type { OpName } from '../core/search-space/ops';
import { zeroOp } from './image-ops';
import { fusedPathOn } from './fusion';
import { fusedWeightedSum, hasFusedKernels } from './kernels/fused';
import { buildOp, type BuiltOp, type OpContext } from './primitives';
import type { ParamStore } from './params';
import type { SharedSource } from './shared-source';
import { sumTensors } from './sum';

/** One edge's candidate ops; `forward` takes one weight per op (softmax(alpha) during a DARTS search; null: known zero, not computed). */
export interface MixedOp {
  readonly ops: readonly BuiltOp[];
  /** The weights each op owns, in op order (empty for weightless ops). */
  readonly opVariables: readonly (readonly tf.Variable[])[];
  /** With `shared` (the input's SharedSource), work other edges from the same node also need is done once. */
  forward(x: tf.Tensor, weights: readonly (tf.Scalar | null)[], shared?: SharedSource): tf.Tensor;
  /** Runs op `index` alone (a single path); null for the `none` op, which contributes nothing. */
  forwardOne(x: tf.Tensor, index: number, shared?: SharedSource): tf.Tensor | null;
  /** Zeros shaped like this edge's output for input `x`. */
  zeros(x: tf.Tensor): tf.Tensor;
}

/**
 * Builds the mixed op over `ops`. The forward pass is sum over ops of w_op * op(x); the `none` op
 * contributes exactly zero, so it is not computed (its weight still takes part in the softmax, so
 * its alpha still receives a gradient), nor is an op whose weight is given as null (known to be
 * zero, e.g. a decided edge's other ops during perturbation selection; such a weight gets no
 * gradient). On the fused path with a backend that has the kernel (cpu, wasm, webgpu), the
 * weighted sum is one kernel; otherwise products and sums that never pass more than 7 tensors to
 * one addN.
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
  /** Op `op`'s output, its shareable first step taken from `shared` when given. */
  const apply = (op: BuiltOp, x: tf.Tensor, shared?: SharedSource): tf.Tensor =>
    shared !== undefined && op.split !== undefined
      ? op.split.rest(shared.get(op.split.key, op.split.shared))
      : op.layer(x);
  return {
    ops: built,
    opVariables,
    zeros,
    forwardOne(x, index, shared) {
      const op = built[index];
      if (op === undefined) {
        throw new Error(`A mixed op over ${built.length} ops has no op ${index}.`);
      }
      return op.zero ? null : apply(op, x, shared);
    },
    forward(x, weights, shared) {
      if (weights.length !== built.length) {
        throw new Error(`A mixed op over ${built.length} ops was given ${weights.length} weights.`);
      }
      const outs: tf.Tensor[] = [];
      const ws: tf.Scalar[] = [];
      built.forEach((op, i) => {
        const w = weights[i] ?? null;
        if (op.zero || w === null) return;
        outs.push(apply(op, x, shared));
        ws.push(w);
      });
      if (outs.length === 0) return zeros(x);
      if (fusedPathOn() && hasFusedKernels() && outs.every((t) => t.dtype === 'float32'))
        return fusedWeightedSum(outs, tf.stack(ws) as tf.Tensor1D);
      return sumTensors(outs.map((t, i) => tf.mul(t, ws[i] as tf.Scalar)));
    },
  };
}
