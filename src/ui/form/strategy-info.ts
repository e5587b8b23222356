/** What the strategy part of the form says: each kind, search mode, numeric field and constraint, in plain words. */
import type { StrategyKind } from '../../core/experiment/spec';
import type {
  ConstraintField,
  NumberFieldsByKind,
  StrategyNumberField,
} from '../../store/strategy-fields';
import type { FieldInfo } from './fields';

/** The weight optimiser's fields, shared by every kind. */
const WEIGHT: Record<
  Exclude<
    NumberFieldsByKind['darts'],
    `alpha${string}` | 'warmupEpochs' | 'stableEpochs' | 'tuneEpochs'
  >,
  FieldInfo
> = {
  epochs: { label: 'Epochs', help: 'Passes over the weight split.', integer: true },
  batchSize: { label: 'Batch size', help: 'Examples per weight step.', integer: true },
  weightLr: {
    label: 'Weight learning rate',
    help: 'SGD start rate, cosine-annealed down to the minimum.',
  },
  weightLrMin: { label: 'Weight learning rate (min)', help: 'Where the cosine schedule ends.' },
  momentum: { label: 'Momentum', help: 'SGD momentum for the network weights.' },
  weightDecay: { label: 'Weight decay', help: 'L2 penalty on the network weights.' },
  gradClip: { label: 'Gradient clip', help: 'Largest global norm of the weight gradient.' },
};

const CALIBRATION: FieldInfo = {
  label: 'Calibration batches',
  help: 'Training batches that re-estimate each subnet’s BatchNorm statistics before it is scored.',
  integer: true,
};

/** Label and help of DARTS's numeric fields (PC-DARTS shares them). */
const DARTS_FIELDS: Record<NumberFieldsByKind['darts'], FieldInfo> = {
  ...WEIGHT,
  batchSize: { ...WEIGHT.batchSize, help: 'Examples per weight step and per alpha step.' },
  alphaLr: { label: 'Alpha learning rate', help: 'Adam rate for the architecture weights.' },
  alphaBeta1: { label: 'Alpha β1', help: 'Adam first-moment decay for the alphas.' },
  alphaBeta2: { label: 'Alpha β2', help: 'Adam second-moment decay for the alphas.' },
  alphaWeightDecay: { label: 'Alpha weight decay', help: 'L2 penalty on the alphas.' },
  warmupEpochs: {
    label: 'Warm-up epochs',
    help: 'Epochs that train only the weights before the alphas start to move (PC-DARTS).',
    integer: true,
  },
  stableEpochs: {
    label: 'Stable epochs',
    help: 'DARTS+ stops once every edge has kept the same ranking of its ops this many epochs.',
    integer: true,
  },
  tuneEpochs: {
    label: 'Tuning epochs',
    help: 'Epochs the supernet is fine-tuned after each perturbation decision (the paper uses 5).',
    integer: true,
  },
};

/** Label and help of every numeric field, per kind. */
const FIELDS: { readonly [K in StrategyKind]: Record<NumberFieldsByKind[K], FieldInfo> } = {
  darts: DARTS_FIELDS,
  'pc-darts': {
    ...DARTS_FIELDS,
    partialK: {
      label: 'Partial channels K',
      help: '1/K of each edge’s channels go through its mixed op, the rest bypass it (PC-DARTS: 4); K must divide the cells’ channels.',
      integer: true,
    },
  },
  gdas: {
    ...WEIGHT,
    batchSize: { ...WEIGHT.batchSize, help: 'Examples per weight step and per alpha step.' },
    alphaLr: { label: 'Alpha learning rate', help: 'Adam rate for the architecture weights.' },
    alphaBeta1: { label: 'Alpha β1', help: 'Adam first-moment decay for the alphas.' },
    alphaBeta2: { label: 'Alpha β2', help: 'Adam second-moment decay for the alphas.' },
    alphaWeightDecay: { label: 'Alpha weight decay', help: 'L2 penalty on the alphas.' },
    warmupEpochs: {
      label: 'Warm-up epochs',
      help: 'Epochs that train only the weights (on sampled paths) before the alphas start to move.',
      integer: true,
    },
    tauMax: {
      label: 'First temperature (τ)',
      help: 'Gumbel-softmax temperature of the first epoch; it falls linearly to the last one (the paper: 10).',
    },
    tauMin: {
      label: 'Last temperature (τ)',
      help: 'Gumbel-softmax temperature of the last epoch (the paper: 0.1); a low τ makes the straight-through gradient follow the sampled op more closely.',
    },
  },
  spos: {
    ...WEIGHT,
    epochs: { ...WEIGHT.epochs, help: 'Passes over the weight split while the supernet trains.' },
    batchSize: { ...WEIGHT.batchSize, help: 'Examples per supernet step (one sampled path each).' },
    generations: { label: 'Generations', help: 'Rounds of the evolution.', integer: true },
    population: {
      label: 'Population',
      help: 'Subnets scored per generation.',
      integer: true,
    },
    topK: { label: 'Top-k parents', help: 'Best subnets kept as parents.', integer: true },
    mutations: {
      label: 'Mutations',
      help: 'Children per generation made by mutating a parent.',
      integer: true,
    },
    crossovers: {
      label: 'Crossovers',
      help: 'Children per generation made by crossing two parents.',
      integer: true,
    },
    mutationProb: {
      label: 'Mutation probability',
      help: 'Chance that a mutation re-draws each choice of the genotype.',
    },
    samples: {
      label: 'Samples',
      help: 'Distinct subnets drawn and scored with inherited weights.',
      integer: true,
    },
    validSubset: {
      label: 'Validation subset',
      help: 'Validation examples every subnet is scored on: one seeded subset, the same for all (the whole split when it is smaller).',
      integer: true,
    },
    calibrationBatches: CALIBRATION,
  },
  'multi-trial': {
    ...WEIGHT,
    epochs: { ...WEIGHT.epochs, help: 'Passes over the weight split for each trial.' },
    batchSize: { ...WEIGHT.batchSize, help: 'Examples per weight step of each trial.' },
    trials: {
      label: 'Trials',
      help: 'Subnets trained from scratch in all (evolution: its first population included).',
      integer: true,
    },
    population: {
      label: 'Population',
      help: 'Subnets in the aging queue; the oldest leaves as each child joins.',
      integer: true,
    },
    sample: {
      label: 'Tournament sample',
      help: 'Queue members drawn to pick each parent (the best of them).',
      integer: true,
    },
    warmupPool: {
      label: 'Warm-up pool',
      help: 'Architectures scored by the warm-up proxy at initialisation (capped by the space’s size); the best-scored become the first population.',
      integer: true,
    },
    calibrationBatches: CALIBRATION,
  },
  'zero-cost': {
    ...WEIGHT,
    epochs: {
      ...WEIGHT.epochs,
      help: 'Passes over the weight split for each top-k architecture trained stand-alone.',
    },
    batchSize: {
      ...WEIGHT.batchSize,
      help: 'Examples per weight step of each stand-alone training (the proxies use 64).',
    },
    architectures: {
      label: 'Architectures scored',
      help: 'Distinct architectures drawn from a space larger than 20,000; a smaller space is scored whole.',
      integer: true,
    },
    topK: {
      label: 'Top-k trained',
      help: 'The best-scored architectures trained stand-alone and scored with every proxy (5 or more for a rank correlation).',
      integer: true,
    },
    calibrationBatches: CALIBRATION,
  },
};

/** Label and help of numeric field `field` of strategy kind `kind`. */
export function strategyFieldInfo(kind: StrategyKind, field: StrategyNumberField): FieldInfo {
  const byKind: Partial<Record<StrategyNumberField, FieldInfo>> = FIELDS[kind];
  return byKind[field] ?? { label: field, help: '' };
}

/** Label and help of each constraint; an empty field means no bound. */
export const CONSTRAINT_INFO: Record<ConstraintField, FieldInfo> = {
  maxParams: {
    label: 'Max params',
    help: 'Stand-alone parameters of a subnet. Empty: no bound.',
    integer: true,
  },
  maxFlops: {
    label: 'Max FLOPs',
    help: 'Multiply-accumulates per example. Empty: no bound.',
    integer: true,
  },
  maxLatencyMs: {
    label: 'Max latency (ms)',
    help: 'Milliseconds per example, measured on this device when the search starts. Empty: no bound.',
  },
};
