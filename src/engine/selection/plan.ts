/**
 * The plan of a perturbation-based selection (pure, no tensors): which decisions there are and in
 * which order, the decisions taken so far, how masked scores rank, and the genotype they give.
 */
import type { Rng } from '../../core/random';
import { topoOrder } from '../../core/search-space/cell';
import type { OpName } from '../../core/search-space/ops';
import type { MaskedScore } from '../../core/search-space/selection';
import type {
  CellGenotype,
  CellRole,
  CellSpec,
  Genotype,
  SearchSpaceSpec,
} from '../../core/search-space/types';
import { cellOf, ROLES, toCellGenotype, usableIncoming } from '../../core/strategies/cell-choices';

/** Fix one edge to one op: `candidates` are the op indices masked in turn. */
export interface OpStep {
  readonly kind: 'op';
  readonly role: CellRole;
  readonly edge: number;
  readonly candidates: readonly number[];
}

/** Choose `k` of a node's usable incoming `edges` (edge indices, in cell order). */
export interface NodeStep {
  readonly kind: 'node';
  readonly role: CellRole;
  readonly node: string;
  readonly edges: readonly number[];
  readonly k: number;
}

/** One decision to take. */
export type SelectionStep = OpStep | NodeStep;

/** Decisions taken so far in one cell: the fixed op per edge (null: undecided) and the edges a node decision dropped. */
export interface RoleState {
  readonly ops: (number | null)[];
  readonly dropped: boolean[];
}

/** Decisions taken so far, per searched cell role. */
export type SelectionState = Partial<Record<CellRole, RoleState>>;

/** The searched cells of a space with their roles, normal first. */
export function searchedCells(space: SearchSpaceSpec): { role: CellRole; cell: CellSpec }[] {
  return ROLES.flatMap((role) => {
    const cell = cellOf(space, role);
    return cell ? [{ role, cell }] : [];
  });
}

/** Nothing decided yet. */
export function emptyState(space: SearchSpaceSpec): SelectionState {
  const state: SelectionState = {};
  for (const { role, cell } of searchedCells(space))
    state[role] = { ops: cell.edges.map(() => null), dropped: cell.edges.map(() => false) };
  return state;
}

/** Op indices an edge may keep: every op in a per-edge cell, every op but `none` in a top-k cell. */
export function opCandidates(cell: CellSpec, edge: number): number[] {
  const ops = cell.edges[edge]?.ops ?? [];
  return ops.flatMap((op, i) => (cell.derive.rule === 'per-edge' || op !== 'none' ? [i] : []));
}

/** The op steps (edges with a candidate) and node steps (top-k nodes with more than k usable inputs) of one cell, in cell order. */
function cellSteps(role: CellRole, cell: CellSpec): { ops: OpStep[]; nodes: NodeStep[] } {
  const ops = cell.edges.flatMap((_, edge): OpStep[] => {
    const candidates = opCandidates(cell, edge);
    return candidates.length > 0 ? [{ kind: 'op', role, edge, candidates }] : [];
  });
  const rule = cell.derive;
  const nodes =
    rule.rule === 'per-edge'
      ? []
      : topoOrder(cell).flatMap((node): NodeStep[] => {
          const edges = usableIncoming(cell, node);
          return edges.length > rule.k ? [{ kind: 'node', role, node, edges, k: rule.k }] : [];
        });
  return { ops, nodes };
}

/**
 * The decisions in rounds, as darts-pt takes them: first every edge's op, then every node's inputs;
 * each cell's edges (and then nodes) in an order shuffled with `rng` (normal ops, reduce ops,
 * normal nodes, reduce nodes); round i holds the i-th decision of each cell, normal first. The
 * supernet is tuned between rounds.
 */
export function selectionRounds(space: SearchSpaceSpec, rng: Rng): SelectionStep[][] {
  const cells = searchedCells(space).map(({ role, cell }) => cellSteps(role, cell));
  const ops = cells.map((c) => rng.shuffle(c.ops));
  const nodes = cells.map((c) => rng.shuffle(c.nodes));
  const rounds = (lists: SelectionStep[][]): SelectionStep[][] =>
    Array.from({ length: Math.max(0, ...lists.map((l) => l.length)) }, (_, i) =>
      lists.flatMap((l) => (l[i] ? [l[i]] : [])),
    );
  return [...rounds(ops), ...rounds(nodes)];
}

/**
 * Indices of `scores` from the mask that hurt most to the one that hurt least: lowest accuracy
 * first, then highest loss (small validation splits tie on accuracy often), then listed order.
 */
export function rankByHarm(scores: readonly MaskedScore[]): number[] {
  const key = (v: number, worst: number): number => (Number.isNaN(v) ? worst : v);
  return scores
    .map((s, i) => ({ acc: key(s.acc, -Infinity), loss: key(s.loss, Infinity), i }))
    .sort((a, b) => a.acc - b.acc || b.loss - a.loss || a.i - b.i)
    .map(({ i }) => i);
}

/** One cell's genotype from its decisions; throws while an edge it keeps is still undecided. */
function decidedCell(role: CellRole, cell: CellSpec, s: RoleState): CellGenotype {
  const kept = new Map<number, OpName>();
  cell.edges.forEach((e, i) => {
    if (s.dropped[i] || opCandidates(cell, i).length === 0) return;
    const op = s.ops[i];
    const name = op === null || op === undefined ? undefined : e.ops[op];
    if (name === undefined) throw new Error(`Edge ${e.id} of the ${role} cell has no op yet.`);
    kept.set(i, name);
  });
  return toCellGenotype(cell, kept);
}

/**
 * The genotype the decisions give, in the shape core's deriveGenotype returns: per node in
 * topological order, its kept edges in cell order, each with its fixed op; the cell's output nodes
 * as `concat`. Throws while a kept edge is undecided.
 */
export function selectedGenotype(space: SearchSpaceSpec, state: SelectionState): Genotype {
  const cell = (role: CellRole, c: CellSpec): CellGenotype => {
    const s = state[role];
    if (!s) throw new Error(`No decisions for the ${role} cell.`);
    return decidedCell(role, c, s);
  };
  return {
    normal: cell('normal', space.normal),
    reduce: space.reduce ? cell('reduce', space.reduce) : null,
  };
}
