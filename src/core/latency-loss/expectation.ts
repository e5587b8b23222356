/**
 * The expected latency of a supernet (ProxylessNAS, FBNet): E[LAT] = constant + Σ_roles Σ_edges
 * Σ_ops p(op) · cost(edge, op), read off the device's latency lookup table. The plan holds the
 * numbers; the engine multiplies them with softmax(α) as tensors, and `expectedLatencyMs` here
 * does it in plain numbers.
 *
 * So that E[LAT] predicts the derived cell, it follows the space's derivation rule (departures from
 * the papers, whose blocks keep one op each):
 * - `top-k` cells (DARTS): the derived cell never takes `none`, so an edge's op probabilities are
 *   renormalised over its other ops; a node keeps k of its n eligible edges, so each edge's cost is
 *   weighted by min(k, n) / n; the node sums of min(k, n) tensors are part of the constant.
 * - `per-edge` cells (NAS-Bench-201): probabilities as they are (`none` costs nothing); each node's
 *   sum is priced at every incoming edge that offers a non-`none` op (an upper bound).
 * The constant holds the fixed layers, the node sums and each cell's output concatenation.
 */
import type { InputShape } from '../experiment/spec';
import { incomingEdges, outputNodes } from '../search-space/cell';
import type { CellAlphas, CellRole, CellSpec, SearchSpaceSpec } from '../search-space/types';
import { liveNodes } from '../cost/cell-cost';
import { spacePorts } from '../cost/skeleton';
import {
  combineKey,
  edgeKey,
  latencyKeyString,
  walk,
  type LatencyKey,
  type LatencyTable,
} from '../cost/latency';

/** One searched cell role's share of E[LAT]. */
export interface RoleLatencyPlan {
  /** ms an op adds per unit of probability, `[edge][op]`, summed over every instance of the cell (0 for free ops). */
  readonly costs: readonly (readonly number[])[];
  /** True on the ops that take part in the probabilities, `[edge][op]`: every op but `none` in a top-k cell, every op in a per-edge cell. */
  readonly counted: readonly (readonly boolean[])[];
}

/** Everything E[LAT] needs from a space and a table. */
export interface LatencyPlan {
  /** ms of everything the alphas do not choose: fixed layers, node sums, output concatenations. */
  readonly constantMs: number;
  readonly roles: Partial<Record<CellRole, RoleLatencyPlan>>;
}

/** The table's entry for `key`; throws naming it when missing. */
function entryOf(table: LatencyTable, key: LatencyKey): number {
  const ms = table.entries[latencyKeyString(key)];
  if (ms === undefined)
    throw new Error(
      `The latency table (${table.backend}) has no entry for ${latencyKeyString(key)}; measure the space first.`,
    );
  return ms;
}

/** Incoming edges of `node` a derived cell can keep (some op other than `none`). */
function eligible(cell: CellSpec, node: string): number {
  return incomingEdges(cell, node).filter((e) => e.ops.some((op) => op !== 'none')).length;
}

/** Tensors node `node` sums in a derived cell (see the module comment). */
function keptInputs(cell: CellSpec, node: string): number {
  const n = eligible(cell, node);
  return cell.derive.rule === 'top-k' ? Math.min(cell.derive.k, n) : n;
}

/**
 * The plan of E[LAT] for `space` on `input` with `classes` classes priced by `table`. Throws when
 * the skeleton cannot be built or the table lacks an entry the space needs.
 */
export function latencyPlan(
  space: SearchSpaceSpec,
  input: InputShape,
  classes: number,
  table: LatencyTable,
): LatencyPlan {
  const { fixed, cells } = walk(space, input, classes, spacePorts(space));
  let constantMs = fixed.reduce((sum, k) => sum + entryOf(table, k), 0);
  const costs: Partial<Record<CellRole, number[][]>> = {};
  for (const p of cells) {
    const cell = p.role === 'normal' ? space.normal : space.reduce;
    if (!cell) continue;
    const live = liveNodes(cell);
    const topK = cell.derive.rule === 'top-k';
    const rows = (costs[p.role] ??= cell.edges.map((e) => e.ops.map(() => 0)));
    cell.edges.forEach((e, i) => {
      const n = eligible(cell, e.to);
      if (!live.has(e.to) || n === 0) return;
      const share = topK ? keptInputs(cell, e.to) / n : 1;
      const row = rows[i] as number[];
      e.ops.forEach((op, o) => {
        const key = edgeKey(cell, e.from, op, p, input.kind);
        if (key) row[o] = (row[o] ?? 0) + share * entryOf(table, key);
      });
    });
    for (const node of new Set(cell.nodes)) {
      const sum = live.has(node)
        ? combineKey('node_sum', keptInputs(cell, node), p, input.kind)
        : null;
      if (sum) constantMs += entryOf(table, sum);
    }
    const concat = combineKey('cell_concat', outputNodes(cell).length, p, input.kind);
    if (concat) constantMs += entryOf(table, concat);
  }
  const roles: Partial<Record<CellRole, RoleLatencyPlan>> = {};
  for (const role of ['normal', 'reduce'] as const) {
    const cell = role === 'normal' ? space.normal : space.reduce;
    const rows = costs[role];
    if (!cell || !rows) continue;
    const topK = cell.derive.rule === 'top-k';
    roles[role] = {
      costs: rows,
      counted: cell.edges.map((e) => e.ops.map((op) => !topK || op !== 'none')),
    };
  }
  return { constantMs, roles };
}

/** E[LAT] in ms for op probabilities `probs` (softmax(α) rows per role, `[edge][op]`) under `plan`. */
export function expectedLatencyMs(
  plan: LatencyPlan,
  probs: Partial<Record<CellRole, CellAlphas>>,
): number {
  let total = plan.constantMs;
  for (const role of ['normal', 'reduce'] as const) {
    const r = plan.roles[role];
    const rows = probs[role];
    if (!r) continue;
    if (!rows) throw new Error(`No op probabilities were given for the ${role} cell.`);
    r.costs.forEach((costRow, e) => {
      const p = rows[e] ?? [];
      const counted = r.counted[e] ?? [];
      const mass = p.reduce((s, v, o) => s + (counted[o] ? v : 0), 0);
      if (mass <= 0) return;
      costRow.forEach((c, o) => {
        if (counted[o]) total += ((p[o] ?? 0) / mass) * c;
      });
    });
  }
  return total;
}
