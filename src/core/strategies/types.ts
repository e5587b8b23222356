/** The contract shared by the discrete search strategies: injected evaluation and cost, constraints, records, results. */
import type { Rng } from '../random';
import type { Genotype } from '../search-space/types';

/** Upper bounds a subnet must meet before it is evaluated; an absent bound is no constraint. */
export interface Constraints {
  readonly maxParams?: number;
  readonly maxFlops?: number;
  readonly maxLatencyMs?: number;
}

/** What a subnet costs: params and FLOPs (analytic), and its latency when a lookup table prices it. */
export interface CandidateCost {
  readonly params: number;
  readonly flops: number;
  readonly latencyMs?: number;
}

/** Prices a genotype; cheap and synchronous (analytic cost, latency table). */
export type CostFn = (genotype: Genotype) => CandidateCost;

/** Measures a genotype's accuracy (inherited supernet weights, or a short stand-alone training). */
export type EvaluateFn = (genotype: Genotype) => Promise<{ readonly accuracy: number }>;

/** How a candidate was made ('derived': the cell a DARTS run derived from its alphas by magnitude; 'perturbation': by perturbation-based selection; 'warmup': chosen for evolution's first population by a zero-cost proxy). */
export type Origin = 'random' | 'mutation' | 'crossover' | 'derived' | 'perturbation' | 'warmup';

/** One evaluated subnet, as the strategy reports it. */
export interface EvaluatedRecord {
  readonly genotype: Genotype;
  /** `genotypeKey` of the genotype: unique within a run. */
  readonly key: string;
  readonly accuracy: number;
  readonly params: number;
  readonly flops: number;
  readonly latencyMs?: number;
  /** Generation (evolution), cycle (aging evolution; 0 for the first population) or 0 (random search). */
  readonly generation: number;
  readonly origin: Origin;
}

/** Everything a strategy needs besides its own hyper-parameters. */
export interface SearchHooks {
  readonly evaluate: EvaluateFn;
  readonly cost: CostFn;
  readonly constraints?: Constraints;
  readonly rng: Rng;
  /** Called after each evaluation, in order. */
  readonly onEvaluated?: (record: EvaluatedRecord) => void;
  /** Polled before every evaluation: once it returns true no further candidate is evaluated. */
  readonly shouldStop?: () => boolean;
  /** Draws allowed to find one new feasible candidate before the space counts as exhausted (default 1000). */
  readonly maxDraws?: number;
}

/** Why a search ended: its budget ran out, `shouldStop` asked it to, or no new feasible candidate could be found. */
export type SearchEnd = 'complete' | 'stopped' | 'exhausted';

/** The outcome of a strategy. */
export interface SearchResult {
  /** Every evaluated record, in evaluation order; none breaks a constraint. */
  readonly records: readonly EvaluatedRecord[];
  /** The most accurate record (the earliest among equals), or null when none was evaluated. */
  readonly best: EvaluatedRecord | null;
  readonly end: SearchEnd;
  /** A plain sentence saying how the search ended. */
  readonly message: string;
  /** Distinct candidates priced and refused for breaking a constraint. */
  readonly rejected: number;
}
