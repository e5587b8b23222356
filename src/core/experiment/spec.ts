/** The experiment spec: one serialisable object that drives a run, a link and a saved experiment. */
import type { LatencyLossSpec } from '../latency-loss/spec';
import type { SearchSpaceSpec } from '../search-space/types';
import type { ProxyName } from '../proxies/names';
import type { WarmupProxy } from '../strategies/warmup';

/** Built-in datasets: four seeded 2D sets (as in TensorFlow Playground) and MNIST digits. */
export type BuiltInDatasetId = 'spiral' | 'circles' | 'xor' | 'gaussian' | 'mnist';

/** Every dataset: a built-in one, or 'upload' (the user's own file, described by DatasetSpec.upload). */
export type DatasetId = BuiltInDatasetId | 'upload';

/** What every uploaded dataset records of its file: enough to rebuild the supernet without the bytes, and to know the file again. */
interface UploadFileSpec {
  /** The file's name as uploaded (shown; not used to find it). */
  readonly name: string;
  /** SHA-256 of the file's bytes, 64 lowercase hex digits: the file is found (and re-checked) by it. */
  readonly hash: string;
  /** The file's size in bytes. */
  readonly bytes: number;
  /** Number of classes (distinct labels). */
  readonly classes: number;
  /** Number of examples the file gives (data rows, or images). */
  readonly rows: number;
}

/** A CSV table: one example per row, numeric feature columns and a label column (any strings). */
export interface TableUploadSpec extends UploadFileSpec {
  readonly kind: 'table';
  /** The label column's name. */
  readonly label: string;
  /** The feature columns' names, in the order they feed the network. */
  readonly features: readonly string[];
  /** Standardise each feature with the training split's mean and standard deviation. */
  readonly standardize: boolean;
}

/** Images (a zip with one folder per class, or files named by class), resized to side x side. */
export interface ImageUploadSpec extends UploadFileSpec {
  readonly kind: 'images';
  /** Side every image is resized to, in pixels. */
  readonly side: number;
  /** 1: gray; 3: RGB. */
  readonly channels: 1 | 3;
}

/** An uploaded dataset, recorded without its bytes. */
export type UploadSpec = TableUploadSpec | ImageUploadSpec;

/** Which data to train on, and how to split it (fractions of `samples`; they sum to 1). */
export interface DatasetSpec {
  readonly id: DatasetId;
  /** Number of examples drawn (2D sets) or taken from the MNIST pool (at most 10,000) or from the uploaded rows (at most upload.rows). */
  readonly samples: number;
  /** 2D sets: noise level in [0, 0.5]. Ignored for MNIST. */
  readonly noise: number;
  /** MNIST only: side length after downsampling (28, 14 or 7). */
  readonly imageSize: number;
  /** Fraction used to train weights. */
  readonly trainFraction: number;
  /** Fraction held out for the alpha (architecture) step and validation metrics. */
  readonly validFraction: number;
  /** The rest is the test split: reported at the end only. */
  /** The uploaded file and how it was read; present exactly when id is 'upload'. */
  readonly upload?: UploadSpec;
}

/** The budget and weight optimiser every strategy trains with: SGD with momentum, weight decay and gradient clipping, cosine-annealed from weightLr to weightLrMin. */
export interface WeightTrainingSpec {
  readonly epochs: number;
  readonly batchSize: number;
  readonly weightLr: number;
  readonly weightLrMin: number;
  readonly momentum: number;
  readonly weightDecay: number;
  readonly gradClip: number;
}

/** DARTS hyper-parameters (REFERENCE.md); defaults are scaled to the dataset. */
export interface DartsStrategySpec extends WeightTrainingSpec {
  readonly kind: 'darts';
  /** 1: first-order alpha gradient; 2: unrolled second-order with a finite-difference Hessian-vector product. */
  readonly order: 1 | 2;
  /** Alpha optimiser: Adam. */
  readonly alphaLr: number;
  readonly alphaBeta1: number;
  readonly alphaBeta2: number;
  readonly alphaWeightDecay: number;
  /** Epochs at the start that train the weights only; alpha steps begin after them (PC-DARTS's warm-up). 0: from the first step. */
  readonly warmupEpochs: number;
  /** DARTS+ early stopping (Liang et al. 2019): 'off', or stop at the end of the first epoch where one of its two rules holds. */
  readonly earlyStop: DartsEarlyStop;
  /** DARTS+'s second rule: stop once the ranking of every edge's ops has stayed the same for this many epochs. */
  readonly stableEpochs: number;
  /** How the final cell is chosen from the trained supernet (the magnitude cell is always derived and shown). */
  readonly selection: DartsSelection;
  /** Perturbation selection: epochs the supernet is fine-tuned after each decision (the paper: 5 on CIFAR-10). */
  readonly tuneEpochs: number;
  /** The latency-aware alpha loss (ProxylessNAS, FBNet) over this device's lookup table; form 'off' by default. */
  readonly latency: LatencyLossSpec;
}

/** The settings DARTS and the strategies built on its search step (PC-DARTS) share: every DARTS field but the kind. */
export type DartsSettings = Omit<DartsStrategySpec, 'kind'>;

/**
 * PC-DARTS (Xu et al., ICLR 2020): DARTS with partial channel connections (1/partialK of each edge's
 * channels go through the mixed op, the rest bypass it, then a channel shuffle) and edge
 * normalisation (per node, a softmax over its incoming edges' betas weighs each edge's output and
 * ranks the edges when the cell is derived). Every DARTS setting keeps its meaning.
 */
export interface PcDartsStrategySpec extends DartsSettings {
  readonly kind: 'pc-darts';
  /** Channels of an edge's input divided by those that pass through its mixed op (the paper: 4); must divide every cell's channel count. */
  readonly partialK: number;
}

/**
 * GDAS hyper-parameters (Dong & Yang 2019, REFERENCE.md): DARTS's weight and alpha optimisers, but
 * each forward pass samples one op per edge from a Gumbel-softmax over the alphas at a temperature
 * annealed linearly from `tauMax` to `tauMin` over the epochs.
 */
export interface GdasStrategySpec extends WeightTrainingSpec {
  readonly kind: 'gdas';
  /** Alpha optimiser: Adam. */
  readonly alphaLr: number;
  readonly alphaBeta1: number;
  readonly alphaBeta2: number;
  readonly alphaWeightDecay: number;
  /** Epochs at the start that train the weights only (on sampled paths); alpha steps begin after them. 0: from the first step. */
  readonly warmupEpochs: number;
  /** Gumbel-softmax temperature of the first epoch (the paper: 10). */
  readonly tauMax: number;
  /** Gumbel-softmax temperature of the last epoch (the paper: 0.1). */
  readonly tauMin: number;
  /** The latency-aware alpha loss over this device's lookup table, as DARTS's; form 'off' by default. */
  readonly latency: LatencyLossSpec;
}

/** DARTS early stopping: none, or DARTS+'s two rules (two or more skip connections in the derived normal cell; op rankings stable for `stableEpochs`). */
export type DartsEarlyStop = 'off' | 'darts+';

/** Architecture selection: 'magnitude' keeps the strongest alpha; 'perturbation' keeps the op whose removal hurts the supernet most (Wang et al. 2021). */
export type DartsSelection = 'magnitude' | 'perturbation';

/** Upper bounds on a searched subnet: stand-alone params / FLOPs (core subnetCost) and latency priced by this device's lookup table; null: no bound. */
export interface ConstraintsSpec {
  readonly maxParams: number | null;
  readonly maxFlops: number | null;
  /** Milliseconds per example (batch 1 forward pass), summed from the per-op latency table measured at the start of the search. */
  readonly maxLatencyMs: number | null;
}

/** Single Path One-Shot hyper-parameters (REFERENCE.md): supernet training, then a discrete search. */
export interface SposStrategySpec extends WeightTrainingSpec {
  /** Supernet training (the WeightTrainingSpec fields) samples one path uniformly per step. */
  readonly kind: 'spos';
  /** The search over the trained supernet: SPOS evolution or random sampling. */
  readonly search: 'evolution' | 'random';
  /** Evolution: generations, candidates per generation, parents kept, mutants and children per generation. */
  readonly generations: number;
  readonly population: number;
  readonly topK: number;
  readonly mutations: number;
  readonly crossovers: number;
  /** Evolution: probability that a mutation re-draws each choice. */
  readonly mutationProb: number;
  /** Random search: distinct subnets evaluated. */
  readonly samples: number;
  /** Training batches each subnet's BatchNorm statistics are recalibrated on before it is scored. */
  readonly calibrationBatches: number;
  /** Validation examples every candidate is scored on: one seeded subset of the validation split, the same for all (the whole split when it is no larger). */
  readonly validSubset: number;
  readonly constraints: ConstraintsSpec;
}

/**
 * Multi-trial baselines without weight sharing: each sampled subnet is trained from scratch for a
 * short budget (the WeightTrainingSpec fields are that per-trial budget) and scored on the
 * validation split. Random search, or regularized (aging) evolution (Real et al.).
 */
export interface MultiTrialStrategySpec extends WeightTrainingSpec {
  readonly kind: 'multi-trial';
  readonly search: 'random' | 'evolution';
  /** Subnets trained in all: random samples, or aging evolution's cycles (first population included). */
  readonly trials: number;
  /** Aging evolution: members of the queue, and members drawn to pick each parent. */
  readonly population: number;
  readonly sample: number;
  /**
   * Aging evolution's zero-cost warm-up (Abdelfattah et al. 2021): the proxy that scores a pool of
   * `warmupPool` architectures at initialisation, whose best-scored become the first population;
   * 'none' (the default): a random first population. Random search ignores both.
   */
  readonly warmupProxy: WarmupProxy;
  /** Architectures the warm-up scores (distinct, meeting the constraints; capped by the space's size). */
  readonly warmupPool: number;
  /** Training batches each trained subnet's BatchNorm statistics are recalibrated on before it is scored. */
  readonly calibrationBatches: number;
  readonly constraints: ConstraintsSpec;
}

/**
 * Training-free search (Abdelfattah et al. 2021): every architecture of the space (a seeded sample
 * of `architectures` when it has more than 20,000) scored at initialisation by one zero-cost proxy, then
 * the `topK` best-scored trained stand-alone (the WeightTrainingSpec fields are that budget) and
 * scored with every proxy, so the run shows which proxy ranked them best.
 */
export interface ZeroCostStrategySpec extends WeightTrainingSpec {
  readonly kind: 'zero-cost';
  /** The proxy that ranks the space. */
  readonly proxy: ProxyName;
  /** Architectures scored when the space has more than 20,000 (distinct, seeded); smaller spaces are scored whole. */
  readonly architectures: number;
  /** Best-scored architectures trained stand-alone after scoring (0: none). */
  readonly topK: number;
  /** Training batches each trained architecture's BatchNorm statistics are recalibrated on before it is scored. */
  readonly calibrationBatches: number;
}

/** Every search strategy, told apart by `kind`. */
export type StrategySpec =
  | DartsStrategySpec
  | GdasStrategySpec
  | PcDartsStrategySpec
  | SposStrategySpec
  | MultiTrialStrategySpec
  | ZeroCostStrategySpec;

/** The strategy kinds, in the order the form offers them. */
export type StrategyKind = StrategySpec['kind'];

/** The whole experiment. `version` lets links and saved files be migrated. */
export interface ExperimentSpec {
  readonly version: 1;
  readonly name: string;
  readonly seed: number;
  readonly space: SearchSpaceSpec;
  readonly dataset: DatasetSpec;
  readonly strategy: StrategySpec;
}

/** The shape of one example as the supernet sees it, and the class count. */
export type InputShape =
  | { readonly kind: 'vector'; readonly features: number }
  | {
      readonly kind: 'image';
      readonly height: number;
      readonly width: number;
      readonly channels: number;
    };

/** One split of a dataset as plain typed arrays (row-major; images NHWC). */
export interface DataSplit {
  readonly x: Float32Array;
  readonly y: Int32Array;
  readonly count: number;
}

/** A loaded dataset: input shape, class count and the three seeded splits. */
export interface LoadedDataset {
  readonly id: DatasetId;
  readonly input: InputShape;
  readonly classes: number;
  readonly train: DataSplit;
  readonly valid: DataSplit;
  readonly test: DataSplit;
}
