/**
 * Params and FLOPs of whole networks, analytic, from the spec: the search supernet (every op of
 * every mixed op), a stand-alone subnet (one genotype's ops), and the exact range over all subnets.
 * FLOPs are multiply-accumulates of convolutions and linear layers per example (see op-cost.ts).
 */
import type { InputShape } from '../experiment/spec';
import { incomingEdges } from '../search-space/cell';
import type { OpName } from '../search-space/ops';
import type {
  CellGenotype,
  CellRole,
  CellSpec,
  Genotype,
  SearchSpaceSpec,
} from '../search-space/types';
import { edgeOpCost, liveNodes } from './cell-cost';
import type { OpCost } from './op-cost';
import { addCost, genotypePorts, spacePorts, walkSkeleton, type CellPlacement } from './skeleton';

/** Trainable parameters and multiply-accumulates per example of a network. */
export interface NetworkCost {
  readonly params: number;
  readonly flops: number;
}

/** Smallest and largest value of one measure over every subnet. */
export interface CostBounds {
  readonly min: number;
  readonly max: number;
}

/** Extremes of params and of FLOPs over all genotypes (each measure on its own: the two extremes may be different subnets). */
export interface CostRange {
  readonly params: CostBounds;
  readonly flops: CostBounds;
}

const ROLES: readonly CellRole[] = ['normal', 'reduce'];

function cellOf(space: SearchSpaceSpec, role: CellRole): CellSpec | null {
  return role === 'normal' ? space.normal : space.reduce;
}

function placesOf(cells: readonly CellPlacement[], role: CellRole): CellPlacement[] {
  return cells.filter((c) => c.role === role);
}

/**
 * The DARTS search supernet as the engine builds it: the skeleton (stem, preprocessing, residual
 * blocks, head) plus every candidate op of every edge into a live node, in every cell. BatchNorm in
 * cells and preprocessing has no affine parameters (the stem, residual blocks and head keep theirs).
 * Equals the engine's `buildSupernet(...).paramCount`. Throws when the skeleton cannot be built.
 */
export function supernetCost(
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
): NetworkCost {
  const skeleton = walkSkeleton(space.macro, input, classes, spacePorts(space), false);
  let total: OpCost = skeleton.fixed;
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    const places = placesOf(skeleton.cells, role);
    if (!cell || places.length === 0) continue;
    const live = liveNodes(cell);
    for (const e of cell.edges) {
      if (!live.has(e.to)) continue;
      for (const op of e.ops) total = addCost(total, edgeOpCost(cell, e.from, op, places, false));
    }
  }
  return total;
}

/**
 * The stand-alone network of one genotype: the same skeleton, each cell holding only its kept ops,
 * and every BatchNorm affine (scale and shift counted), as a derived architecture is retrained.
 * Kept edges into nodes that never reach the cell output are not built, as in the supernet. Throws
 * when the network needs a reduction cell the space or the genotype lacks.
 */
export function subnetCost(
  space: SearchSpaceSpec,
  genotype: Genotype,
  input: InputShape,
  classes: number,
): NetworkCost {
  const genes: Record<CellRole, CellGenotype | null> = {
    normal: genotype.normal,
    reduce: genotype.reduce,
  };
  const ports = genotypePorts(space, genotype);
  const skeleton = walkSkeleton(space.macro, input, classes, ports, true);
  let total: OpCost = skeleton.fixed;
  for (const role of ROLES) {
    const cell = cellOf(space, role);
    const gene = genes[role];
    const places = placesOf(skeleton.cells, role);
    if (!cell || !gene || places.length === 0) continue;
    const live = liveNodes(cell);
    for (const e of gene.edges) {
      if (live.has(e.to)) total = addCost(total, edgeOpCost(cell, e.from, e.op, places, true));
    }
  }
  return total;
}

/** The cheapest and dearest choice among ops, by one measure. */
function extremes(costs: readonly OpCost[], measure: keyof OpCost): CostBounds {
  const values = costs.map((c) => c[measure]);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Sum of the `k` smallest (and of the `k` largest) values; all of them when there are `k` or fewer. */
function bestK(bounds: readonly CostBounds[], k: number): CostBounds {
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const mins = bounds.map((b) => b.min).sort((a, b) => a - b);
  const maxs = bounds.map((b) => b.max).sort((a, b) => b - a);
  return { min: sum(mins.slice(0, k)), max: sum(maxs.slice(0, k)) };
}

/**
 * Range of one cell type's op cost by one measure, over every genotype its derive rule allows.
 * Per-edge: each live edge independently takes its cheapest / dearest op (zero included). Top-k:
 * each live node keeps its k cheapest / dearest edges that offer a non-zero op, each at its
 * cheapest / dearest non-zero op. Exact, because the cost is a sum over kept (edge, op) pairs.
 */
function cellRange(
  cell: CellSpec,
  places: readonly CellPlacement[],
  measure: keyof OpCost,
): CostBounds {
  const live = liveNodes(cell);
  const edgeBounds = (from: string, ops: readonly OpName[]): CostBounds =>
    extremes(
      ops.map((op) => edgeOpCost(cell, from, op, places, true)),
      measure,
    );
  const derive = cell.derive;
  if (derive.rule === 'per-edge') {
    const bounds = cell.edges
      .filter((e) => live.has(e.to) && e.ops.length > 0)
      .map((e) => edgeBounds(e.from, e.ops));
    return bestK(bounds, bounds.length);
  }
  let min = 0;
  let max = 0;
  for (const node of new Set(cell.nodes)) {
    if (!live.has(node)) continue;
    const bounds = incomingEdges(cell, node).flatMap((e) => {
      const ops = e.ops.filter((op) => op !== 'none');
      return ops.length === 0 ? [] : [edgeBounds(e.from, ops)];
    });
    const b = bestK(bounds, derive.k);
    min += b.min;
    max += b.max;
  }
  return { min, max };
}

/**
 * The exact smallest and largest params and FLOPs over every subnet the space can derive, each
 * priced as `subnetCost` prices it (stand-alone, affine BatchNorm). Throws when the skeleton
 * cannot be built.
 */
export function subnetRange(space: SearchSpaceSpec, input: InputShape, classes: number): CostRange {
  const skeleton = walkSkeleton(space.macro, input, classes, spacePorts(space), true);
  const bounds = (measure: keyof OpCost): CostBounds => {
    let min = skeleton.fixed[measure];
    let max = min;
    for (const role of ROLES) {
      const cell = cellOf(space, role);
      const places = placesOf(skeleton.cells, role);
      if (!cell || places.length === 0) continue;
      const b = cellRange(cell, places, measure);
      min += b.min;
      max += b.max;
    }
    return { min, max };
  };
  return { params: bounds('params'), flops: bounds('flops') };
}
