/**
 * The op weights a supernet runs with during a perturbation-based selection: softmax(alpha) on
 * undecided edges, one-hot rows on decided edges, zero rows on edges a node decision dropped, and
 * optionally one op or one whole edge masked to zero (never renormalised, as darts-pt masks).
 */
import * as tf from '@tensorflow/tfjs';
import type { CellRole } from '../../core/search-space/types';
import { ROLES } from '../../core/strategies/cell-choices';
import type { KnownZeros, OpWeights, Supernet } from '../supernet';
import type { SelectionState } from './plan';

/** What to remove for one measurement: op `op` of an edge, or the whole edge when `op` is null. */
export interface Mask {
  readonly role: CellRole;
  readonly edge: number;
  readonly op: number | null;
}

/**
 * The projected weights of one role as [edges, maxOps]: probs * keep + fixed, where keep is 1 on
 * undecided entries (0 on the masked op) and fixed holds the one-hot rows of decided edges.
 */
function roleWeights(
  net: Supernet,
  role: CellRole,
  state: SelectionState,
  mask?: Mask,
): tf.Tensor2D {
  const alphas = net.alphas[role];
  const s = state[role];
  if (!alphas || !s)
    throw new Error(`The supernet has no alphas or decisions for the ${role} cell.`);
  const { opsPerEdge, maxOps } = alphas;
  const keep = new Float32Array(opsPerEdge.length * maxOps);
  const fixed = new Float32Array(opsPerEdge.length * maxOps);
  let undecided = false;
  opsPerEdge.forEach((n, e) => {
    const masked = mask !== undefined && mask.role === role && mask.edge === e;
    if (s.dropped[e] || (masked && mask.op === null)) return;
    const op = s.ops[e] ?? null;
    if (op !== null) {
      if (!(masked && mask.op === op)) fixed[e * maxOps + op] = 1;
      return;
    }
    undecided = true;
    for (let o = 0; o < n; o++) keep[e * maxOps + o] = masked && mask.op === o ? 0 : 1;
  });
  const shape: [number, number] = [opsPerEdge.length, maxOps];
  const oneHot = tf.tensor2d(fixed, shape);
  return undecided ? tf.add(tf.mul(alphas.probs(), tf.tensor2d(keep, shape)), oneHot) : oneHot;
}

/**
 * Op weights for every searched role with the decisions in `state` applied and `mask` removed;
 * gradients reach the alphas of undecided edges only. Call inside tf.tidy.
 */
export function projectedWeights(net: Supernet, state: SelectionState, mask?: Mask): OpWeights {
  const out: OpWeights = {};
  for (const role of ROLES) if (state[role]) out[role] = roleWeights(net, role, state, mask);
  return out;
}

/**
 * Where the projected weights of `state` with `mask` are exactly zero (the other ops of decided
 * edges, dropped or masked edges, a masked op), so the forward pass can skip those ops.
 */
export function projectedZeros(net: Supernet, state: SelectionState, mask?: Mask): KnownZeros {
  const out: KnownZeros = {};
  for (const role of ROLES) {
    const alphas = net.alphas[role];
    const s = state[role];
    if (!alphas || !s) continue;
    out[role] = alphas.opsPerEdge.map((n, e) => {
      const masked = mask !== undefined && mask.role === role && mask.edge === e;
      const chosen = s.ops[e] ?? null;
      return Array.from({ length: n }, (_, o) => {
        if (s.dropped[e] || (masked && (mask.op === null || mask.op === o))) return true;
        return chosen !== null && chosen !== o;
      });
    });
  }
  return out;
}
