/**
 * What a queued search trains: a multi-trial search (random search or aging evolution) of an
 * experiment, or the stand-alone check of a finished run's Pareto front; with the rules that
 * price its candidates and the training each trial gets.
 */
import { datasetInput } from '../../core/data/load';
import { DARTS_CALIBRATION_BATCHES } from '../../core/experiment/defaults';
import type { ExperimentSpec, WeightTrainingSpec } from '../../core/experiment/spec';
import { hasCalibration } from '../../core/strategy/capabilities';
import type { RunFile } from '../../core/export/run-file';
import { hash53 } from '../../core/hash';
import { paretoFront } from '../../core/pareto/dominance';
import type { Candidate } from '../../core/strategies/ledger';
import type { Origin } from '../../core/strategies/types';
import type { StandaloneOptions } from '../../engine/standalone';
import { trialBudget, trialSeed } from '../../engine/multi-trial/runner';
import { searchConstraints, searchCost } from '../../engine/search-latency';
import type { ProposalRules } from '../../core/strategies/async-proposals';

/** How the search picks its subnets. */
export type PlanKind = 'random' | 'evolution' | 'front';

/** A queued search: its experiment, how it proposes subnets and how each is trained. */
export interface SearchPlan {
  readonly kind: PlanKind;
  readonly name: string;
  readonly spec: ExperimentSpec;
  /** Trials in all. */
  readonly total: number;
  /** Aging evolution's population and tournament size (1 and 1 otherwise). */
  readonly population: number;
  readonly sample: number;
  readonly rules: ProposalRules;
  /** The front's subnets, in the order they are trained ('front' only). */
  readonly fixed: readonly FixedCandidate[];
  /** The training of the trial of genotype `key`. */
  training(key: string): StandaloneOptions;
}

/** A subnet named in advance, with how the original run made it. */
export interface FixedCandidate extends Candidate {
  readonly origin: Origin;
  readonly generation: number;
}

/** A queue name: letters, digits, dot, dash and underscore. */
export const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** The pricing rules of `spec` (params and FLOPs; no latency: workers' machines differ). */
function rulesOf(spec: ExperimentSpec): ProposalRules {
  const { input, classes } = datasetInput(spec.dataset);
  const target = { space: spec.space, input, classes };
  const s = spec.strategy;
  return {
    cost: searchCost(target, null),
    ...(s.kind === 'multi-trial' ? { constraints: searchConstraints(s.constraints) } : {}),
  };
}

/** The plan of a multi-trial experiment, or why the queue cannot carry it out. */
export function searchPlanOf(
  spec: ExperimentSpec,
  name: string | null,
): SearchPlan | { readonly problem: string } {
  const s = spec.strategy;
  if (s.kind !== 'multi-trial')
    return {
      problem: `A queued search spreads the trials of a multi-trial search over workers; this experiment's strategy is ${s.kind}: run it whole once per seed on the queue with --repeats N, or with \`run\` and then train its Pareto front on the queue with --front run.json.`,
    };
  if (s.constraints.maxLatencyMs !== null)
    return {
      problem: `A latency bound cannot be checked on the queue (each worker's machine has its own latencies); remove maxLatencyMs (${s.constraints.maxLatencyMs} ms) or use \`run\`.`,
    };
  if (spec.dataset.id === 'upload')
    return { problem: 'Experiments on an uploaded file cannot be searched on the queue.' };
  if (s.search === 'evolution' && s.warmupProxy !== 'none')
    return {
      problem: `The queue starts evolution at random; it does not run the zero-cost warm-up (${s.warmupProxy}). Set warmupProxy to none, or use \`run\`.`,
    };
  const budget = trialBudget(s);
  return {
    kind: s.search,
    name: name ?? `search-${hash53(JSON.stringify(spec))}`,
    spec,
    total: s.trials,
    population: s.search === 'evolution' ? s.population : 1,
    sample: s.search === 'evolution' ? s.sample : 1,
    rules: rulesOf(spec),
    fixed: [],
    training: (key) => ({
      ...budget,
      seed: trialSeed(spec.seed, key),
      calibrationBatches: s.calibrationBatches,
    }),
  };
}

/** Accuracy up, params and FLOPs down: the front the check trains. */
const FRONT = [
  { key: 'accuracy', goal: 'max' },
  { key: 'params', goal: 'min' },
  { key: 'flops', goal: 'min' },
] as const;

/**
 * The plan training every subnet on `run`'s Pareto front (accuracy against params and FLOPs)
 * stand-alone for `epochs` (default: the run's own epochs) with the run's weight optimiser and
 * seed, as the studio's "train stand-alone" does; or why not.
 */
export function frontPlanOf(
  run: RunFile,
  epochs: number | null,
  name: string | null,
): SearchPlan | { readonly problem: string } {
  const { spec } = run;
  if (spec.dataset.id === 'upload')
    return { problem: 'Runs on an uploaded file cannot be checked on the queue.' };
  const usable = run.subnets.filter((r) => Number.isFinite(r.accuracy));
  const seen = new Set<string>();
  const front = paretoFront(usable, FRONT).filter((r) => !seen.has(r.key) && seen.add(r.key));
  if (front.length === 0) return { problem: 'The run file holds no scored subnet to train.' };
  const s = spec.strategy;
  const budget: WeightTrainingSpec = {
    epochs: epochs ?? s.epochs,
    batchSize: s.batchSize,
    weightLr: s.weightLr,
    weightLrMin: s.weightLrMin,
    momentum: s.momentum,
    weightDecay: s.weightDecay,
    gradClip: s.gradClip,
  };
  const calibrationBatches = hasCalibration(s) ? s.calibrationBatches : DARTS_CALIBRATION_BATCHES;
  return {
    kind: 'front',
    name: name ?? `front-${hash53(JSON.stringify([spec, front.map((r) => r.key), budget]))}`,
    spec,
    total: front.length,
    population: 1,
    sample: 1,
    rules: rulesOf(spec),
    fixed: front.map((r) => ({
      genotype: r.genotype,
      key: r.key,
      cost: { params: r.params, flops: r.flops },
      origin: r.origin,
      generation: r.generation,
    })),
    training: () => ({ ...budget, seed: spec.seed, calibrationBatches }),
  };
}

/** JSON text of `value` with every object's keys sorted: equal for equal data whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : v,
  );
}
