/**
 * Pure read-outs of the search view: the plotted points and their Pareto front, the table order,
 * ranking fidelity and why stand-alone training cannot start. Call them inside useMemo over
 * `s.run` and `s.search`: they return fresh arrays.
 */
import type { StrategyKind } from '../core/experiment/spec';
import { paretoFront, type Objective } from '../core/pareto/dominance';
import type { SubnetRecord } from '../core/run/protocol';
import {
  fidelityReport,
  NO_FIDELITY_CONTEXT,
  type AccuracyPair,
  type FidelityContext,
  type FidelityReport,
} from '../core/trust/fidelity';
import { isActive } from '../core/run/fold';
import type { RunState } from '../core/run/state';
import { runContext, runLabel, standaloneKey } from './search-context';
import type {
  CostAxis,
  SearchPoint,
  SearchViewState,
  SubnetColumn,
  SubnetSort,
} from './search-state';
import type { StudioState } from './studio-state';

export { runContext, runLabel, standaloneKey } from './search-context';

/** The range of stand-alone training epochs the studio accepts. */
export const STANDALONE_EPOCH_LIMITS = { min: 1, max: 500 } as const;

/** Cost of a record on an axis (null: latency unknown). */
export function costOf(record: SubnetRecord, axis: CostAxis): number | null {
  if (axis === 'params') return record.params;
  if (axis === 'flops') return record.flops;
  return record.latencyMs;
}

/** The records of one run as the search view plots them. */
interface PointSource {
  readonly runId: number;
  readonly label: string;
  readonly strategy: StrategyKind;
  readonly context: string;
  readonly records: readonly SubnetRecord[];
}

/** The front objectives: accuracy up, cost down. */
const FRONT_OBJECTIVES: readonly Objective[] = [
  { key: 'accuracy', goal: 'max' },
  { key: 'cost', goal: 'min' },
];

/** Ids of the points on the Pareto front of accuracy against `axis`; points without a finite cost or accuracy are left out. */
function frontIds(points: readonly SearchPoint[], axis: CostAxis): Set<string> {
  const usable = points.flatMap((p) => {
    const cost = costOf(p.record, axis);
    return cost !== null && Number.isFinite(cost) && Number.isFinite(p.record.accuracy)
      ? [{ id: p.id, accuracy: p.record.accuracy, cost }]
      : [];
  });
  return new Set(paretoFront(usable, FRONT_OBJECTIVES).map((p) => p.id));
}

/**
 * Every plotted point: the current run's subnets plus, when search.compareRuns, archived runs with
 * the current run's context (archived copies of the current run excluded), archived runs first
 * (oldest first); onFront computed for search.costAxis (maximise accuracy, minimise cost; points
 * whose cost on the axis is null are never on the front).
 */
export function searchPoints(
  run: Pick<RunState, 'runId' | 'spec' | 'subnets'>,
  search: SearchViewState,
): readonly SearchPoint[] {
  if (run.spec === null) return [];
  const context = runContext(run.spec);
  const sources: PointSource[] = search.compareRuns
    ? search.archive.filter((a) => a.context === context && a.runId !== run.runId)
    : [];
  const current: PointSource = {
    runId: run.runId,
    label: runLabel(run.spec),
    strategy: run.spec.strategy.kind,
    context,
    records: run.subnets,
  };
  const points = [...sources, current].flatMap((src) =>
    src.records.map((record, i): SearchPoint => ({
      id: `${src.runId}:${record.key}`,
      runId: src.runId,
      runLabel: src.label,
      strategy: src.strategy,
      order: i + 1,
      record,
      standalone: search.standalone[standaloneKey(src.context, record.key)] ?? null,
      onFront: false,
    })),
  );
  const front = frontIds(points, search.costAxis);
  return points.map((p) => (front.has(p.id) ? { ...p, onFront: true } : p));
}

/** The values a column sorts by, compared in order; null (or NaN) means missing. */
function sortKey(p: SearchPoint, column: SubnetColumn): readonly (number | null)[] {
  switch (column) {
    case 'order':
      return [p.order, p.runId];
    case 'run':
      return [p.runId, p.order];
    case 'accuracy':
      return [p.record.accuracy];
    case 'standalone':
      return [p.standalone?.state === 'done' ? p.standalone.score.validAcc : null];
    case 'params':
    case 'flops':
    case 'latencyMs':
      return [costOf(p.record, column)];
    case 'generation':
      return [p.record.generation];
  }
}

/** True for a value a sort puts last whatever the direction. */
function missing(v: number | null | undefined): boolean {
  return v === null || v === undefined || Number.isNaN(v);
}

/** The points in table order: by the column, ascending or descending, missing values (NaN, null) last, ties in their given order. */
export function sortPoints(
  points: readonly SearchPoint[],
  sort: SubnetSort,
): readonly SearchPoint[] {
  const sign = sort.descending ? -1 : 1;
  return points
    .map((p, i) => ({ p, i, key: sortKey(p, sort.column) }))
    .sort((a, b) => {
      for (let j = 0; j < a.key.length; j++) {
        const va = a.key[j];
        const vb = b.key[j];
        const ma = missing(va);
        const mb = missing(vb);
        if (ma !== mb) return ma ? 1 : -1;
        if (!ma && va !== vb) return sign * ((va ?? 0) - (vb ?? 0));
      }
      return a.i - b.i;
    })
    .map((e) => e.p);
}

/** One subnet scored both ways. */
export interface FidelityPair extends AccuracyPair {
  readonly id: string;
}

/** How well supernet accuracy ranks subnets as stand-alone training does, how sure that is, and the warnings on it. */
export interface FidelitySummary extends FidelityReport {
  readonly pairs: readonly FidelityPair[];
}

/** Pairs needed before rank correlations are reported (core/trust). */
export { FIDELITY_MIN_PAIRS } from '../core/trust/thresholds';

/**
 * Ranking fidelity: points evaluated with inherited weights whose stand-alone training is done →
 * pairs (supernet accuracy, stand-alone validation accuracy), with Kendall tau-b and Spearman rho,
 * their bootstrap 90% intervals and the trust warnings (core/trust fidelityReport; correlations
 * from 3 pairs, null below or when a side is constant). `trust` (the run's suggested stand-alone
 * epochs and chance level, core/trust fidelityContext) feeds the warnings that need it.
 */
export function rankingFidelity(
  points: readonly SearchPoint[],
  trust: FidelityContext = NO_FIDELITY_CONTEXT,
): FidelitySummary {
  const pairs = points.flatMap((p): FidelityPair[] => {
    const s = p.standalone;
    if (p.record.evaluation !== 'inherited' || s?.state !== 'done') return [];
    const pair = {
      id: p.id,
      supernetAcc: p.record.accuracy,
      standaloneAcc: s.score.validAcc,
      standaloneEpochs: s.epochs,
    };
    return Number.isFinite(pair.supernetAcc) && Number.isFinite(pair.standaloneAcc) ? [pair] : [];
  });
  return { pairs, ...cachedReport(pairs, trust) };
}

/** The last fidelity report and what it was computed from (the bootstrap is the costly part). */
let lastReport: { readonly key: string; readonly report: FidelityReport } | null = null;

/**
 * fidelityReport, computed again only when the pairs' accuracies or the context change: progress
 * of a stand-alone training renews the points ten times a second without changing any pair.
 */
function cachedReport(pairs: readonly FidelityPair[], trust: FidelityContext): FidelityReport {
  const key = JSON.stringify([
    pairs.map((p) => [p.supernetAcc, p.standaloneAcc, p.standaloneEpochs]),
    trust,
  ]);
  if (lastReport?.key !== key) lastReport = { key, report: fidelityReport(pairs, trust) };
  return lastReport.report;
}

/** Why `epochs` cannot be a stand-alone budget, or null. */
export function epochsProblem(epochs: number): string | null {
  const { min, max } = STANDALONE_EPOCH_LIMITS;
  return Number.isInteger(epochs) && epochs >= min && epochs <= max
    ? null
    : `Stand-alone epochs must be a whole number from ${min} to ${max}.`;
}

/** Why stand-alone training cannot start now, or null: a saved run replayed read-only, no run spec, a run in progress, epochs invalid. */
export function standaloneProblem(
  state: Pick<StudioState, 'run' | 'search'> & { readonly history?: StudioState['history'] },
): string | null {
  if (state.history?.replay)
    return 'A saved run is shown read-only: go back to the live run to train subnets stand-alone.';
  if (state.run.spec === null)
    return 'Run a search first: stand-alone training trains the subnets a search evaluated.';
  if (isActive(state.run))
    return 'A search is running; stand-alone training can start once it ends or is stopped.';
  return epochsProblem(state.search.standaloneEpochs);
}
