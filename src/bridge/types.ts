/** The UI's handle on the engine worker. */
import type { ExperimentSpec } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type {
  BackendChoice,
  BackendReport,
  EstimateOutcome,
  RunEvent,
  RunStatus,
  StandaloneOutcome,
  StandaloneProgress,
  StandaloneRequest,
  ModelExportProblem,
  TfjsModelFiles,
} from '../core/run/protocol';

/** Talks to one engine worker; created by `createEngineClient()` in ./engine-client. */
export interface EngineClient {
  /** Picks (or forces) a backend in the worker. */
  negotiate(choice: BackendChoice): Promise<BackendReport>;
  /**
   * Starts a run; `onEvents` gets batches of events; resolves with how the run ended. With
   * `resume` (a checkpoint the run of this same spec emitted) the run carries on from it.
   */
  start(
    spec: ExperimentSpec,
    onEvents: (events: RunEvent[]) => void,
    resume?: RunCheckpoint,
  ): Promise<RunStatus>;
  pause(): void;
  resume(): void;
  stepOnce(): void;
  /** Trains one subnet from scratch in the worker; `stop()` cancels it. */
  trainStandalone(
    request: StandaloneRequest,
    onProgress: (p: StandaloneProgress) => void,
  ): Promise<StandaloneOutcome>;
  /** A subnet the worker trained stand-alone (by its score's key) as tfjs model files, or why it cannot be had. */
  exportStandaloneModel(key: string): Promise<TfjsModelFiles | ModelExportProblem>;
  /**
   * The expected run time of `spec` on the worker's backend (the latest choice, replayed on a fresh
   * worker); refused while this client runs a task; never reports a crash for a worker that could
   * not start (it says so in the outcome).
   */
  estimate(spec: ExperimentSpec): Promise<EstimateOutcome>;
  /** Stops the estimate in progress, if any (its outcome is 'stopped'). */
  cancelEstimate(): void;
  /** Asks the run (or stand-alone training) to stop; if the worker does not answer within a grace period it is terminated. */
  stop(): void;
  /** Called when the worker dies or stops answering; returns an unsubscribe function. */
  onCrash(listener: (message: string) => void): () => void;
  /** Terminates the worker. */
  dispose(): void;
}
