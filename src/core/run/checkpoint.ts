/**
 * A run checkpoint: everything the engine needs to carry a run on from a step boundary as if it had
 * never stopped (weights, optimiser state, step counters, finished trials, the latency table).
 * Plain data only: it crosses the worker boundary and is stored in IndexedDB by structured clone.
 */
import type { LatencyTable } from '../cost/latency-key';
import type { StrategyKind } from '../experiment/spec';

/** Version of the checkpoint layout; a stored checkpoint of another version is not resumed. */
export const CHECKPOINT_VERSION = 1;

/** One tensor's values and shape. */
export interface TensorRecord {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** The finished trial of a multi-trial run: its scores, so a resumed run need not train it again. */
export interface TrialMemo {
  readonly key: string;
  readonly steps: number;
  readonly trainLoss: number;
  readonly validAcc: number;
  readonly validLoss: number;
  readonly testAcc: number;
  readonly testLoss: number;
}

/**
 * What a DARTS run's collapse diagnostics carry from epoch to epoch: the last Hessian eigenvector
 * (the next power iteration starts from it), the last op ranking of every edge, and for how many
 * epochs in a row it has held.
 */
export interface DiagnosticsMemo {
  readonly eigenvector: Float64Array | null;
  readonly ranking: readonly (readonly number[])[] | null;
  readonly stableFor: number;
}

/** A run's state at a step boundary (the end of an epoch, or of a trial). */
export interface RunCheckpoint {
  readonly version: number;
  readonly strategy: StrategyKind;
  /** Training steps done (across trials for multi-trial). */
  readonly step: number;
  /** Supernet epochs done (DARTS, SPOS), or trials done (multi-trial). */
  readonly epoch: number;
  /** Active training time so far, ms. */
  readonly activeMs: number;
  /** Network weights in creation order (empty for multi-trial). */
  readonly weights: readonly TensorRecord[];
  /** Architecture parameters (DARTS alphas: normal, then reduce); empty otherwise. */
  readonly alphas: readonly TensorRecord[];
  /** SGD momentum buffers, one per weight. */
  readonly velocity: readonly TensorRecord[];
  /** Adam first and second moments (one per alpha variable) and its step count (DARTS). */
  readonly adamM: readonly TensorRecord[];
  readonly adamS: readonly TensorRecord[];
  readonly adamT: number;
  /** Trials finished so far, in evaluation order (multi-trial). */
  readonly trials: readonly TrialMemo[];
  /** The latency table the run priced subnets with, once measured (SPOS, multi-trial). */
  readonly latency: LatencyTable | null;
  /** DARTS: the collapse diagnostics' memory (absent in checkpoints saved before diagnostics existed). */
  readonly diagnostics?: DiagnosticsMemo;
  /** Zero-cost: the proxy scores so far and every proxy's scores of the trained architectures (absent for other kinds). */
  readonly zeroCost?: ZeroCostMemo;
  /** Multi-trial evolution with a zero-cost warm-up: the warm-up proxy's scores of the pool so far, in pool order (absent without a warm-up). */
  readonly warmup?: WarmupMemo;
}

/** What a multi-trial run's zero-cost warm-up carries from checkpoint to checkpoint. */
export interface WarmupMemo {
  /** The warm-up proxy's score of each pool member scored so far, in pool order. */
  readonly scores: Float64Array;
}

/** What a zero-cost run carries from checkpoint to checkpoint (its trained architectures are its `trials`). */
export interface ZeroCostMemo {
  /** The chosen proxy's score of each architecture scored so far, in scoring order. */
  readonly scores: Float64Array;
  /** Per trained architecture (in `trials` order), every proxy's score in PROXY_NAMES order. */
  readonly trainedProxies: readonly Float64Array[];
}
