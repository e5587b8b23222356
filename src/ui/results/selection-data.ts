/** Pure read-outs for comparing a DARTS run's two selections: the cells, their scores, which served better, and the decisions in words. */
import { formatPercent } from '../../charts/pareto-format';
import type { SubnetRecord } from '../../core/run/protocol';
import type { SelectionDecision } from '../../core/search-space/selection';
import type { CellSpec } from '../../core/search-space/types';

/** The magnitude cell and the perturbation cell of a run (null when that selection listed none). */
export interface SelectedCells {
  readonly magnitude: SubnetRecord | null;
  readonly perturbation: SubnetRecord | null;
}

/** The records of the two selections among a run's subnets. */
export function selectedCells(subnets: readonly SubnetRecord[]): SelectedCells {
  return {
    magnitude: subnets.find((r) => r.origin === 'derived') ?? null,
    perturbation: subnets.find((r) => r.origin === 'perturbation') ?? null,
  };
}

/**
 * Which selection served the run better, from the two cells' stand-alone validation accuracies on
 * `validCount` examples: a difference within two standard errors of a difference of two
 * accuracies (√(2p(1−p)/n)) is called a tie, since the validation split cannot tell them apart.
 */
export function selectionVerdict(
  magnitudeAcc: number,
  perturbationAcc: number,
  validCount: number,
): string {
  const p = (magnitudeAcc + perturbationAcc) / 2;
  const se = Math.sqrt((2 * p * (1 - p)) / Math.max(1, validCount));
  const both = `stand-alone, the perturbation cell reaches ${formatPercent(perturbationAcc)} and the magnitude cell ${formatPercent(magnitudeAcc)}`;
  const diff = perturbationAcc - magnitudeAcc;
  if (Math.abs(diff) <= 2 * se)
    return `Too close to call: ${both}, within two standard errors (${formatPercent(2 * se)}) on ${validCount} validation examples.`;
  return `${diff > 0 ? 'Perturbation' : 'Magnitude'} selection served this run better: ${both}.`;
}

/** An edge of `cell` as "from → to", or its id when the cell has no such edge. */
function edgeName(cell: CellSpec | null, id: string): string {
  const e = cell?.edges.find((x) => x.id === id);
  return e ? `${e.from} → ${e.to}` : id;
}

/** One decision as a row of text: where, what each removal did, what was kept. */
export interface DecisionRow {
  readonly key: string;
  readonly where: string;
  readonly removals: string;
  readonly kept: string;
}

/** The decisions of a perturbation-based selection as rows, in the order they were taken. */
export function decisionRows(
  decisions: readonly SelectionDecision[],
  cells: { readonly normal: CellSpec; readonly reduce: CellSpec | null },
): DecisionRow[] {
  return decisions.map((d, i) => {
    const cell = d.role === 'normal' ? cells.normal : cells.reduce;
    const cellName = cells.reduce ? `${d.role} cell` : 'cell';
    if (d.kind === 'op') {
      return {
        key: `${i}`,
        where: `${cellName}, edge ${edgeName(cell, d.edge)}`,
        removals: d.candidates
          .map((op, j) => `${op} ${formatPercent(d.masked[j]?.acc ?? Number.NaN)}`)
          .join(' · '),
        kept: d.op,
      };
    }
    return {
      key: `${i}`,
      where: `${cellName}, inputs of node ${d.node}`,
      removals: d.edges
        .map((e, j) => `${edgeName(cell, e)} ${formatPercent(d.masked[j]?.acc ?? Number.NaN)}`)
        .join(' · '),
      kept: d.kept.map((e) => edgeName(cell, e)).join(', '),
    };
  });
}
