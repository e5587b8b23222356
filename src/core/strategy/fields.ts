/** The numeric, choice and constraint fields of each strategy kind: the names the form, the store and the registry share. */
import type {
  ConstraintsSpec,
  DartsStrategySpec,
  GdasStrategySpec,
  MultiTrialStrategySpec,
  PcDartsStrategySpec,
  SposStrategySpec,
  StrategyKind,
  StrategySpec,
  ZeroCostStrategySpec,
} from '../experiment/spec';

/** The strategy spec of kind `K`. */
export type StrategyOf<K extends StrategyKind> = Extract<StrategySpec, { readonly kind: K }>;

/** DARTS settings chosen from a list: the order, early stopping and the selection rule. */
export type DartsChoiceField = 'order' | 'earlyStop' | 'selection';

/** DARTS hyper-parameters edited as numbers (everything but `kind`, the choices and the latency loss, edited apart). */
export type DartsNumberField = Exclude<
  keyof DartsStrategySpec,
  'kind' | DartsChoiceField | 'latency'
>;

/** PC-DARTS hyper-parameters edited as numbers: DARTS's and the partial-channel ratio K. */
export type PcDartsNumberField = Exclude<
  keyof PcDartsStrategySpec,
  'kind' | DartsChoiceField | 'latency'
>;

/** GDAS hyper-parameters edited as numbers (everything but `kind`). */
export type GdasNumberField = Exclude<keyof GdasStrategySpec, 'kind' | 'latency'>;

/** SPOS hyper-parameters edited as numbers (everything but `kind`, `search` and `constraints`). */
export type SposNumberField = Exclude<keyof SposStrategySpec, 'kind' | 'search' | 'constraints'>;

/** Multi-trial hyper-parameters edited as numbers (everything but `kind`, `search`, the warm-up's proxy and `constraints`). */
export type MultiTrialNumberField = Exclude<
  keyof MultiTrialStrategySpec,
  'kind' | 'search' | 'warmupProxy' | 'constraints'
>;

/** Zero-cost hyper-parameters edited as numbers (everything but `kind` and the proxy). */
export type ZeroCostNumberField = Exclude<keyof ZeroCostStrategySpec, 'kind' | 'proxy'>;

/** The numeric fields of each strategy kind. */
export interface NumberFieldsByKind {
  readonly darts: DartsNumberField;
  readonly gdas: GdasNumberField;
  readonly 'pc-darts': PcDartsNumberField;
  readonly spos: SposNumberField;
  readonly 'multi-trial': MultiTrialNumberField;
  readonly 'zero-cost': ZeroCostNumberField;
}

/** A numeric field of any strategy kind. */
export type StrategyNumberField = NumberFieldsByKind[StrategyKind];

/** A bound of the constraints (the strategies that take constraints). */
export type ConstraintField = keyof ConstraintsSpec;

/** A strategy with bounds on its searched subnets. */
export type ConstrainedStrategy = Extract<StrategySpec, { readonly constraints: ConstraintsSpec }>;

/** A strategy with a choice of discrete search mode. */
export type SearchingStrategy = Extract<StrategySpec, { readonly search: unknown }>;

/** The search modes the strategies offer ('evolution' or 'random'). */
export type SearchMode = SearchingStrategy['search'];

/** The constraint bounds, in form order. */
export const CONSTRAINT_FIELDS: readonly ConstraintField[] = [
  'maxParams',
  'maxFlops',
  'maxLatencyMs',
];

/** The weight-training fields every strategy has. */
const WEIGHT_SET = {
  epochs: true,
  batchSize: true,
  weightLr: true,
  weightLrMin: true,
  momentum: true,
  weightDecay: true,
  gradClip: true,
} as const;

/** The numeric fields of DARTS, which PC-DARTS shares. */
const DARTS_SET = {
  ...WEIGHT_SET,
  alphaLr: true,
  alphaBeta1: true,
  alphaBeta2: true,
  alphaWeightDecay: true,
  warmupEpochs: true,
  stableEpochs: true,
  tuneEpochs: true,
} as const;

/** Every numeric field of each kind (a missing or extra key fails to compile). */
export const NUMBER_FIELD_SETS: {
  readonly [K in StrategyKind]: Readonly<Record<NumberFieldsByKind[K], true>>;
} = {
  darts: DARTS_SET,
  gdas: {
    ...WEIGHT_SET,
    alphaLr: true,
    alphaBeta1: true,
    alphaBeta2: true,
    alphaWeightDecay: true,
    warmupEpochs: true,
    tauMax: true,
    tauMin: true,
  },
  'pc-darts': { ...DARTS_SET, partialK: true },
  spos: {
    ...WEIGHT_SET,
    generations: true,
    population: true,
    topK: true,
    mutations: true,
    crossovers: true,
    mutationProb: true,
    samples: true,
    calibrationBatches: true,
    validSubset: true,
  },
  'multi-trial': {
    ...WEIGHT_SET,
    trials: true,
    population: true,
    sample: true,
    warmupPool: true,
    calibrationBatches: true,
  },
  'zero-cost': {
    ...WEIGHT_SET,
    architectures: true,
    topK: true,
    calibrationBatches: true,
  },
};

/** Whether `field` is a numeric field of strategy kind `kind`. */
export function isNumberFieldOf<K extends StrategyKind>(
  kind: K,
  field: string,
): field is NumberFieldsByKind[K] {
  return Object.hasOwn(NUMBER_FIELD_SETS[kind], field);
}

/**
 * Where each numeric field of a strategy goes on the form: `training` (the weight-training budget),
 * `search` (the search's own settings, for the mode in effect) and `more` (folded away). Fields of
 * the other search mode are in none of them.
 */
export interface StrategyLayout {
  readonly training: readonly StrategyNumberField[];
  readonly search: readonly StrategyNumberField[];
  readonly more: readonly StrategyNumberField[];
}

/** The weight-training fields shown up front (the budget); the optimiser's others fold under "More". */
const WEIGHT_MAIN = ['epochs', 'batchSize', 'weightLr'] as const;
const WEIGHT_MORE = ['weightLrMin', 'momentum', 'weightDecay', 'gradClip'] as const;

/** SPOS evolution's fields (shown while the SPOS search is evolution). */
const SPOS_EVOLUTION = [
  'generations',
  'population',
  'topK',
  'mutations',
  'crossovers',
  'mutationProb',
] as const;

/** DARTS's layout: the alpha rate up front, DARTS+'s and perturbation's settings while they are on, the alpha Adam folded away. */
export function dartsLayout(s: DartsStrategySpec): StrategyLayout {
  return {
    training: [...WEIGHT_MAIN, 'alphaLr'],
    search: [
      ...(s.earlyStop === 'darts+' ? ['stableEpochs' as const] : []),
      ...(s.selection === 'perturbation' ? ['tuneEpochs' as const] : []),
    ],
    more: [...WEIGHT_MORE, 'warmupEpochs', 'alphaBeta1', 'alphaBeta2', 'alphaWeightDecay'],
  };
}

/** PC-DARTS's layout: DARTS's, with the partial-channel ratio K among the search's settings. */
export function pcDartsLayout(s: PcDartsStrategySpec): StrategyLayout {
  const { kind: _kind, partialK: _k, ...darts } = s;
  const layout = dartsLayout({ ...darts, kind: 'darts' });
  return { ...layout, search: ['partialK', ...layout.search] };
}

/** GDAS's layout: the alpha rate and the temperature's ends up front, the warm-up and the alpha Adam folded away. */
export function gdasLayout(): StrategyLayout {
  return {
    training: [...WEIGHT_MAIN, 'alphaLr'],
    search: ['tauMax', 'tauMin'],
    more: [...WEIGHT_MORE, 'warmupEpochs', 'alphaBeta1', 'alphaBeta2', 'alphaWeightDecay'],
  };
}

/** SPOS's layout: the supernet budget, then the search mode's settings, the subset and calibration. */
export function sposLayout(s: SposStrategySpec): StrategyLayout {
  return {
    training: WEIGHT_MAIN,
    search: [
      ...(s.search === 'random' ? ['samples' as const] : SPOS_EVOLUTION),
      'validSubset',
      'calibrationBatches',
    ],
    more: WEIGHT_MORE,
  };
}

/** Multi-trial's layout: each trial's budget with calibration, then the trials, the evolution's queue and its warm-up pool (while a proxy is chosen). */
export function multiTrialLayout(s: MultiTrialStrategySpec): StrategyLayout {
  const pool = s.warmupProxy === 'none' ? [] : ['warmupPool' as const];
  return {
    training: [...WEIGHT_MAIN, 'calibrationBatches'],
    search: s.search === 'random' ? ['trials'] : ['trials', 'population', 'sample', ...pool],
    more: WEIGHT_MORE,
  };
}

/** Zero-cost's layout: the trained architectures' budget with calibration, then how many are scored and trained. */
export function zeroCostLayout(_s: ZeroCostStrategySpec): StrategyLayout {
  return {
    training: [...WEIGHT_MAIN, 'calibrationBatches'],
    search: ['architectures', 'topK'],
    more: WEIGHT_MORE,
  };
}

/** The field names of a strategy's layout, all groups together. */
export function layoutFields(layout: StrategyLayout): readonly StrategyNumberField[] {
  return [...layout.training, ...layout.search, ...layout.more];
}
