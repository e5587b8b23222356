/** What crosses the worker boundary: backend reports, run events, and the engine API. Plain data only. */
import type { ExperimentSpec } from '../experiment/spec';
import type { CellRole, Genotype } from '../search-space/types';
import type { Origin } from '../strategies/types';

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

/** The backend a run uses and why; every fallback is explained in `reason` and `probes`. */
export interface BackendReport {
  readonly backend: BackendName;
  readonly choice: BackendChoice;
  readonly reason: string;
  readonly probes: readonly BackendProbe[];
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
}

/** The part of a one-shot run in progress: supernet training, then the search over its subnets. */
export type RunPhase = 'supernet' | 'search';

/** One subnet a search evaluated (plain data): inherited-weight validation accuracy and stand-alone cost. */
export interface SubnetRecord {
  /** `genotypeKey` of the genotype: unique within a run. */
  readonly key: string;
  readonly genotype: Genotype;
  readonly accuracy: number;
  readonly params: number;
  readonly flops: number;
  /** Evolution generation (0 for the first), or 0 for random search. */
  readonly generation: number;
  readonly origin: Origin;
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
  /** A search evaluated one more subnet. */
  | { readonly type: 'subnet'; readonly record: SubnetRecord }
  | ({ readonly type: 'finished' } & RunFinished);

/** Receives batches of events (throttled to at most ~30 batches a second). */
export type EventSink = (events: RunEvent[]) => void;

/** The engine as the worker exposes it with comlink. */
export interface EngineApi {
  /** Picks (or forces) a backend; resolves with what was chosen and why. */
  negotiateBackend(choice: BackendChoice): Promise<BackendReport>;
  /** Runs the experiment to completion, stop or failure, streaming events to `sink`. */
  startRun(spec: ExperimentSpec, sink: EventSink): Promise<RunStatus>;
  pause(): void;
  resume(): void;
  /** While paused: take exactly one more step, then stay paused. */
  stepOnce(): void;
  stop(): void;
}
