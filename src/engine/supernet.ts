/** The DARTS supernet: the network of mixed ops plus its architecture weights (alphas). */
import * as tf from '@tensorflow/tfjs';
import type { InputShape } from '../core/experiment/spec';
import type { Rng } from '../core/random';
import type { AlphaSnapshot, EdgeLabel } from '../core/run/protocol';
import type { CellRole, CellSpec, SearchSpaceSpec } from '../core/search-space/types';
import type { SubnetPath } from '../core/strategies/path';
import { compactRows, createRoleAlphas, type RoleAlphas } from './alphas';
import type { EdgeWeights } from './cell-module';
import { createRoleBetas, type RoleBetas } from './edge-betas';
import { buildNetwork, type RoleChoices, type RoleEdgeScales, type RoleWeights } from './network';
import { createParamStore } from './params';

/** Op weights per searched role, [edges, maxOps] (softmax(alpha) in a DARTS search). */
export type OpWeights = Partial<Record<CellRole, tf.Tensor2D>>;

/** PC-DARTS's normalised edge weights per searched role, [edges]; empty without edge normalisation. */
export type EdgeScales = Partial<Record<CellRole, tf.Tensor1D>>;

/** Per searched role, `[edge][op]` true where the op weight is known to be zero, so the op need not run. */
export type KnownZeros = Partial<Record<CellRole, readonly (readonly boolean[])[]>>;

/** A built supernet. Call tensor-returning methods inside tf.tidy. */
export interface Supernet {
  /** Network weights (everything but alphas). */
  readonly weights: tf.Variable[];
  /** Alphas of each searched cell role. */
  readonly alphas: Partial<Record<CellRole, RoleAlphas>>;
  /** The alpha variables, in role order (normal, reduce). */
  readonly alphaVariables: tf.Variable[];
  /** PC-DARTS's edge betas, in role order (normal, reduce); empty without edge normalisation. */
  readonly betaVariables: tf.Variable[];
  /** Searched cell roles with their edges, as charts label them. */
  readonly edgeLabels: Partial<Record<CellRole, EdgeLabel[]>>;
  /** Number of scalar network weights (alphas excluded). */
  readonly paramCount: number;
  /** softmax(alpha) per role. */
  opWeights(): OpWeights;
  /** Per role, each edge's softmax of its beta over the edges into its node (empty without edge normalisation). */
  edgeWeights(): EdgeScales;
  /** Logits with softmax(alpha) op weights (and, with edge normalisation, the edge weights). */
  forward(x: tf.Tensor): tf.Tensor;
  /**
   * Logits with the given op weights (one-hot rows select a subnet); ops marked in `zeros` (whose
   * weight the caller knows to be exactly 0) are not computed, which gives the same logits faster.
   * With edge normalisation every edge's output is also weighed by its current edge weight.
   */
  forwardWith(x: tf.Tensor, weights: OpWeights, zeros?: KnownZeros): tf.Tensor;
  /**
   * Logits of one subnet with the supernet's weights: on each edge only the op the path names runs
   * (a null edge contributes nothing). A SposPath is a SubnetPath without nulls.
   */
  forwardPath(x: tf.Tensor, path: SubnetPath): tf.Tensor;
  /** The weights of op `op` on edge `edge` of every `role` cell (empty for a weightless op). */
  opVariables(role: CellRole, edge: number, op: number): tf.Variable[];
  /** softmax(alpha) per role, read with `await data()`, padding dropped. */
  softmaxAlphas(): Promise<AlphaSnapshot>;
  /** The edge weights per role, read with `await data()` (empty without edge normalisation). */
  edgeWeightSnapshot(): Promise<AlphaSnapshot>;
  dispose(): void;
}

function labels(cell: CellSpec): EdgeLabel[] {
  return cell.edges.map((e) => ({ id: e.id, from: e.from, to: e.to, ops: [...e.ops] }));
}

/** Splits [edges, maxOps] weights into one scalar per real op of each edge. */
function toScalars(w: tf.Tensor2D, opsPerEdge: readonly number[]): EdgeWeights {
  return tf.unstack(w).map((row, e) => tf.unstack(row).slice(0, opsPerEdge[e] ?? 0) as tf.Scalar[]);
}

/**
 * How a supernet is built beyond its space: `affine` builds the derived (stand-alone) network's
 * layers, BatchNorm of ops and preprocessing with scale and shift and pools without BatchNorm.
 */
export interface SupernetOptions {
  readonly affine?: boolean;
  /** PC-DARTS: 1/partialK of each edge's channels go through its mixed op. */
  readonly partialK?: number;
  /** PC-DARTS: a beta per edge, softmaxed over each node's incoming edges, weighs each edge's output. */
  readonly edgeNormalisation?: boolean;
}

/**
 * Builds the supernet for `space` on `input` with `classes` outputs. Network weights are drawn
 * first, then the alphas (normal, then reduce), all from `rng`. The reduce alphas exist whenever
 * the space has a reduction cell, so a genotype can always be derived. BatchNorm inside ops and
 * preprocessing is without affine and pools are followed by one (DARTS search) unless
 * `options.affine` (stand-alone subnets: affine BatchNorm, bare pools, as the evaluation networks).
 * `options.partialK` and `options.edgeNormalisation` build PC-DARTS's supernet; the betas are
 * drawn after the alphas (normal, then reduce).
 */
export function buildSupernet(
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
  rng: Rng,
  options: SupernetOptions = {},
): Supernet {
  const params = createParamStore(rng);
  const net = ((): ReturnType<typeof buildNetwork> => {
    try {
      return buildNetwork(params, space, input, classes, options.affine ?? false, options.partialK);
    } catch (err) {
      params.dispose();
      throw err;
    }
  })();
  const alphas: Partial<Record<CellRole, RoleAlphas>> = {
    normal: createRoleAlphas(space.normal, 'normal', rng),
  };
  const edgeLabels: Partial<Record<CellRole, EdgeLabel[]>> = { normal: labels(space.normal) };
  if (space.reduce) {
    alphas.reduce = createRoleAlphas(space.reduce, 'reduce', rng);
    edgeLabels.reduce = labels(space.reduce);
  }
  const roles = (['normal', 'reduce'] as const).filter((r) => alphas[r] !== undefined);
  const betas: Partial<Record<CellRole, RoleBetas>> = {};
  if (options.edgeNormalisation === true)
    for (const r of roles) {
      const cell = r === 'normal' ? space.normal : space.reduce;
      if (cell) betas[r] = createRoleBetas(cell, r, rng);
    }
  const betaRoles = roles.filter((r) => betas[r] !== undefined);
  const edgeWeights = (): EdgeScales => {
    const out: EdgeScales = {};
    for (const r of betaRoles) out[r] = (betas[r] as RoleBetas).weights();
    return out;
  };
  const opWeights = (): OpWeights => {
    const out: OpWeights = {};
    for (const r of roles) out[r] = (alphas[r] as RoleAlphas).probs();
    return out;
  };
  const forwardWith = (x: tf.Tensor, weights: OpWeights, zeros?: KnownZeros): tf.Tensor => {
    const scalars: RoleWeights = {};
    for (const r of net.roles) {
      const w = weights[r];
      const a = alphas[r];
      if (!w || !a) throw new Error(`No op weights for the ${r} cell.`);
      const known = zeros?.[r];
      const rows = toScalars(w, a.opsPerEdge);
      scalars[r] = known
        ? rows.map((row, e) => row.map((v, o) => (known[e]?.[o] === true ? null : v)))
        : rows;
    }
    if (betaRoles.length === 0) return net.forward(x, scalars);
    const scales: RoleEdgeScales = {};
    const w = edgeWeights();
    for (const r of betaRoles) scales[r] = tf.unstack(w[r] as tf.Tensor1D) as tf.Scalar[];
    return net.forward(x, scalars, scales);
  };
  const forwardPath = (x: tf.Tensor, path: SubnetPath): tf.Tensor => {
    const choices: RoleChoices = {};
    for (const r of net.roles) {
      const c = r === 'normal' ? path.normal : path.reduce;
      const a = alphas[r];
      if (!c || !a) throw new Error(`The path has no choices for the ${r} cell.`);
      c.forEach((op, e) => {
        if (op !== null && !(Number.isInteger(op) && op >= 0 && op < (a.opsPerEdge[e] ?? 0)))
          throw new Error(`Edge ${e} of the ${r} cell has no op ${op}.`);
      });
      choices[r] = c;
    }
    return net.forwardPath(x, choices);
  };
  return {
    weights: params.weights,
    alphas,
    alphaVariables: roles.map((r) => (alphas[r] as RoleAlphas).variable),
    betaVariables: betaRoles.map((r) => (betas[r] as RoleBetas).variable),
    edgeWeights,
    edgeLabels,
    paramCount: params.count(),
    opWeights,
    forward: (x) => forwardWith(x, opWeights()),
    forwardWith,
    forwardPath,
    opVariables: (role, edge, op) => net.opVariables(role, edge, op),
    async softmaxAlphas() {
      const snapshot: AlphaSnapshot = {};
      for (const r of roles) {
        const a = alphas[r] as RoleAlphas;
        const p = tf.tidy(() => a.probs());
        const values = await p.data();
        p.dispose();
        snapshot[r] = compactRows(values, a.opsPerEdge, a.maxOps);
      }
      return snapshot;
    },
    async edgeWeightSnapshot() {
      const snapshot: AlphaSnapshot = {};
      for (const r of betaRoles) {
        const w = tf.tidy(() => (betas[r] as RoleBetas).weights());
        snapshot[r] = await w.data<'float32'>();
        w.dispose();
      }
      return snapshot;
    },
    dispose() {
      params.dispose();
      for (const r of roles) alphas[r]?.dispose();
      for (const r of betaRoles) betas[r]?.dispose();
    },
  };
}
