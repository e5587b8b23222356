/** The dataset and seed fields of the experiment form: labels and one-line help, keyed by spec field name. */
import type { DatasetNumberField } from '../../store/experiment-slice';

/** How one numeric field is shown. */
export interface FieldInfo {
  readonly label: string;
  readonly help: string;
  /** Whole numbers only (shown with a numeric keypad hint). */
  readonly integer?: boolean;
}

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
    label: 'Validation split',
    help: 'Fraction held out for validation (and DARTS’s alpha step); the rest is the test split.',
  },
};

/** The seed field. */
export const SEED_FIELD: FieldInfo = {
  label: 'Seed',
  help: 'Fixes data, initial weights, batch order and the sampled subnets.',
  integer: true,
};

/** MNIST side lengths on offer. */
export const IMAGE_SIZES = [28, 14, 7] as const;
