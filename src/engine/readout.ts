/** Packs a step's numbers and op weights into one tensor, so each step needs a single `await data()`. */
import * as tf from '@tensorflow/tfjs';
import type { AlphaSnapshot } from '../core/run/protocol';
import type { CellAlphas, CellRole } from '../core/search-space/types';
import { compactRows, toCellAlphas, type RoleAlphas } from './alphas';
import type { Supernet } from './supernet';

/** What one step reports. */
export interface StepReadout {
  readonly trainLoss: number;
  readonly trainCorrect: number;
  readonly alphaLoss: number;
  /** softmax(alpha) per role, padding dropped (fresh arrays, safe to transfer). */
  readonly snapshot: AlphaSnapshot;
  /** The same weights as `[edge][op]` rows for genotype derivation. */
  readonly rows: Partial<Record<CellRole, CellAlphas>>;
  /** PC-DARTS's edge weights per role, one per edge (empty without edge normalisation). */
  readonly edges: AlphaSnapshot;
}

const ROLES: readonly CellRole[] = ['normal', 'reduce'];

/** [stats..., softmax(alpha) of each role flattened, edge weights of each role (PC-DARTS)]: a new tensor the caller disposes. */
export function packStep(net: Supernet, stats: tf.Tensor1D): tf.Tensor1D {
  return tf.tidy(() => {
    const w = net.opWeights();
    const parts: tf.Tensor1D[] = [stats];
    for (const r of ROLES) {
      const t = w[r];
      if (t) parts.push(tf.reshape(t, [-1]));
    }
    const edges = net.edgeWeights();
    for (const r of ROLES) {
      const t = edges[r];
      if (t) parts.push(t);
    }
    return tf.concat(parts);
  });
}

/** A snapshot as `[edge][op]` rows per role, for genotype derivation. */
export function rowsOf(
  net: Supernet,
  snapshot: AlphaSnapshot,
): Partial<Record<CellRole, CellAlphas>> {
  const rows: Partial<Record<CellRole, CellAlphas>> = {};
  for (const r of ROLES) {
    const a = net.alphas[r];
    const flat = snapshot[r];
    if (a && flat) rows[r] = toCellAlphas(flat, a.opsPerEdge);
  }
  return rows;
}

/** Splits the values of `packStep` (stats first: train loss, correct count, alpha loss). */
export function unpackStep(net: Supernet, values: Float32Array): StepReadout {
  const snapshot: AlphaSnapshot = {};
  const rows: Partial<Record<CellRole, CellAlphas>> = {};
  let offset = 3;
  for (const r of ROLES) {
    const a: RoleAlphas | undefined = net.alphas[r];
    if (!a) continue;
    const size = a.opsPerEdge.length * a.maxOps;
    const flat = compactRows(values.subarray(offset, offset + size), a.opsPerEdge, a.maxOps);
    snapshot[r] = flat;
    rows[r] = toCellAlphas(flat, a.opsPerEdge);
    offset += size;
  }
  const edges: AlphaSnapshot = {};
  if (net.betaVariables.length > 0)
    for (const r of ROLES) {
      const a = net.alphas[r];
      if (!a) continue;
      const n = a.opsPerEdge.length;
      edges[r] = values.slice(offset, offset + n);
      offset += n;
    }
  return {
    trainLoss: values[0] ?? Number.NaN,
    trainCorrect: values[1] ?? Number.NaN,
    alphaLoss: values[2] ?? Number.NaN,
    snapshot,
    rows,
    edges,
  };
}
