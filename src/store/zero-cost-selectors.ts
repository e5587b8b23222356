/**
 * Pure read-outs of a zero-cost run for the search view: its scored architectures (proxy score
 * against cost) and "which proxy to believe" over the architectures trained stand-alone (by the run,
 * or with the "Train stand-alone" button), each proxy's and cost baseline's Kendall τ and Spearman
 * ρ against stand-alone accuracy (core/proxies/trust.ts).
 */
import { BASELINE_NAMES, PROXY_NAMES, type ProxyName, type ScoreName } from '../core/proxies/names';
import {
  proxyCorrelations,
  type ProxyCorrelation,
  type ScoredArchitecture,
} from '../core/proxies/trust';
import { topScored } from '../core/proxies/top-k';
import type { SubnetRecord } from '../core/run/protocol';
import type { CostAxis, SearchPoint } from './search-state';
import { costOf } from './search-selectors';

/** Trained architectures needed before a rank correlation is read as evidence (fewer: the table says so instead). */
export const PROXY_TRUST_MIN_POINTS = 5;

/** Every score the table ranks: the proxies, then params and FLOPs. */
export const TRUST_SCORE_NAMES: readonly ScoreName[] = [...PROXY_NAMES, ...BASELINE_NAMES];

/** One scored architecture as the proxy-against-cost chart draws it. */
export interface ScoredPoint {
  readonly id: string;
  readonly cost: number | null;
  readonly score: number;
  /** Trained stand-alone (drawn highlighted). */
  readonly trained: boolean;
}

/** One architecture trained stand-alone, with its scores. */
export interface TrainedArchitecture extends ScoredArchitecture {
  readonly id: string;
}

/** The stand-alone validation accuracy of `p`: the run's training, else a finished "Train stand-alone"; null when untrained. */
export function standaloneAccuracy(p: SearchPoint): number | null {
  if (p.record.evaluation === 'standalone') return p.record.accuracy;
  return p.standalone?.state === 'done' ? p.standalone.score.validAcc : null;
}

/** The scores of a record: its proxies, and params and FLOPs. */
function recordScores(r: SubnetRecord): Record<string, number | undefined> {
  return { ...r.proxies, params: r.params, flops: r.flops };
}

/** The points of run `runId` scored by a zero-cost proxy (trained or not). */
function ownPoints(points: readonly SearchPoint[], runId: number): SearchPoint[] {
  return points.filter((p) => p.runId === runId && p.record.proxies !== undefined);
}

/** The scored architectures of run `runId`: `proxy`'s score against the cost on `axis`. */
export function scoredPoints(
  points: readonly SearchPoint[],
  runId: number,
  proxy: ProxyName,
  axis: CostAxis,
): ScoredPoint[] {
  return ownPoints(points, runId).map((p) => ({
    id: p.id,
    cost: costOf(p.record, axis),
    score: p.record.proxies?.[proxy] ?? Number.NaN,
    trained: standaloneAccuracy(p) !== null,
  }));
}

/** The architectures of run `runId` trained stand-alone, with every score they have. */
export function trainedArchitectures(
  points: readonly SearchPoint[],
  runId: number,
): TrainedArchitecture[] {
  return ownPoints(points, runId).flatMap((p) => {
    const accuracy = standaloneAccuracy(p);
    return accuracy === null ? [] : [{ id: p.id, accuracy, scores: recordScores(p.record) }];
  });
}

/** "Which proxy to believe": one row per proxy and cost baseline (trust.ts's numbers on the trained architectures). */
export function proxyTrustRows(trained: readonly TrainedArchitecture[]): ProxyCorrelation[] {
  return proxyCorrelations(trained, TRUST_SCORE_NAMES);
}

/** Last rows and the architectures they were computed from (the bootstrap is the costly part). */
let lastRows: { readonly key: string; readonly rows: ProxyCorrelation[] } | null = null;

/** proxyTrustRows, computed again only when the trained architectures' numbers change. */
export function cachedProxyTrustRows(trained: readonly TrainedArchitecture[]): ProxyCorrelation[] {
  const key = JSON.stringify(
    trained.map((a) => [a.accuracy, TRUST_SCORE_NAMES.map((n) => a.scores[n] ?? null)]),
  );
  if (lastRows?.key !== key) lastRows = { key, rows: proxyTrustRows(trained) };
  return lastRows.rows;
}

/** Untrained architectures a zero-cost run lists in the subnet table beside its trained ones (a whole space would be thousands of rows). */
export const ZERO_COST_TABLE_TOP = 50;

/**
 * The points the subnet table lists for zero-cost run `runId`: its trained architectures and its
 * `top` best-scored untrained ones by `proxy` (the "Train stand-alone" button's likeliest
 * candidates), in evaluation order; other runs' points as they are.
 */
export function zeroCostTablePoints(
  points: readonly SearchPoint[],
  runId: number,
  proxy: ProxyName,
  top: number = ZERO_COST_TABLE_TOP,
): SearchPoint[] {
  const untrained = points.filter(
    (p) => p.runId === runId && p.record.proxies !== undefined && standaloneAccuracy(p) === null,
  );
  const best = new Set(
    topScored(
      untrained.map((p) => p.record.proxies?.[proxy] ?? Number.NaN),
      top,
    ).map((i) => untrained[i]?.id),
  );
  return points.filter(
    (p) =>
      p.runId !== runId ||
      p.record.proxies === undefined ||
      standaloneAccuracy(p) !== null ||
      best.has(p.id),
  );
}
