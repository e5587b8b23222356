/** What a search strategy does, in the terms the form, the store, the charts and the engine ask about. */
import type { StrategySpec } from '../experiment/spec';
import type { ConstrainedStrategy, SearchingStrategy } from './fields';

/** The behaviours that set one strategy kind apart from another. */
export interface StrategyCapabilities {
  /**
   * Learns architecture weights (alphas) by gradient on the validation split: its runs draw alpha
   * trajectories and collapse diagnostics, derive a cell from the alphas, and warn when the alphas
   * stay uniform or the derived cell falls behind the supernet.
   */
  readonly alphas: boolean;
  /** Takes bounds on a searched subnet's params, FLOPs and latency (and measures a latency table before searching). */
  readonly constraints: boolean;
  /** Ends in a search phase that evaluates discrete subnets and keeps the most accurate one (its result is a discrete genotype, not derived from alphas). */
  readonly evaluatesSubnets: boolean;
  /** Trains one weight-sharing supernet that candidates inherit their weights from (false: every candidate trains from scratch). */
  readonly supernet: boolean;
  /** Re-estimates each scored subnet's BatchNorm statistics on a set number of training batches (its `calibrationBatches`). */
  readonly calibration: boolean;
  /**
   * Trains the softmax-weighted mixture of every edge's ops (DARTS, PC-DARTS), so the supernet's
   * own accuracy is that of what it trained; false for strategies that train one path at a time
   * (GDAS's supernet metrics are of a mixture it never trains as such).
   */
  readonly trainsMixture: boolean;
}

/** A strategy with a calibration-batch count. */
export type CalibratedStrategy = Extract<StrategySpec, { readonly calibrationBatches: number }>;

/** Whether `s` takes constraints (checked on the object, so a spec read from outside is safe to narrow). */
export function hasConstraints(s: StrategySpec): s is ConstrainedStrategy {
  return 'constraints' in s;
}

/** Whether `s` has a choice of discrete search mode. */
export function hasSearchMode(s: StrategySpec): s is SearchingStrategy {
  return 'search' in s;
}

/** Whether `s` sets its own calibration-batch count. */
export function hasCalibration(s: StrategySpec): s is CalibratedStrategy {
  return 'calibrationBatches' in s;
}

/** A strategy that learns architecture weights (alphas) with its own Adam. */
export type AlphaStrategy = Extract<StrategySpec, { readonly alphaLr: number }>;

/** Whether `s` learns alphas (its shape; the registry's `alphas` capability says the same, as its tests check). */
export function hasAlphas(s: StrategySpec): s is AlphaStrategy {
  return 'alphaLr' in s;
}
