/** Validation of each strategy's own fields: the numeric rules, the choices, the search mode and the constraints. */
import { pushCheck, shown, type NumberRule } from '../checks';
import { LIMITS } from '../experiment/limits';
import type {
  ConstraintsSpec,
  DartsStrategySpec,
  GdasStrategySpec,
  MultiTrialStrategySpec,
  PcDartsStrategySpec,
  SposStrategySpec,
  WeightTrainingSpec,
  ZeroCostStrategySpec,
} from '../experiment/spec';
import { PROXY_NAMES } from '../proxies/names';
import { validateLatencyLoss } from '../latency-loss/validate';
import type { Problem } from '../problems';

/** Label and rule of each weight-training field, shared by every strategy. */
const WEIGHT_FIELDS: readonly [keyof WeightTrainingSpec, string, NumberRule][] = [
  ['epochs', 'Epochs', LIMITS.epochs],
  ['batchSize', 'Batch size', LIMITS.batchSize],
  ['weightLr', 'Weight learning rate', LIMITS.learningRate],
  ['weightLrMin', 'Final weight learning rate', LIMITS.weightLrMin],
  ['momentum', 'Momentum', LIMITS.momentum],
  ['weightDecay', 'Weight decay', LIMITS.weightDecay],
  ['gradClip', 'Gradient clip', LIMITS.gradClip],
];

/** Label and rule of each numeric DARTS field. */
const STRATEGY_FIELDS: readonly [
  Exclude<keyof DartsStrategySpec, 'kind' | 'order' | 'earlyStop' | 'selection' | 'latency'>,
  string,
  NumberRule,
][] = [
  ...WEIGHT_FIELDS,
  ['alphaLr', 'Alpha learning rate', LIMITS.learningRate],
  ['alphaBeta1', 'Alpha Adam beta1', LIMITS.beta],
  ['alphaBeta2', 'Alpha Adam beta2', LIMITS.beta],
  ['alphaWeightDecay', 'Alpha weight decay', LIMITS.weightDecay],
  ['warmupEpochs', 'Warm-up epochs', LIMITS.warmupEpochs],
  ['stableEpochs', 'Stable epochs (DARTS+)', LIMITS.stableEpochs],
  ['tuneEpochs', 'Tuning epochs', LIMITS.tuneEpochs],
];

/** Label and rule of each numeric GDAS field. */
const GDAS_FIELDS: readonly [Exclude<keyof GdasStrategySpec, 'kind'>, string, NumberRule][] = [
  ...WEIGHT_FIELDS,
  ['alphaLr', 'Alpha learning rate', LIMITS.learningRate],
  ['alphaBeta1', 'Alpha Adam beta1', LIMITS.beta],
  ['alphaBeta2', 'Alpha Adam beta2', LIMITS.beta],
  ['alphaWeightDecay', 'Alpha weight decay', LIMITS.weightDecay],
  ['warmupEpochs', 'Warm-up epochs', LIMITS.warmupEpochs],
  ['tauMax', 'First temperature', LIMITS.temperature],
  ['tauMin', 'Last temperature', LIMITS.temperature],
];

/** Label and rule of each numeric field of a discrete-search strategy (kind, search and constraints are checked apart). */
type SearchFields<S> = readonly [
  Exclude<keyof S, 'kind' | 'search' | 'constraints'>,
  string,
  NumberRule,
][];

/** Label and rule of each numeric SPOS field. */
const SPOS_FIELDS: SearchFields<SposStrategySpec> = [
  ...WEIGHT_FIELDS,
  ['generations', 'Generations', LIMITS.generations],
  ['population', 'Population', LIMITS.population],
  ['topK', 'Top-k parents', LIMITS.topK],
  ['mutations', 'Mutations per generation', LIMITS.children],
  ['crossovers', 'Crossovers per generation', LIMITS.children],
  ['mutationProb', 'Mutation probability', LIMITS.probability],
  ['samples', 'Random-search samples', LIMITS.searchSamples],
  ['calibrationBatches', 'Calibration batches', LIMITS.calibrationBatches],
  ['validSubset', 'Validation subset', LIMITS.validSubset],
];

/** Label and rule of each numeric multi-trial field. */
const MULTI_TRIAL_FIELDS: SearchFields<MultiTrialStrategySpec> = [
  ...WEIGHT_FIELDS,
  ['trials', 'Trials', LIMITS.trials],
  ['population', 'Population', LIMITS.population],
  ['sample', 'Tournament sample', LIMITS.tournament],
  ['warmupPool', 'Warm-up pool', LIMITS.warmupPool],
  ['calibrationBatches', 'Calibration batches', LIMITS.calibrationBatches],
];

/** The final learning rate must not exceed the starting one (checked once the starting one is valid). */
function lrOrderProblems(out: Problem[], s: { weightLr: number; weightLrMin: number }): void {
  if (!out.some((p) => p.path === 'strategy.weightLr') && s.weightLrMin > s.weightLr) {
    out.push({
      path: 'strategy.weightLrMin',
      code: 'too-large',
      message: `Final weight learning rate must be at most the weight learning rate ${s.weightLr} (got ${s.weightLrMin}).`,
    });
  }
}

/** Every problem of DARTS hyper-parameters. */
export function validateDarts(s: DartsStrategySpec): Problem[] {
  const out: Problem[] = [];
  if (!(LIMITS.orders as readonly number[]).includes(s.order)) {
    out.push({
      path: 'strategy.order',
      code: 'out-of-range',
      message: `DARTS order must be 1 (first order) or 2 (second order) (got ${shown(s.order)}).`,
    });
  }
  for (const [key, label, rule] of STRATEGY_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  warmupProblem(out, s);
  if (!(LIMITS.earlyStops as readonly unknown[]).includes(s.earlyStop))
    out.push({
      path: 'strategy.earlyStop',
      code: 'out-of-range',
      message: `Early stopping must be 'off' or 'darts+' (got ${shown(s.earlyStop)}).`,
    });
  if (!(LIMITS.selections as readonly unknown[]).includes(s.selection))
    out.push({
      path: 'strategy.selection',
      code: 'out-of-range',
      message: `Selection must be 'magnitude' or 'perturbation' (got ${shown(s.selection)}).`,
    });
  out.push(...validateLatencyLoss(s.latency, 'strategy.latency'));
  return out;
}

/** Adds the problem of a warm-up as long as the run (the alphas would never train), unless either field has one already. */
function warmupProblem(
  out: Problem[],
  s: { readonly warmupEpochs: number; readonly epochs: number },
): void {
  if (
    !out.some((p) => p.path === 'strategy.warmupEpochs' || p.path === 'strategy.epochs') &&
    s.warmupEpochs >= s.epochs
  )
    out.push({
      path: 'strategy.warmupEpochs',
      code: 'too-large',
      message: `Warm-up epochs must be fewer than the epochs ${s.epochs}, or the alphas never train (got ${s.warmupEpochs}).`,
    });
}

/** Every problem of PC-DARTS hyper-parameters: DARTS's, and K a whole number in range (that it divides the cells' channels is checked with the space). */
export function validatePcDarts(s: PcDartsStrategySpec): Problem[] {
  const { kind: _kind, partialK, ...darts } = s;
  const out = validateDarts({ ...darts, kind: 'darts' });
  pushCheck(out, 'strategy.partialK', 'Partial-channel ratio K', partialK, LIMITS.partialK);
  return out;
}

/** Every problem of GDAS hyper-parameters. */
export function validateGdas(s: GdasStrategySpec): Problem[] {
  const out: Problem[] = [];
  for (const [key, label, rule] of GDAS_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  warmupProblem(out, s);
  if (
    !out.some((p) => p.path === 'strategy.tauMax' || p.path === 'strategy.tauMin') &&
    s.tauMin > s.tauMax
  )
    out.push({
      path: 'strategy.tauMin',
      code: 'too-large',
      message: `The last temperature must be at most the first temperature ${s.tauMax}: GDAS anneals the temperature down (got ${s.tauMin}).`,
    });
  out.push(...validateLatencyLoss(s.latency, 'strategy.latency'));
  return out;
}

/** The problem of a discrete search kind other than 'evolution' or 'random', if any; `who` names the strategy. */
function searchKindProblems(search: unknown, who: string): Problem[] {
  if (search === 'evolution' || search === 'random') return [];
  return [
    {
      path: 'strategy.search',
      code: 'out-of-range',
      message: `The ${who} search must be 'evolution' or 'random' (got ${shown(search)}).`,
    },
  ];
}

/** Every problem of SPOS hyper-parameters, the search kind, top-k against the population, and the constraints. */
export function validateSpos(s: SposStrategySpec): Problem[] {
  const out = searchKindProblems(s.search, 'SPOS');
  for (const [key, label, rule] of SPOS_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  if (
    !out.some((p) => p.path === 'strategy.topK' || p.path === 'strategy.population') &&
    s.topK > s.population
  ) {
    out.push({
      path: 'strategy.topK',
      code: 'too-large',
      message: `Top-k parents must be at most the population ${s.population} (got ${s.topK}).`,
    });
  }
  out.push(...constraintProblems(s.constraints, 'SPOS'));
  return out;
}

/** Every problem of the bounds on a searched subnet: each bound is null or above 0 (params and FLOPs whole). */
function constraintProblems(c: ConstraintsSpec | undefined | null, strategy: string): Problem[] {
  if (c === undefined || c === null || typeof c !== 'object') {
    return [
      {
        path: 'strategy.constraints',
        code: 'missing',
        message: `${strategy} needs constraints: give maxParams, maxFlops and maxLatencyMs (null for no bound).`,
      },
    ];
  }
  const out: Problem[] = [];
  const bounds = [
    ['maxParams', 'Max params', { ...LIMITS.maxCost, integer: true }],
    ['maxFlops', 'Max FLOPs', { ...LIMITS.maxCost, integer: true }],
    ['maxLatencyMs', 'Max latency (ms)', LIMITS.maxCost],
  ] as const;
  for (const [key, label, rule] of bounds) {
    if (c[key] !== null) pushCheck(out, `strategy.constraints.${key}`, label, c[key], rule);
  }
  return out;
}

/** Every problem of multi-trial hyper-parameters (the per-trial training budget included), the search kind and the constraints. */
export function validateMultiTrial(s: MultiTrialStrategySpec): Problem[] {
  const out = searchKindProblems(s.search, 'multi-trial');
  for (const [key, label, rule] of MULTI_TRIAL_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  out.push(...warmupProblems(s, out));
  out.push(...constraintProblems(s.constraints, 'Multi-trial search'));
  return out;
}

/** The warm-up's problems: a proxy that is not known, and a pool smaller than evolution's population (checked once both are valid). */
function warmupProblems(s: MultiTrialStrategySpec, found: readonly Problem[]): Problem[] {
  if (s.warmupProxy !== 'none' && !(PROXY_NAMES as readonly unknown[]).includes(s.warmupProxy))
    return [
      {
        path: 'strategy.warmupProxy',
        code: 'out-of-range',
        message: `The warm-up proxy must be none or one of ${PROXY_NAMES.join(', ')} (got ${shown(s.warmupProxy)}).`,
      },
    ];
  const checked = (f: string) => !found.some((p) => p.path === `strategy.${f}`);
  if (
    s.search === 'evolution' &&
    s.warmupProxy !== 'none' &&
    checked('warmupPool') &&
    checked('population') &&
    s.warmupPool < s.population
  )
    return [
      {
        path: 'strategy.warmupPool',
        code: 'out-of-range',
        message: `The warm-up pool (${s.warmupPool}) must hold at least the population (${s.population}): its best-scored become the first population.`,
      },
    ];
  return [];
}

/** Label and rule of each numeric zero-cost field. */
const ZERO_COST_FIELDS: readonly [
  Exclude<keyof ZeroCostStrategySpec, 'kind' | 'proxy'>,
  string,
  NumberRule,
][] = [
  ...WEIGHT_FIELDS,
  ['architectures', 'Architectures scored', LIMITS.proxySamples],
  ['topK', 'Top-k trained', LIMITS.proxyTopK],
  ['calibrationBatches', 'Calibration batches', LIMITS.calibrationBatches],
];

/** Every problem of zero-cost hyper-parameters: the proxy, the sample and top-k counts, the trained architectures' budget. */
export function validateZeroCost(s: ZeroCostStrategySpec): Problem[] {
  const out: Problem[] = [];
  if (!(PROXY_NAMES as readonly unknown[]).includes(s.proxy))
    out.push({
      path: 'strategy.proxy',
      code: 'out-of-range',
      message: `The proxy must be one of ${PROXY_NAMES.join(', ')} (got ${shown(s.proxy)}).`,
    });
  for (const [key, label, rule] of ZERO_COST_FIELDS)
    pushCheck(out, `strategy.${key}`, label, s[key], rule);
  lrOrderProblems(out, s);
  return out;
}
