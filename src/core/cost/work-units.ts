/**
 * The vocabulary of a run's work: the kinds of unit it is counted in, the phases it is reported
 * in, and the small counting rules every strategy's count shares.
 */

/** The kinds of unit a run is counted in, each with what one unit is. */
export const WORK_UNITS = {
  searchStep:
    'a first-order DARTS step: the alpha gradient on a validation batch and its Adam update, then the weight step, read back once',
  weightStep:
    'a weight step of the supernet: forward, backward to the weights and the SGD update, on a training batch',
  alphaPass:
    'an alpha gradient of the supernet: forward and backward to the alphas, on a batch (timed as the Hessian takes it)',
  supernetExample: 'one example through the supernet (all ops, weighted by the alphas), forward',
  pathStep: 'a SPOS weight step: one sampled op on every edge of the supernet, on a training batch',
  subnetStep: 'a weight step of one subnet (a genotype: its kept edges only), on a training batch',
  subnetExample:
    'one example through a subnet (a genotype), forward: scoring or BatchNorm calibration',
  latencyEntry: 'one latency-table entry: its priming measurement and its kept measurement',
  subnetTiming: 'one whole subnet timed end to end at batch 1 (the latency check)',
} as const;

/** A kind of unit of work. */
export type WorkUnit = keyof typeof WORK_UNITS;

/** Every kind of unit, in a fixed order. */
export const WORK_UNIT_NAMES = Object.keys(WORK_UNITS) as readonly WorkUnit[];

/** The parts of a run its work is reported in. */
export const WORK_PHASES = [
  'training',
  'evaluation',
  'diagnostics',
  'selection',
  'latency',
  'scoring',
  'check',
] as const;

/** A part of a run. */
export type WorkPhase = (typeof WORK_PHASES)[number];

/** `count` units of kind `unit` done in phase `phase`. */
export interface WorkItem {
  readonly phase: WorkPhase;
  readonly unit: WorkUnit;
  readonly count: number;
}

/** All the work of a run, item by item (an item with count 0 is left out). */
export type RunWork = readonly WorkItem[];

/** Engine settings the counts depend on; the engine hands them in (core does not import it). */
export interface EngineWorkSettings {
  /** Validation examples the per-epoch Hessian is taken over (engine HESSIAN_EXAMPLES). */
  readonly hessianExamples: number;
  /** Hessian-vector products per epoch at most (engine EIGEN_DEFAULTS.maxIterations). */
  readonly hessianProducts: number;
  /** Subnets timed end to end after a discrete search, at most (engine CHECKED_SUBNETS). */
  readonly checkedSubnets: number;
}

/** What a run's work depends on beyond its spec. */
export interface WorkContext {
  readonly engine: EngineWorkSettings;
  /** Latency-table entries the run will measure (a cached table may hold some); all the space's when absent. */
  readonly latencyEntries?: number;
}

/** Example counts of the three splits, as loadDataset cuts them. */
export interface SplitSizes {
  readonly train: number;
  readonly valid: number;
  readonly test: number;
}

/** Weight steps in one epoch over `train` examples in batches of `batchSize`. */
export function stepsPerEpoch(train: number, batchSize: number): number {
  return Math.ceil(train / batchSize);
}

/** Examples BatchNorm recalibration runs through: `batches` training batches, at most the whole split. */
export function calibrationExamples(train: number, batchSize: number, batches: number): number {
  return Math.min(batches * batchSize, train);
}

/** Items in the order given, dropping empty ones. */
export function items(list: readonly WorkItem[]): RunWork {
  return list.filter((i) => i.count > 0);
}
