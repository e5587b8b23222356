/** One decision of a perturbation-based selection: measure every mask, keep what hurt most, record it. */
import type { LoadedDataset } from '../../core/experiment/spec';
import type {
  MaskedScore,
  NodeDecision,
  OpDecision,
  SelectionDecision,
} from '../../core/search-space/selection';
import type { CellRole, CellSpec, SearchSpaceSpec } from '../../core/search-space/types';
import { cellOf } from '../../core/strategies/cell-choices';
import type { Supernet } from '../supernet';
import { maskedScore } from './masked-score';
import {
  rankByHarm,
  type NodeStep,
  type OpStep,
  type SelectionState,
  type SelectionStep,
} from './plan';
import type { Mask } from './projection';

/** What every decision works with; `state` is updated in place as decisions are taken. */
export interface DecisionContext {
  readonly net: Supernet;
  readonly space: SearchSpaceSpec;
  readonly data: LoadedDataset;
  readonly batchSize: number;
  readonly state: SelectionState;
  readonly gate: () => Promise<boolean>;
  readonly report: (message: string) => void;
}

/** A decision taken: its record, and a sentence saying what it chose. */
export interface TakenDecision {
  readonly record: SelectionDecision;
  readonly summary: string;
}

/** The cell of `role`; throws when the space does not search one. */
function cellFor(space: SearchSpaceSpec, role: CellRole): CellSpec {
  const cell = cellOf(space, role);
  if (!cell) throw new Error(`The space has no ${role} cell.`);
  return cell;
}

/** An accuracy as a percentage with one decimal. */
const pct = (acc: number): string => `${(100 * acc).toFixed(1)}%`;

/**
 * Scores with nothing masked, then with each mask in turn, reporting each as it comes (`where`
 * names the edge or node, `labels` what each mask removes); null when the gate stopped it.
 */
async function measure(
  ctx: DecisionContext,
  where: string,
  masks: readonly Mask[],
  labels: readonly string[],
): Promise<{ unmasked: MaskedScore; masked: MaskedScore[] } | null> {
  const scores: MaskedScore[] = [];
  for (const [i, mask] of [null, ...masks].entries()) {
    if (!(await ctx.gate())) return null;
    const { valid, input } = ctx.data;
    const score = await maskedScore(ctx.net, ctx.state, mask, valid, input, ctx.batchSize);
    scores.push(score);
    ctx.report(
      i === 0
        ? `${where}: validation accuracy ${pct(score.acc)} with nothing masked.`
        : `${where} without ${labels[i - 1] ?? '?'}: validation accuracy ${pct(score.acc)} (${i} of ${masks.length}).`,
    );
  }
  const [unmasked, ...masked] = scores;
  if (!unmasked) throw new Error('No unmasked score was measured.');
  return { unmasked, masked };
}

/** Fixes one edge to the candidate op whose removal hurts most. */
async function decideOp(ctx: DecisionContext, step: OpStep): Promise<TakenDecision | null> {
  const cell = cellFor(ctx.space, step.role);
  const edge = cell.edges[step.edge];
  const s = ctx.state[step.role];
  if (!edge || !s) throw new Error(`The ${step.role} cell has no edge ${step.edge}.`);
  const where = `Edge ${edge.id} of the ${step.role} cell`;
  ctx.report(`${where}: masking each of its ${step.candidates.length} candidate op(s) in turn.`);
  const scores = await measure(
    ctx,
    where,
    step.candidates.map((op) => ({ role: step.role, edge: step.edge, op })),
    step.candidates.map((o) => edge.ops[o] ?? '?'),
  );
  if (!scores) return null;
  const best = rankByHarm(scores.masked)[0] ?? 0;
  const op = step.candidates[best] ?? 0;
  s.ops[step.edge] = op;
  const name = edge.ops[op] ?? 'none';
  const record: OpDecision = {
    kind: 'op',
    role: step.role,
    edge: edge.id,
    unmasked: scores.unmasked,
    candidates: step.candidates.map((o) => edge.ops[o] ?? 'none'),
    masked: scores.masked,
    op: name,
  };
  const without = scores.masked[best]?.acc ?? Number.NaN;
  return {
    record,
    summary: `Edge ${edge.id} of the ${step.role} cell keeps ${name}: without it validation accuracy falls from ${pct(scores.unmasked.acc)} to ${pct(without)}.`,
  };
}

/** Keeps the k incoming edges of a node whose removal hurts most and drops the others. */
async function decideNode(ctx: DecisionContext, step: NodeStep): Promise<TakenDecision | null> {
  const cell = cellFor(ctx.space, step.role);
  const s = ctx.state[step.role];
  if (!s) throw new Error(`No decisions for the ${step.role} cell.`);
  const where = `Node ${step.node} of the ${step.role} cell`;
  ctx.report(
    `${where}: masking each of its ${step.edges.length} incoming edges in turn to keep ${step.k}.`,
  );
  const id = (i: number): string => cell.edges[i]?.id ?? String(i);
  const scores = await measure(
    ctx,
    where,
    step.edges.map((edge) => ({ role: step.role, edge, op: null })),
    step.edges.map((i) => `edge ${id(i)}`),
  );
  if (!scores) return null;
  const kept = rankByHarm(scores.masked)
    .slice(0, step.k)
    .map((i) => step.edges[i] ?? -1);
  cell.edges.forEach((e, i) => {
    if (e.to === step.node && !kept.includes(i)) s.dropped[i] = true;
  });
  const record: NodeDecision = {
    kind: 'node',
    role: step.role,
    node: step.node,
    unmasked: scores.unmasked,
    edges: step.edges.map(id),
    masked: scores.masked,
    kept: kept.map(id),
  };
  const from = kept.map((i) => `${id(i)} from ${cell.edges[i]?.from ?? '?'}`).join(', ');
  return { record, summary: `Node ${step.node} of the ${step.role} cell keeps ${from}.` };
}

/** Takes one decision, updating `ctx.state`; null (and no change) when the gate stopped it. */
export function decideStep(
  ctx: DecisionContext,
  step: SelectionStep,
): Promise<TakenDecision | null> {
  return step.kind === 'op' ? decideOp(ctx, step) : decideNode(ctx, step);
}
