/** One searched cell of the supernet: a mixed op per edge, nodes summing their incoming edges. */
import * as tf from '@tensorflow/tfjs';
import { outputNodes, reachable, topoOrder } from '../core/search-space/cell';
import type { CellSpec } from '../core/search-space/types';
import { fusedPathOn } from './fusion';
import { buildMixedOp, type MixedOp } from './mixed-op';
import { buildPartialMixedOp } from './pc-darts/partial-op';
import type { ParamStore } from './params';
import { sharedSource, type SharedSource } from './shared-source';
import { concatTensors, sumTensors } from './sum';

/** Per edge (in `CellSpec.edges` order), one weight per op; null for a weight known to be zero, whose op is then not computed. */
export type EdgeWeights = readonly (readonly (tf.Scalar | null)[])[];

/** Per edge (in `CellSpec.edges` order), the index of the one op that runs, or null for a dropped edge. */
export type EdgeChoices = readonly (number | null)[];

/** A built cell. Inputs must already have `channels` channels at the cell's input resolution. */
export interface CellModule {
  /** Channels of the output: channels x output nodes (concat) or channels (last). */
  readonly outChannels: number;
  /** With `edgeScales` (PC-DARTS's normalised betas, one per edge), each edge's output is multiplied by its scale. */
  forward(
    inputs: readonly tf.Tensor[],
    weights: EdgeWeights,
    edgeScales?: readonly tf.Scalar[],
  ): tf.Tensor;
  /**
   * A single path: on each edge only the chosen op runs; a dropped edge or a `none` op contributes
   * nothing, and a node left without any term is zeros.
   */
  forwardPath(inputs: readonly tf.Tensor[], path: EdgeChoices): tf.Tensor;
  /** The weights op `op` of edge `edge` owns in this cell (empty for an edge into a dead node). */
  opVariables(edge: number, op: number): readonly tf.Variable[];
}

/** How a cell is built: its domain, width, and whether edges leaving its inputs halve resolution. */
export interface CellContext {
  readonly domain: 'image' | 'vector';
  readonly channels: number;
  readonly reduction: boolean;
  /** Derived-network ops (affine BatchNorm, bare pools: stand-alone subnets); absent or false in the supernet. */
  readonly affine?: boolean;
  /** PC-DARTS: 1/partialK of each edge's channels go through its mixed op (pc-darts/partial-op.ts); absent: all of them. */
  readonly partialK?: number;
}

/**
 * Builds a cell. Only edges into nodes that reach the cell output are built and run (an edge into a
 * dead node cannot change the output; its alphas then get no gradient).
 */
export function buildCellModule(p: ParamStore, cell: CellSpec, ctx: CellContext): CellModule {
  const outputs = outputNodes(cell);
  const live = reachable(cell, outputs, true);
  const order = topoOrder(cell).filter((n) => live.has(n));
  const mixed = new Map<number, MixedOp>();
  cell.edges.forEach((e, i) => {
    if (!live.has(e.to)) return;
    const stride = ctx.reduction && cell.inputs.includes(e.from) ? 2 : 1;
    const opCtx = {
      domain: ctx.domain,
      channels: ctx.channels,
      stride,
      affine: ctx.affine ?? false,
    } as const;
    mixed.set(
      i,
      ctx.partialK === undefined
        ? buildMixedOp(p, e.ops, opCtx)
        : buildPartialMixedOp(p, e.ops, opCtx, ctx.partialK),
    );
  });
  for (const node of order) {
    if (!cell.edges.some((e) => e.to === node))
      throw new Error(`Node ${node} has no incoming edge.`);
  }
  /**
   * Runs the cell: `term` gives an edge's contribution from its source, or null for none. On the
   * fused path each node's work shared by its outgoing edges (ReLU, pool + BatchNorm) runs once.
   */
  const run = (
    inputs: readonly tf.Tensor[],
    term: (edge: number, op: MixedOp, from: tf.Tensor, shared?: SharedSource) => tf.Tensor | null,
  ): tf.Tensor => {
    if (inputs.length !== cell.inputs.length) {
      throw new Error(`The cell takes ${cell.inputs.length} inputs, got ${inputs.length}.`);
    }
    const states = new Map<string, tf.Tensor>();
    cell.inputs.forEach((id, i) => states.set(id, inputs[i] as tf.Tensor));
    const sharing = fusedPathOn();
    const sources = new Map<string, SharedSource>();
    const sourceOf = (id: string, x: tf.Tensor): SharedSource | undefined => {
      if (!sharing) return undefined;
      const known = sources.get(id);
      if (known !== undefined) return known;
      const made = sharedSource(x);
      sources.set(id, made);
      return made;
    };
    for (const node of order) {
      const incoming: { i: number; op: MixedOp; from: tf.Tensor; shared?: SharedSource }[] = [];
      cell.edges.forEach((e, i) => {
        const op = mixed.get(i);
        if (e.to !== node || op === undefined) return;
        const from = states.get(e.from);
        if (from === undefined)
          throw new Error(`Edge ${e.id} leaves ${e.from}, which has no value yet.`);
        const shared = sourceOf(e.from, from);
        incoming.push(shared === undefined ? { i, op, from } : { i, op, from, shared });
      });
      const first = incoming[0];
      if (first === undefined) throw new Error(`Node ${node} has no incoming edge.`);
      const terms = incoming
        .map(({ i, op, from, shared }) => term(i, op, from, shared))
        .filter((t): t is tf.Tensor => t !== null);
      states.set(node, terms.length > 0 ? sumTensors(terms) : first.op.zeros(first.from));
    }
    const outs = outputs.map((n) => states.get(n) as tf.Tensor);
    return outs.length === 1 ? (outs[0] as tf.Tensor) : concatTensors(outs, -1);
  };
  return {
    outChannels: ctx.channels * outputs.length,
    forward(inputs, weights, edgeScales) {
      return run(inputs, (i, op, from, shared) => {
        const w = weights[i];
        if (w === undefined) throw new Error(`No op weights for edge ${cell.edges[i]?.id ?? i}.`);
        const out = op.forward(from, w, shared);
        if (edgeScales === undefined) return out;
        const scale = edgeScales[i];
        if (scale === undefined)
          throw new Error(`No edge weight for edge ${cell.edges[i]?.id ?? i}.`);
        return tf.mul(out, scale);
      });
    },
    forwardPath(inputs, path) {
      if (path.length !== cell.edges.length) {
        throw new Error(`The cell has ${cell.edges.length} edges; the path gives ${path.length}.`);
      }
      return run(inputs, (i, op, from, shared) => {
        const choice = path[i] ?? null;
        return choice === null ? null : op.forwardOne(from, choice, shared);
      });
    },
    opVariables(edge, op) {
      return mixed.get(edge)?.opVariables[op] ?? [];
    },
  };
}
