/**
 * Signs that a differentiable search is collapsing (RobustDARTS, DARTS+): parameter-free ops taking
 * over the derived normal cell, the ranking of every edge's ops settling, and the dominant Hessian
 * eigenvalue of the validation loss growing. Pure functions over plain data.
 */
import { DARTS_OPTIONS } from '../experiment/defaults';
import type { DartsStrategySpec } from '../experiment/spec';
import { opDef, type OpName } from '../search-space/ops';
import type { CellAlphas, CellGenotype, CellSpec } from '../search-space/types';
import { ALPHA_UNIFORM_ENTROPY } from '../trust/thresholds';

/** How many of a derived cell's chosen ops are skip connections and parameter-free ops, of all it chose. */
export interface CollapseCounts {
  readonly skip: number;
  /** Skip connections, pools and (where a cell keeps one) `none`: ops without weights. */
  readonly parameterFree: number;
  readonly ops: number;
}

/** True for ops without weights: identity, pooling, zero. */
export function isParameterFree(op: OpName): boolean {
  const kind = opDef(op).kind;
  return kind === 'identity' || kind === 'pool' || kind === 'zero';
}

/** Counts a derived cell's skip connections and parameter-free ops (RobustDARTS reports both for the normal cell). */
export function collapseCounts(cell: CellGenotype): CollapseCounts {
  let skip = 0;
  let parameterFree = 0;
  for (const e of cell.edges) {
    if (e.op === 'skip_connect') skip += 1;
    if (isParameterFree(e.op)) parameterFree += 1;
  }
  return { skip, parameterFree, ops: cell.edges.length };
}

/**
 * Each edge's ops other than `none`, strongest first (indices into the edge's op list; ties keep
 * op order): the ranking DARTS+'s second rule watches.
 */
export function opRanking(cell: CellSpec, weights: CellAlphas): number[][] {
  return cell.edges.map((edge, e) => {
    const row = weights[e] ?? [];
    return edge.ops
      .map((op, i) => ({ op, i, w: row[i] ?? Number.NEGATIVE_INFINITY }))
      .filter((o) => o.op !== 'none')
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .map((o) => o.i);
  });
}

/** True when two rankings (of the same cells) order every edge's ops the same way. */
export function sameRanking(
  a: readonly (readonly number[])[],
  b: readonly (readonly number[])[],
): boolean {
  return a.length === b.length && a.every((row, e) => row.join(',') === (b[e] ?? []).join(','));
}

/** DARTS+'s two rules (Liang et al. 2019). */
export type EarlyStopRule = 'skip-connections' | 'stable-ranking';

/** The number of skip connections in the derived normal cell at which DARTS+ stops (its first rule). */
export const DARTS_PLUS_SKIPS = 2;

/**
 * Which DARTS+ rule holds at the end of an epoch, or null: two or more skip connections in the
 * derived normal cell, or every edge's op ranking unchanged for `stableEpochs` epochs in a row
 * (`stableFor` counts them). The skip rule is checked first.
 */
export function dartsPlusRule(
  skipCount: number,
  stableFor: number,
  stableEpochs: number,
): EarlyStopRule | null {
  if (skipCount >= DARTS_PLUS_SKIPS) return 'skip-connections';
  if (stableFor >= stableEpochs) return 'stable-ranking';
  return null;
}

/**
 * Whether DARTS+ reads the derived cell after `epoch`: once the warm-up is over and the alphas have
 * left uniform (mean normalised entropy at most ALPHA_UNIFORM_ENTROPY, the threshold below which the
 * studio stops warning that the alphas are undecided). A cell read off near-uniform alphas is noise;
 * with the small alpha steps of short runs its skip connections would stop most searches after
 * their first epoch. The paper has no such gate.
 */
export function dartsPlusChecks(
  epoch: number,
  warmupEpochs: number,
  alphaEntropy: number | null,
): boolean {
  return epoch > warmupEpochs && alphaEntropy !== null && alphaEntropy <= ALPHA_UNIFORM_ENTROPY;
}

/** The DARTS+ settings of a strategy that learns alphas: its own, or off (at DARTS's default stable epochs) for a kind without DARTS+. */
export function dartsPlusSettings(
  s: Pick<DartsStrategySpec, 'warmupEpochs'> &
    Partial<Pick<DartsStrategySpec, 'earlyStop' | 'stableEpochs'>>,
): Pick<DartsStrategySpec, 'warmupEpochs' | 'earlyStop' | 'stableEpochs'> {
  return {
    warmupEpochs: s.warmupEpochs,
    earlyStop: s.earlyStop ?? 'off',
    stableEpochs: s.stableEpochs ?? DARTS_OPTIONS.stableEpochs,
  };
}

/** A plain sentence naming the rule that stopped a search at `epoch`, with the count that met it. */
export function earlyStopMessage(
  rule: EarlyStopRule,
  epoch: number,
  counts: { readonly skipCount: number; readonly stableEpochs: number },
): string {
  return rule === 'skip-connections'
    ? `DARTS+ stopped the search after epoch ${epoch}: the derived normal cell holds ${counts.skipCount} skip connections (it stops at ${DARTS_PLUS_SKIPS}), the sign of a collapse to parameter-free ops.`
    : `DARTS+ stopped the search after epoch ${epoch}: every edge has kept the same ranking of its ops for ${counts.stableEpochs} epochs.`;
}

/** RobustDARTS's early-stop window (k epochs) and ratio threshold (DARTS-ES). */
export const DARTS_ES = { window: 5, ratio: 0.75 } as const;

/**
 * The first epoch index i (into `eigenvalues`, one per epoch, null where none was computed) at which
 * RobustDARTS's DARTS-ES would stop: lambda(i - k) / lambda(i) < 0.75 with k = 5, i.e. the dominant
 * eigenvalue grew by more than a third over the window; null when it never does.
 */
export function dartsEsEpoch(eigenvalues: readonly (number | null)[]): number | null {
  for (let i = DARTS_ES.window; i < eigenvalues.length; i++) {
    const before = eigenvalues[i - DARTS_ES.window];
    const now = eigenvalues[i];
    if (before == null || now == null || !(now > 0) || !(before > 0)) continue;
    if (before / now < DARTS_ES.ratio) return i;
  }
  return null;
}
