/** What crosses the worker boundary: backend reports, run events, and the engine API. Plain data only. */
import type { RunEstimate } from '../cost/run-estimate';
import type { ExperimentSpec, WeightTrainingSpec } from '../experiment/spec';
import type { EarlyStopRule } from '../diagnostics/collapse';
import type { SelectionDecision } from '../search-space/selection';
import type { CellRole, Genotype } from '../search-space/types';
import type { Origin } from '../strategies/types';
import type { ProxyName } from '../proxies/names';
import type { BoundaryFrame } from './boundary';
import type { RunCheckpoint } from './checkpoint';

/** A tfjs backend the studio can run on. */
export type BackendName = 'webgpu' | 'wasm' | 'webgl' | 'cpu';

/** The user's backend choice: a backend, or auto negotiation. */
export type BackendChoice = 'auto' | BackendName;

/** The result of trying one backend during negotiation. */
export interface BackendProbe {
  readonly backend: BackendName;
  readonly ok: boolean;
  /** Median ms of the timed probe step, when one ran. */
  readonly msPerStep: number | null;
  /** Why it was skipped, failed, or how it fared, in plain words. */
  readonly note: string;
}

/** The wasm backend's thread count, and why it is below the machine's cores (null when it is not). */
export interface WasmThreads {
  readonly count: number;
  readonly limit: string | null;
}

/** The backend a run uses and why; every fallback is explained in `reason` and `probes`. */
export interface BackendReport {
  readonly backend: BackendName;
  readonly choice: BackendChoice;
  readonly reason: string;
  readonly probes: readonly BackendProbe[];
  /** On wasm in a browser: the threads it runs on. */
  readonly threads?: WasmThreads;
}

/** One edge of a searched cell as charts label it. */
export interface EdgeLabel {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly ops: readonly string[];
}

/** Per searched cell, softmax(alpha) flattened row-major over `[edge][op]`. */
export type AlphaSnapshot = Partial<Record<CellRole, Float32Array>>;

/** Run lifecycle states. */
export type RunStatus = 'idle' | 'running' | 'paused' | 'finished' | 'stopped' | 'failed';

/** Final numbers of a run. */
export interface FinalMetrics {
  readonly trainAcc: number;
  readonly validAcc: number;
  readonly testAcc: number;
  readonly trainLoss: number;
  readonly validLoss: number;
  readonly testLoss: number;
}

/** What a run announces before its first step: budget, split sizes, the searched cells' edges. */
export interface RunStarted {
  readonly totalSteps: number;
  readonly stepsPerEpoch: number;
  readonly cells: Partial<Record<CellRole, readonly EdgeLabel[]>>;
  readonly trainCount: number;
  readonly validCount: number;
  readonly testCount: number;
  readonly paramCount: number;
}

/** The end of a run: final genotype, metrics and softmax alphas (empty for strategies without alphas, e.g. SPOS). */
export interface RunFinished {
  readonly step: number;
  readonly genotype: Genotype;
  readonly metrics: FinalMetrics;
  readonly weights: AlphaSnapshot;
  /** PC-DARTS: per searched cell, each edge's weight (the softmax of its beta over the edges into its node); absent otherwise. */
  readonly edgeWeights?: AlphaSnapshot;
}

/**
 * The part of a run in progress: SPOS supernet training, measuring the latency lookup table, the
 * search over subnets (inherited weights, or short stand-alone trainings), timing a few whole
 * subnets end to end to check the table, and (DARTS) perturbation-based selection after training.
 */
export type RunPhase = 'supernet' | 'latency' | 'search' | 'check' | 'selection' | 'standalone';

/** How a subnet's accuracy was obtained: weights inherited from the trained supernet, a short training from scratch, or none (a zero-cost proxy score at initialisation; accuracy NaN). */
export type SubnetEvaluation = 'inherited' | 'standalone' | 'proxy';

/** One subnet a search evaluated (plain data): validation accuracy and stand-alone cost. */
export interface SubnetRecord {
  /** `genotypeKey` of the genotype: unique within a run. */
  readonly key: string;
  readonly genotype: Genotype;
  /** Validation accuracy, obtained as `evaluation` says. */
  readonly accuracy: number;
  readonly evaluation: SubnetEvaluation;
  readonly params: number;
  readonly flops: number;
  /** Latency (ms per example) priced by this run's lookup table; null when the table could not be measured. */
  readonly latencyMs: number | null;
  /** Evolution generation (0 for the first), or 0 for random search. */
  readonly generation: number;
  readonly origin: Origin;
  /** Zero-cost runs: the proxy scores taken at initialisation (NaN where a proxy is undefined). */
  readonly proxies?: Readonly<Partial<Record<ProxyName, number>>>;
  /** A repeats file (one experiment run once per seed): the seed of the run whose final result this record is. */
  readonly seed?: number;
}

/** One training step: its loss and accuracy on the batch, the alpha-step loss (NaN where a strategy has none), active time so far. */
export interface RunStep {
  readonly step: number;
  readonly epoch: number;
  readonly trainLoss: number;
  readonly trainAcc: number;
  readonly alphaLoss: number;
  readonly elapsedMs: number;
}

/**
 * Collapse diagnostics of a DARTS search at the end of one epoch (RobustDARTS, DARTS+), read off
 * the supernet after that epoch's validation.
 */
export interface EpochDiagnostics {
  readonly epoch: number;
  readonly step: number;
  /**
   * The dominant eigenvalue of the Hessian of the validation loss with respect to the alphas
   * (power iteration on finite-difference Hessian-vector products over a fixed validation sample);
   * null during warm-up epochs, where the alphas do not train.
   */
  readonly hessianEigenvalue: number | null;
  /** Skip connections, parameter-free ops and all ops chosen by the derived normal cell. */
  readonly skipCount: number;
  readonly parameterFreeCount: number;
  readonly opCount: number;
  /** Epochs in a row that every edge has kept the same ranking of its ops (DARTS+'s second rule). */
  readonly stableEpochs: number;
  /** Mean normalised entropy of the softmax(α) rows (1: uniform, 0: one-hot); null when no edge has a choice. */
  readonly alphaEntropy: number | null;
}

/** Why and when DARTS+ stopped a search early. */
export interface EarlyStop {
  readonly rule: EarlyStopRule;
  readonly epoch: number;
  readonly step: number;
  readonly message: string;
}

/** The latency lookup table a run measured (or reused) on its backend and device. */
export interface LatencyTableSummary {
  readonly backend: string;
  /** The device as the worker can name it (GPU adapter, or the CPU side for wasm / cpu). */
  readonly device: string;
  /** Examples per timed forward pass. */
  readonly batch: number;
  /** Entries the space needs, how many were measured by this run and how many reused from an earlier table. */
  readonly entries: number;
  readonly measured: number;
  readonly reused: number;
  /** Wall time spent measuring, ms. */
  readonly elapsedMs: number;
}

/** A differentiable search's expected latency E[LAT] after one epoch (its latency loss on). */
export interface ExpectedLatencyPoint {
  readonly epoch: number;
  readonly step: number;
  /** E[LAT] of the supernet, ms per example on the run's lookup table. */
  readonly expectedMs: number;
  /** The loss's target latency, ms. */
  readonly targetMs: number;
}

/** One whole subnet timed end to end, next to the table's prediction for it. */
export interface LatencyCheck {
  readonly key: string;
  readonly predictedMs: number;
  readonly measuredMs: number;
}

/** Everything a run reports, in order; the store folds these into run state. */
export type RunEvent =
  | { readonly type: 'backend'; readonly report: BackendReport }
  | ({ readonly type: 'started' } & RunStarted)
  /** One weight step (plus alpha step) done: training loss/accuracy on its batch. */
  | ({ readonly type: 'step' } & RunStep)
  /** Evaluation on the validation split (every epoch, and at the end). */
  | {
      readonly type: 'eval';
      readonly step: number;
      readonly epoch: number;
      readonly validLoss: number;
      readonly validAcc: number;
    }
  | { readonly type: 'alphas'; readonly step: number; readonly weights: AlphaSnapshot }
  | { readonly type: 'genotype'; readonly step: number; readonly genotype: Genotype }
  | {
      readonly type: 'status';
      readonly status: RunStatus;
      readonly step: number;
      readonly message: string;
    }
  /** A one-shot run enters a phase (SPOS: supernet training, then the search). */
  | { readonly type: 'phase'; readonly phase: RunPhase; readonly message: string }
  /** Progress through a phase without training steps (latency entries measured, subnets evaluated, subnets timed). */
  | {
      readonly type: 'progress';
      readonly phase: RunPhase;
      readonly done: number;
      readonly total: number;
    }
  /** A search evaluated one more subnet. */
  | { readonly type: 'subnet'; readonly record: SubnetRecord }
  /** A subnet already recorded was evaluated again (a zero-cost run's architecture, trained stand-alone): its record replaces the one of the same key. */
  | { readonly type: 'subnet-update'; readonly record: SubnetRecord }
  /** The latency table is ready (after the 'latency' phase); records carry latencies priced by it. */
  | { readonly type: 'latency-table'; readonly table: LatencyTableSummary }
  /** Whole subnets timed end to end after the search (the 'check' phase). */
  | { readonly type: 'latency-check'; readonly checks: readonly LatencyCheck[] }
  /** A differentiable search's expected latency after an epoch (latency loss on; before its 'eval'). */
  | ({ readonly type: 'expected-latency' } & ExpectedLatencyPoint)
  /** A DARTS epoch's collapse diagnostics (after its 'eval'). */
  | ({ readonly type: 'diagnostics' } & EpochDiagnostics)
  /** DARTS+ stopped the search after an epoch; the run goes on to selection and 'finished'. */
  | ({ readonly type: 'early-stop' } & EarlyStop)
  /** Perturbation-based selection's decisions (before its 'subnet' event). */
  | { readonly type: 'selection'; readonly decisions: readonly SelectionDecision[] }
  /** A DARTS run on 2-feature data: the supernet's and the derived cell's predicted class over a grid (boundary.ts: every few epochs). */
  | { readonly type: 'boundary'; readonly frame: BoundaryFrame }
  /** The run's state at a step boundary (end of a supernet epoch, or of a trial), to resume from after a reload. */
  | { readonly type: 'checkpoint'; readonly checkpoint: RunCheckpoint }
  /**
   * The GPU device behind the run's backend was lost mid-run (a driver reset, `device.destroy()`):
   * a 'failed' status follows at once, and the page carries the run on on wasm from its last
   * checkpoint. Nothing the engine computed after the loss is sent.
   */
  | {
      readonly type: 'backend-lost';
      readonly backend: BackendName;
      readonly step: number;
      readonly message: string;
    }
  | ({ readonly type: 'finished' } & RunFinished);

/** Receives batches of events (throttled to at most ~30 batches a second). */
export type EventSink = (events: RunEvent[]) => void;

/** Train one subnet of a run's space from scratch in the worker (the "train stand-alone" button). */
export interface StandaloneRequest {
  /** The run's spec: its space, dataset and seed are used (the seed fixes weights and batch order). */
  readonly spec: ExperimentSpec;
  readonly key: string;
  readonly genotype: Genotype;
  readonly budget: WeightTrainingSpec;
  readonly calibrationBatches: number;
}

/** Progress of a stand-alone training: weight steps done of the total. */
export interface StandaloneProgress {
  readonly key: string;
  readonly step: number;
  readonly totalSteps: number;
}

/** The scores of a stand-alone training (accuracies in [0, 1]). */
export interface StandaloneScore {
  readonly key: string;
  /** Validation accuracy of the untrained network, then after training; test accuracy after training. */
  readonly initialValidAcc: number;
  readonly validAcc: number;
  readonly testAcc: number;
  /** Mean training loss of the last epoch. */
  readonly trainLoss: number;
  readonly steps: number;
  readonly paramCount: number;
  readonly elapsedMs: number;
}

/** How a stand-alone training ended. */
export type StandaloneOutcome =
  | { readonly status: 'finished'; readonly score: StandaloneScore }
  | { readonly status: 'stopped'; readonly message: string }
  | { readonly status: 'failed'; readonly message: string };

/** How a run-time estimate ended: the estimate, or why there is none (refused while the worker is busy, stopped for a run, or failed). */
export type EstimateOutcome =
  | { readonly status: 'estimated'; readonly estimate: RunEstimate }
  | { readonly status: 'refused' | 'stopped' | 'failed'; readonly message: string };

/** The engine as the worker exposes it with comlink. */
export interface EngineApi {
  /** Picks (or forces) a backend; resolves with what was chosen and why. */
  negotiateBackend(choice: BackendChoice): Promise<BackendReport>;
  /**
   * Runs the experiment to completion, stop or failure, streaming events to `sink`; with `resume`,
   * carries the run on from that checkpoint of the same spec (events before it are not sent again).
   */
  startRun(spec: ExperimentSpec, sink: EventSink, resume?: RunCheckpoint): Promise<RunStatus>;
  pause(): void;
  resume(): void;
  /** While paused: take exactly one more step, then stay paused. */
  stepOnce(): void;
  /** Stops the run or the stand-alone training in progress. */
  stop(): void;
  /**
   * Trains `request.genotype` from scratch on the request spec's dataset and scores it; one task at
   * a time (refused while a run is in progress). `onProgress` follows the steps; `stop()` cancels.
   */
  trainStandalone(
    request: StandaloneRequest,
    onProgress: (p: StandaloneProgress) => void,
  ): Promise<StandaloneOutcome>;
  /**
   * The trained subnet whose stand-alone score has key `key` as a tfjs model, or why it cannot be
   * exported (the worker keeps only its last few trained subnets).
   */
  exportStandaloneModel(key: string): Promise<TfjsModelFiles | ModelExportProblem>;
  /**
   * The expected run time of `spec` (a valid one) on the worker's backend, from a short timed
   * probe; unit times are kept per space, input, batch size and backend, so most edits are
   * estimated without a new probe. Refused while a run or a stand-alone training is in progress;
   * a run, a training or a backend change that starts meanwhile stops it first.
   */
  estimateRun(spec: ExperimentSpec): Promise<EstimateOutcome>;
  /** Stops the estimate in progress, if any (its outcome is 'stopped'); never touches a run. */
  cancelEstimate(): void;
}

/** A trained subnet as a tfjs LayersModel: model.json's text (its weightsManifest names one file, weights.bin) and weights.bin's bytes. */
export interface TfjsModelFiles {
  readonly modelJson: string;
  readonly weights: ArrayBuffer;
}

/** Why a model could not be exported, in plain words. */
export interface ModelExportProblem {
  readonly problem: string;
}

/**
 * A raw message (not a comlink call) the page's end-to-end test handle posts to the engine worker
 * to make it destroy its WebGPU device (src/bridge/test-hooks.ts); nothing else sends it.
 */
export const LOSE_DEVICE_MESSAGE = 'nas-studio-test:lose-gpu-device';
