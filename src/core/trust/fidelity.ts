/**
 * Ranking fidelity with its uncertainty: Kendall's τ and Spearman's ρ between inherited (supernet)
 * and stand-alone accuracy, each with a seeded percentile-bootstrap 90% interval, and the warnings
 * that say when the numbers rest on too little.
 */
import { bootstrapPairs, type BootstrapInterval } from '../stats/bootstrap';
import { kendallTau, spearmanRho } from '../stats/correlation';
import type { ExperimentSpec } from '../experiment/spec';
import { chanceOf, isNearChance } from './chance';
import {
  FIDELITY_MIN_PAIRS,
  FIDELITY_RELIABLE_PAIRS,
  NEAR_CHANCE_PAIRS_SHARE,
  SHORT_STANDALONE_SHARE,
} from './thresholds';
import { standaloneEpochs } from './standalone-epochs';
import type { TrustWarning } from './warning';
import { count, percent } from './words';

/** One subnet scored both ways (accuracies in [0, 1]), and the epochs of its stand-alone training when known. */
export interface AccuracyPair {
  readonly supernetAcc: number;
  readonly standaloneAcc: number;
  readonly standaloneEpochs?: number;
}

/** A rank correlation (null: too few pairs, or undefined for a constant side) and its bootstrap interval. */
export interface RankEstimate {
  readonly value: number | null;
  readonly interval: BootstrapInterval | null;
}

/** The fidelity numbers, their warnings, and whether they can be read at face value. */
export interface FidelityReport {
  readonly kendall: RankEstimate;
  readonly spearman: RankEstimate;
  readonly warnings: readonly TrustWarning[];
  /** False when a warning holds: the view then greys the numbers. */
  readonly trusted: boolean;
}

/** A correlation, or null when it is undefined. */
function defined(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}

/** The correlation of the pairs and its bootstrap interval; both null below FIDELITY_MIN_PAIRS pairs. */
function estimate(
  x: readonly number[],
  y: readonly number[],
  statistic: (x: readonly number[], y: readonly number[]) => number,
): RankEstimate {
  if (x.length < FIDELITY_MIN_PAIRS) return { value: null, interval: null };
  const value = defined(statistic(x, y));
  return { value, interval: value === null ? null : bootstrapPairs(x, y, statistic) };
}

/** The few-pairs warning: correlations shown from FIDELITY_MIN_PAIRS up to fewer than FIDELITY_RELIABLE_PAIRS pairs. */
export function fewPairsWarning(n: number): TrustWarning | null {
  if (n < FIDELITY_MIN_PAIRS || n >= FIDELITY_RELIABLE_PAIRS) return null;
  return {
    kind: 'few-pairs',
    problem: `Only ${count(n, 'pair')}: below ${FIDELITY_RELIABLE_PAIRS}, one subnet more or less can flip the sign of τ and ρ, and even a perfect order arises by chance often.`,
    action: `Train at least ${FIDELITY_RELIABLE_PAIRS - n} more subnet${FIDELITY_RELIABLE_PAIRS - n === 1 ? '' : 's'} stand-alone.`,
  };
}

/**
 * The short-stand-alone warning: more than SHORT_STANDALONE_SHARE of the pairs have a stand-alone
 * accuracy below their inherited one. `suggestedEpochs` (the studio's default budget for the run)
 * goes into the advice when given. When every such pair already trained at least that long, the
 * warning is 'standalone-below' instead: the advice is a longer training, not the default.
 */
export function shortStandaloneWarning(
  pairs: readonly AccuracyPair[],
  suggestedEpochs: number | null = null,
): TrustWarning | null {
  if (pairs.length === 0) return null;
  const belowPairs = pairs.filter((p) => p.standaloneAcc < p.supernetAcc);
  const below = belowPairs.length;
  if (!(below / pairs.length > SHORT_STANDALONE_SHARE)) return null;
  const atBudget =
    suggestedEpochs !== null &&
    belowPairs.every(
      (p) => p.standaloneEpochs !== undefined && p.standaloneEpochs >= suggestedEpochs,
    );
  if (atBudget)
    return {
      kind: 'standalone-below',
      problem: `${below} of ${pairs.length} stand-alone accuracies are below the same subnets’ inherited ones, though each trained for the suggested ${count(suggestedEpochs, 'epoch')}: these subnets may need longer to show what they can reach alone, or reach no more alone than with shared weights. Until that is known, the stand-alone order may rank how fast they start, not how good they are.`,
      action: 'Train them again with more stand-alone epochs and see whether they improve.',
    };
  const at = suggestedEpochs === null ? '' : ` (at least ${count(suggestedEpochs, 'epoch')})`;
  return {
    kind: 'short-standalone',
    problem: `${below} of ${pairs.length} stand-alone accuracies are below the same subnets’ inherited ones: the stand-alone training is too short to show what the subnets can reach, so it ranks how fast they start, not how good they are.`,
    action: `Raise the stand-alone epochs${at} and train them again.`,
  };
}

/**
 * The pairs-near-chance warning: more than NEAR_CHANCE_PAIRS_SHARE of the pairs have an accuracy
 * near chance on one side or both (core/trust isNearChance), so their differences are mostly noise.
 */
export function nearChancePairsWarning(
  pairs: readonly AccuracyPair[],
  chance: { readonly classes: number; readonly chance: number },
): TrustWarning | null {
  if (pairs.length === 0) return null;
  const near = pairs.filter(
    (p) =>
      isNearChance(p.supernetAcc, chance.chance) || isNearChance(p.standaloneAcc, chance.chance),
  ).length;
  if (!(near / pairs.length > NEAR_CHANCE_PAIRS_SHARE)) return null;
  return {
    kind: 'pairs-near-chance',
    problem: `${near} of ${pairs.length} pairs are near chance (${percent(chance.chance)} for ${chance.classes} classes) on one side or both: what separates them is mostly noise, so their order says little.`,
    action:
      'Train the supernet longer (its epochs) and the subnets stand-alone longer, until accuracies rise clearly above chance.',
  };
}

/** What the fidelity warnings know of the run: the stand-alone epochs to suggest, and the data's chance level. */
export interface FidelityContext {
  readonly suggestedEpochs: number | null;
  readonly chance: { readonly classes: number; readonly chance: number } | null;
}

/** No run context: warnings that need it are skipped and advice names no epochs. */
export const NO_FIDELITY_CONTEXT: FidelityContext = { suggestedEpochs: null, chance: null };

/** The fidelity context of a run of `spec`: its default stand-alone epochs and its data's chance level. */
export function fidelityContext(spec: ExperimentSpec | null): FidelityContext {
  if (spec === null) return NO_FIDELITY_CONTEXT;
  return { suggestedEpochs: standaloneEpochs(spec), chance: chanceOf(spec.dataset) };
}

/** Kendall's τ and Spearman's ρ of the pairs with their bootstrap intervals, and the warnings on them. */
export function fidelityReport(
  pairs: readonly AccuracyPair[],
  context: FidelityContext = NO_FIDELITY_CONTEXT,
): FidelityReport {
  const x = pairs.map((p) => p.supernetAcc);
  const y = pairs.map((p) => p.standaloneAcc);
  const warnings = [
    fewPairsWarning(pairs.length),
    context.chance === null ? null : nearChancePairsWarning(pairs, context.chance),
    shortStandaloneWarning(pairs, context.suggestedEpochs),
  ].filter((w): w is TrustWarning => w !== null);
  return {
    kendall: estimate(x, y, kendallTau),
    spearman: estimate(x, y, spearmanRho),
    warnings,
    trusted: warnings.length === 0,
  };
}
