/** The numeric fields of the experiment form: labels and one-line help, keyed by spec field name. */
import type { DatasetNumberField, StrategyNumberField } from '../../store/experiment-slice';

/** How one numeric field is shown. */
export interface FieldInfo {
  readonly label: string;
  readonly help: string;
  /** Whole numbers only (shown with a numeric keypad hint). */
  readonly integer?: boolean;
}

/** DARTS hyper-parameters, in form order. */
export const STRATEGY_FIELDS: Record<StrategyNumberField, FieldInfo> = {
  epochs: { label: 'Epochs', help: 'Passes over the weight split.', integer: true },
  batchSize: {
    label: 'Batch size',
    help: 'Examples per weight step and per alpha step.',
    integer: true,
  },
  weightLr: {
    label: 'Weight learning rate',
    help: 'SGD start rate, cosine-annealed down to the minimum.',
  },
  weightLrMin: { label: 'Weight learning rate (min)', help: 'Where the cosine schedule ends.' },
  momentum: { label: 'Momentum', help: 'SGD momentum for the network weights.' },
  weightDecay: { label: 'Weight decay', help: 'L2 penalty on the network weights.' },
  gradClip: { label: 'Gradient clip', help: 'Largest global norm of the weight gradient.' },
  alphaLr: { label: 'Alpha learning rate', help: 'Adam rate for the architecture weights.' },
  alphaBeta1: { label: 'Alpha β1', help: 'Adam first-moment decay for the alphas.' },
  alphaBeta2: { label: 'Alpha β2', help: 'Adam second-moment decay for the alphas.' },
  alphaWeightDecay: { label: 'Alpha weight decay', help: 'L2 penalty on the alphas.' },
};

/** Dataset settings shown for every dataset, for 2D sets only, and for MNIST only. */
export const DATASET_FIELDS: Record<Exclude<DatasetNumberField, 'imageSize'>, FieldInfo> = {
  samples: {
    label: 'Samples',
    help: 'Examples drawn (2D) or taken from the digit pool (MNIST).',
    integer: true,
  },
  noise: { label: 'Noise', help: 'Jitter added to the 2D points.' },
  trainFraction: { label: 'Weight split', help: 'Fraction of samples that trains the weights.' },
  validFraction: {
    label: 'Alpha split',
    help: 'Fraction held out for the alpha step and validation; the rest is the test split.',
  },
};

/** The seed field. */
export const SEED_FIELD: FieldInfo = {
  label: 'Seed',
  help: 'Fixes data, initial weights and batch order.',
  integer: true,
};

/** MNIST side lengths on offer. */
export const IMAGE_SIZES = [28, 14, 7] as const;

/** Every field name the form shows, for mapping problems onto fields. */
export const FORM_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(STRATEGY_FIELDS),
  ...Object.keys(DATASET_FIELDS),
  'imageSize',
  'seed',
]);
