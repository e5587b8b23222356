/** The numeric fields of each strategy kind, and which of them the form shows for a strategy and its search mode. */
import type {
  ConstraintsSpec,
  DartsStrategySpec,
  MultiTrialStrategySpec,
  SposStrategySpec,
  StrategyKind,
  StrategySpec,
} from '../core/experiment/spec';

/** DARTS hyper-parameters edited as numbers (everything but `kind` and the choices). */
export type DartsNumberField = Exclude<keyof DartsStrategySpec, 'kind' | DartsChoiceField>;

/** DARTS settings chosen from a list: the order, early stopping and the selection rule. */
export type DartsChoiceField = 'order' | 'earlyStop' | 'selection';

/** SPOS hyper-parameters edited as numbers (everything but `kind`, `search` and `constraints`). */
export type SposNumberField = Exclude<keyof SposStrategySpec, 'kind' | 'search' | 'constraints'>;

/** Multi-trial hyper-parameters edited as numbers (everything but `kind`, `search` and `constraints`). */
export type MultiTrialNumberField = Exclude<
  keyof MultiTrialStrategySpec,
  'kind' | 'search' | 'constraints'
>;

/** The numeric fields of each strategy kind. */
export interface NumberFieldsByKind {
  readonly darts: DartsNumberField;
  readonly spos: SposNumberField;
  readonly 'multi-trial': MultiTrialNumberField;
}

/** A numeric field of any strategy kind. */
export type StrategyNumberField = NumberFieldsByKind[StrategyKind];

/** A bound of the constraints (SPOS and multi-trial). */
export type ConstraintField = keyof ConstraintsSpec;

/** The search modes SPOS and multi-trial offer (both 'evolution' or 'random'). */
export type SearchMode = SposStrategySpec['search'] | MultiTrialStrategySpec['search'];

/** The constraint bounds, in form order. */
export const CONSTRAINT_FIELDS: readonly ConstraintField[] = [
  'maxParams',
  'maxFlops',
  'maxLatencyMs',
];

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

/** Every numeric field of each kind (a missing or extra key fails to compile). */
const FIELD_SETS: { readonly [K in StrategyKind]: Readonly<Record<NumberFieldsByKind[K], true>> } =
  {
    darts: {
      epochs: true,
      batchSize: true,
      weightLr: true,
      weightLrMin: true,
      momentum: true,
      weightDecay: true,
      gradClip: true,
      alphaLr: true,
      alphaBeta1: true,
      alphaBeta2: true,
      alphaWeightDecay: true,
      warmupEpochs: true,
      stableEpochs: true,
      tuneEpochs: true,
    },
    spos: {
      epochs: true,
      batchSize: true,
      weightLr: true,
      weightLrMin: true,
      momentum: true,
      weightDecay: true,
      gradClip: true,
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
      epochs: true,
      batchSize: true,
      weightLr: true,
      weightLrMin: true,
      momentum: true,
      weightDecay: true,
      gradClip: true,
      trials: true,
      population: true,
      sample: true,
      calibrationBatches: true,
    },
  };

/** Whether `field` is a numeric field of strategy kind `kind`. */
export function isNumberFieldOf<K extends StrategyKind>(
  kind: K,
  field: string,
): field is NumberFieldsByKind[K] {
  return Object.hasOwn(FIELD_SETS[kind], field);
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

/** The form layout of `s`: DARTS with its alpha optimiser, SPOS and multi-trial by search mode. */
export function strategyLayout(s: StrategySpec): StrategyLayout {
  if (s.kind === 'darts') {
    return {
      training: [...WEIGHT_MAIN, 'alphaLr'],
      search: [
        ...(s.earlyStop === 'darts+' ? ['stableEpochs' as const] : []),
        ...(s.selection === 'perturbation' ? ['tuneEpochs' as const] : []),
      ],
      more: [...WEIGHT_MORE, 'warmupEpochs', 'alphaBeta1', 'alphaBeta2', 'alphaWeightDecay'],
    };
  }
  if (s.kind === 'spos') {
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
  return {
    training: [...WEIGHT_MAIN, 'calibrationBatches'],
    search: s.search === 'random' ? ['trials'] : ['trials', 'population', 'sample'],
    more: WEIGHT_MORE,
  };
}

/** The field names of a strategy's layout, all groups together. */
export function layoutFields(layout: StrategyLayout): readonly StrategyNumberField[] {
  return [...layout.training, ...layout.search, ...layout.more];
}

/** The value of numeric field `field` of `s`, or undefined when the kind has no such field. */
export function strategyNumber(s: StrategySpec, field: StrategyNumberField): number | undefined {
  if (s.kind === 'darts') return isNumberFieldOf('darts', field) ? s[field] : undefined;
  if (s.kind === 'spos') return isNumberFieldOf('spos', field) ? s[field] : undefined;
  return isNumberFieldOf('multi-trial', field) ? s[field] : undefined;
}
