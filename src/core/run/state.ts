/** What a run shows, folded from its events: the studio page and the command line keep the same run state. Plain data only. */
import type { BoundaryFrame } from './boundary';
import { restoreSpec } from '../experiment/restore';
import type { ExperimentSpec } from '../experiment/spec';
import type { SelectionDecision } from '../search-space/selection';
import type {
  BackendChoice,
  BackendReport,
  EarlyStop,
  EpochDiagnostics,
  ExpectedLatencyPoint,
  LatencyCheck,
  LatencyTableSummary,
  RunFinished,
  RunPhase,
  RunStarted,
  RunStatus,
  RunStep,
  SubnetRecord,
} from './protocol';
import type { CellRole, Genotype } from '../search-space/types';
import { emptySeries, type Downsampled } from '../series/downsample';
import { emptyHeadTail, type HeadTail } from '../series/head-tail';

/** One training step as charts and the step log show it. */
export type StepPoint = RunStep;

/** One evaluation on the validation split. */
export interface EvalPoint {
  readonly step: number;
  readonly epoch: number;
  readonly validLoss: number;
  readonly validAcc: number;
}

/** Softmax architecture weights of one cell at one step, flattened `[edge][op]`. */
export interface AlphaPoint {
  readonly step: number;
  readonly weights: Float32Array;
}

/** What the 'started' event told us: budget, split sizes, the searched cells' edges. */
export type StartedInfo = RunStarted;

/** The end of a run: final genotype, metrics and softmax alphas. */
export type FinishedResult = RunFinished;

/** A status message from the engine (a pause on a non-finite loss, a stop, a failure). */
export interface RunMessage {
  readonly status: RunStatus;
  readonly step: number;
  readonly message: string;
}

/**
 * The run outlived its engine once: its worker died or its GPU device was lost, and the page
 * carried it on in a fresh worker from its latest checkpoint (or from the start, before the first).
 */
export interface RunRecovery {
  /** What ended the engine: its worker died, or the GPU device behind its backend was lost. */
  readonly cause: 'worker' | 'device';
  /** The last step the run had reported. */
  readonly atStep: number;
  /** The checkpoint carried on from (steps and epochs, or trials, done), or null when the run started over. */
  readonly from: { readonly step: number; readonly epoch: number } | null;
  /** The backend choice of the part after it ('wasm' once a GPU device was lost). */
  readonly backend: BackendChoice;
  /** What happened and where the run resumed, in plain words. */
  readonly message: string;
}

/** Everything the studio shows about a run. */
export interface RunState {
  /** Bumped for every new run; batches from an older run are ignored. */
  readonly runId: number;
  readonly status: RunStatus;
  /** The spec the run was started with (the form may change meanwhile). */
  readonly spec: ExperimentSpec | null;
  readonly report: BackendReport | null;
  readonly started: StartedInfo | null;
  readonly steps: Downsampled<StepPoint>;
  readonly evals: Downsampled<EvalPoint>;
  readonly alphas: Partial<Record<CellRole, Downsampled<AlphaPoint>>>;
  readonly genotype: { readonly step: number; readonly genotype: Genotype } | null;
  readonly result: FinishedResult | null;
  readonly stepLog: HeadTail<StepPoint>;
  readonly messages: readonly RunMessage[];
  /** A failure outside the search loop (a dead worker, a rejected start), shown as a banner. */
  readonly error: string | null;
  /** The last 'phase' event of a discrete-search run. */
  readonly phase: { readonly phase: RunPhase; readonly message: string } | null;
  /** The last 'progress' event (latency entries measured, subnets evaluated, subnets timed). */
  readonly progress: {
    readonly phase: RunPhase;
    readonly done: number;
    readonly total: number;
  } | null;
  /** Every evaluated subnet, in evaluation order. */
  readonly subnets: readonly SubnetRecord[];
  /** The latency lookup table the run measured or reused. */
  readonly latency: LatencyTableSummary | null;
  /** Whole subnets timed end to end against the table's prediction. */
  readonly latencyChecks: readonly LatencyCheck[];
  /** DARTS collapse diagnostics, one per epoch trained. */
  readonly diagnostics: readonly EpochDiagnostics[];
  /** The expected latency after each epoch of a search with a latency loss (empty without one). */
  readonly expectedLatency: readonly ExpectedLatencyPoint[];
  /** Why DARTS+ stopped the search early, when it did. */
  readonly earlyStop: EarlyStop | null;
  /** The decisions of a perturbation-based selection, once it has run. */
  readonly selection: readonly SelectionDecision[] | null;
  /** The latest decision-boundary frame of a DARTS run on 2-feature data. */
  readonly boundary: BoundaryFrame | null;
  /** Each time the run was carried on after its engine died, in order. */
  readonly recoveries: readonly RunRecovery[];
}

/** Steps kept at each end of the step log. */
export const STEP_LOG_SIZE = 50;

/** Status messages kept (the latest ones). */
export const MESSAGE_LIMIT = 20;

/** The state before any run. */
export function initialRunState(): RunState {
  return {
    runId: 0,
    status: 'idle',
    spec: null,
    report: null,
    started: null,
    steps: emptySeries(),
    evals: emptySeries(),
    alphas: {},
    genotype: null,
    result: null,
    stepLog: emptyHeadTail(STEP_LOG_SIZE),
    messages: [],
    error: null,
    phase: null,
    progress: null,
    subnets: [],
    latency: null,
    latencyChecks: [],
    diagnostics: [],
    expectedLatency: [],
    earlyStop: null,
    selection: null,
    boundary: null,
    recoveries: [],
  };
}

/**
 * A run state read back from storage, with the fields added since it was saved at their empty
 * values (a run saved before diagnostics existed has none) and its spec restored (restoreSpec).
 */
export function restoreRunState(saved: RunState): RunState {
  return {
    ...initialRunState(),
    ...saved,
    spec: saved.spec === null ? null : restoreSpec(saved.spec),
  };
}
