/**
 * The latency-aware alpha loss as a tfjs term (core/latency-loss has the plan and the plain-number
 * forms): E[LAT] from the op probabilities of each cell role, differentiable in them, and the loss
 * form that joins it to the cross-entropy. A differentiable search adds it to its alpha step with
 * one call: `loss = term.loss(ce, probs)`.
 */
import * as tf from '@tensorflow/tfjs';
import type { LatencyPlan } from '../../core/latency-loss/expectation';
import { US_PER_MS } from '../../core/latency-loss/forms';
import type { LatencyLossSpec } from '../../core/latency-loss/spec';
import type { CellRole } from '../../core/search-space/types';

/** Op probabilities per searched role, [edges, maxOps] (padding columns 0), as RoleAlphas.probs() gives them. */
export type RoleProbs = Partial<Record<CellRole, tf.Tensor2D>>;

/** The padded width of each role's probabilities (RoleAlphas.maxOps). */
export type RoleWidths = Partial<Record<CellRole, number>>;

/** The latency term of one search: E[LAT] and the alpha loss with it; owns its constant tensors. */
export interface LatencyTerm {
  readonly spec: LatencyLossSpec;
  readonly plan: LatencyPlan;
  /** E[LAT] in ms for `probs` (a new scalar). */
  expected(probs: RoleProbs): tf.Scalar;
  /** The alpha loss: `ce` joined with E[LAT] of `probs` under the spec's form (`ce` itself when off). */
  loss(ce: tf.Scalar, probs: RoleProbs): tf.Scalar;
  dispose(): void;
}

/** One role's constants: costs and the counted-op mask padded to [edges, width], and 1 on rows with no counted op. */
interface RoleConstants {
  readonly costs: tf.Tensor2D;
  readonly counted: tf.Tensor2D;
  readonly empty: tf.Tensor2D;
}

/** `rows` padded with zeros to `width` columns, as one [rows, width] tensor. */
function padded(rows: readonly (readonly number[])[], width: number): tf.Tensor2D {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, e) => row.forEach((v, o) => (out[e * width + o] = v)));
  return tf.tensor2d(out, [rows.length, width]);
}

/** `ce` joined with E[LAT] `lat` (ms) under `l`'s form, as core's latencyObjective (log forms in µs). */
function joined(ce: tf.Scalar, lat: tf.Scalar, l: LatencyLossSpec): tf.Scalar {
  switch (l.form) {
    case 'off':
      return ce;
    case 'mul#log': {
      const ratio = tf.div(tf.log(tf.mul(lat, US_PER_MS)), Math.log(l.targetMs * US_PER_MS));
      return tf.mul(tf.mul(ce, l.alpha), tf.pow(ratio, l.beta));
    }
    case 'add#linear':
      return tf.add(ce, tf.mul(tf.div(tf.sub(lat, l.targetMs), l.targetMs), l.lambda));
    case 'fbnet':
      return tf.mul(tf.mul(ce, l.alpha), tf.pow(tf.log(tf.mul(lat, US_PER_MS)), l.beta));
  }
}

/**
 * The term of `spec` over `plan`, for probabilities padded to `widths` per role. Throws when a
 * role of the plan has no width.
 */
export function createLatencyTerm(
  plan: LatencyPlan,
  spec: LatencyLossSpec,
  widths: RoleWidths,
): LatencyTerm {
  const constants: Partial<Record<CellRole, RoleConstants>> = {};
  for (const role of ['normal', 'reduce'] as const) {
    const r = plan.roles[role];
    if (!r) continue;
    const width = widths[role];
    if (width === undefined) throw new Error(`The supernet has no ${role}-cell alphas to price.`);
    constants[role] = {
      costs: padded(r.costs, width),
      counted: padded(
        r.counted.map((row) => row.map((c) => (c ? 1 : 0))),
        width,
      ),
      empty: tf.tensor2d(
        r.counted.map((row) => (row.some((c) => c) ? 0 : 1)),
        [r.counted.length, 1],
      ),
    };
  }
  const expected = (probs: RoleProbs): tf.Scalar =>
    tf.tidy(() => {
      let total: tf.Scalar = tf.scalar(plan.constantMs);
      for (const role of ['normal', 'reduce'] as const) {
        const c = constants[role];
        if (!c) continue;
        const p = probs[role];
        if (!p) throw new Error(`No op probabilities were given for the ${role} cell.`);
        const kept = tf.mul(p, c.counted);
        const mass = tf.add(tf.sum(kept, 1, true), c.empty);
        total = tf.add(total, tf.sum(tf.mul(tf.div(kept, mass), c.costs)));
      }
      return total;
    });
  return {
    spec,
    plan,
    expected,
    loss(ce, probs) {
      if (spec.form === 'off') return ce;
      return tf.tidy(() => joined(ce, expected(probs), spec));
    },
    dispose() {
      for (const c of Object.values(constants)) tf.dispose([c.costs, c.counted, c.empty]);
    },
  };
}
