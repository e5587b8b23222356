/** Test helpers for the store: an engine client whose runs and stand-alone trainings the test scripts step by step. */
import type { RunLocks } from '../storage/run-locks';
import type { EngineClient } from '../bridge/types';
import type { ExperimentSpec } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type {
  BackendChoice,
  BackendReport,
  EstimateOutcome,
  ModelExportProblem,
  RunEvent,
  RunStatus,
  StandaloneOutcome,
  StandaloneProgress,
  StandaloneRequest,
  StandaloneScore,
  TfjsModelFiles,
} from '../core/run/protocol';
import type { HistoryAccess } from './history-access';
import { createStudioStore } from './studio-store';

/** A stand-alone training the test has not ended yet. */
interface PendingTraining {
  readonly request: StandaloneRequest;
  readonly onProgress: (p: StandaloneProgress) => void;
  readonly finish: (outcome: StandaloneOutcome) => void;
}

/** A scripted client: the test decides what the engine reports and when runs and trainings end. */
export class ScriptedClient implements EngineClient {
  readonly calls: string[] = [];
  readonly negotiated: BackendChoice[] = [];
  readonly specs: ExperimentSpec[] = [];
  /** The checkpoint each start was asked to resume from (undefined for a fresh run), in order. */
  readonly resumes: (RunCheckpoint | undefined)[] = [];
  readonly requests: StandaloneRequest[] = [];
  private listeners = new Set<(message: string) => void>();
  private emit: ((events: RunEvent[]) => void) | null = null;
  private finish: ((status: RunStatus) => void) | null = null;
  private training: PendingTraining | null = null;
  private rejection: string | null = null;
  private exporting: ((result: TfjsModelFiles | ModelExportProblem) => void) | null = null;
  /** Specs whose run time was asked for, in order. */
  readonly estimates: ExperimentSpec[] = [];
  private estimating: ((outcome: EstimateOutcome) => void) | null = null;

  negotiate(choice: BackendChoice): Promise<BackendReport> {
    this.negotiated.push(choice);
    const backend = choice === 'auto' ? 'wasm' : choice;
    return Promise.resolve({ backend, choice, reason: `Using ${backend}.`, probes: [] });
  }
  start(
    spec: ExperimentSpec,
    onEvents: (events: RunEvent[]) => void,
    resume?: RunCheckpoint,
  ): Promise<RunStatus> {
    this.specs.push(spec);
    this.resumes.push(resume);
    this.emit = onEvents;
    return new Promise((resolve) => (this.finish = resolve));
  }
  trainStandalone(
    request: StandaloneRequest,
    onProgress: (p: StandaloneProgress) => void,
  ): Promise<StandaloneOutcome> {
    this.calls.push(`train ${request.key}`);
    this.requests.push(request);
    const rejection = this.rejection;
    this.rejection = null;
    if (rejection !== null) return Promise.reject(new Error(rejection));
    return new Promise((finish) => (this.training = { request, onProgress, finish }));
  }
  exportStandaloneModel(key: string): Promise<TfjsModelFiles | ModelExportProblem> {
    this.calls.push(`export ${key}`);
    return new Promise((resolve) => (this.exporting = resolve));
  }
  /** Answers the pending model export with `result`. */
  endExport(result: TfjsModelFiles | ModelExportProblem): void {
    const resolve = this.exporting;
    this.exporting = null;
    resolve?.(result);
  }
  estimate(spec: ExperimentSpec): Promise<EstimateOutcome> {
    this.estimates.push(spec);
    return new Promise((resolve) => (this.estimating = resolve));
  }
  /** True while an estimate waits for the test to answer it. */
  get estimatePending(): boolean {
    return this.estimating !== null;
  }
  /** Answers the pending estimate with `outcome`. */
  endEstimate(outcome: EstimateOutcome): void {
    const resolve = this.estimating;
    this.estimating = null;
    resolve?.(outcome);
  }
  cancelEstimate(): void {
    this.calls.push('cancelEstimate');
    this.endEstimate({ status: 'stopped', message: 'The estimate was stopped before it ended.' });
  }
  pause(): void {
    this.calls.push('pause');
  }
  resume(): void {
    this.calls.push('resume');
  }
  stepOnce(): void {
    this.calls.push('step');
  }
  stop(): void {
    this.calls.push('stop');
    if (this.training) {
      this.endTraining({ status: 'stopped', message: 'The stand-alone training was stopped.' });
      return;
    }
    this.send([{ type: 'status', status: 'stopped', step: 1, message: 'Stopped at step 1.' }]);
    this.end('stopped');
  }
  onCrash(listener: (message: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  dispose(): void {
    this.calls.push('dispose');
  }
  send(events: RunEvent[]): void {
    this.emit?.(events);
  }
  end(status: RunStatus): void {
    this.finish?.(status);
    this.finish = null;
  }
  /** True while a stand-alone training waits for the test to end it. */
  get trainingKey(): string | null {
    return this.training?.request.key ?? null;
  }
  progress(step: number, totalSteps: number): void {
    const t = this.training;
    t?.onProgress({ key: t.request.key, step, totalSteps });
  }
  endTraining(outcome: StandaloneOutcome): void {
    const t = this.training;
    this.training = null;
    t?.finish(outcome);
  }
  /** The next stand-alone training is refused with `message` (as a dead worker's call is). */
  rejectNextTraining(message: string): void {
    this.rejection = message;
  }
  crash(message: string): void {
    for (const l of this.listeners) l(message);
    this.send([{ type: 'status', status: 'failed', step: 1, message }]);
    this.end('failed');
  }
}

/** A finished stand-alone score for `key` with validation accuracy `validAcc`. */
export function scoreOf(key: string, validAcc: number): StandaloneScore {
  return {
    key,
    initialValidAcc: 0.5,
    validAcc,
    testAcc: validAcc,
    trainLoss: 0.1,
    steps: 10,
    paramCount: 100,
    elapsedMs: 5,
  };
}

/** Lets pending promise callbacks run. */
export const tick = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** A studio store over scripted clients (runs saved through `history` when given, the live run's lock held in `locks`), and the clients it made. */
export function scriptedStore(
  history?: HistoryAccess,
  locks?: RunLocks,
): {
  store: ReturnType<typeof createStudioStore>;
  clients: ScriptedClient[];
} {
  const clients: ScriptedClient[] = [];
  const store = createStudioStore(
    () => {
      const c = new ScriptedClient();
      clients.push(c);
      return c;
    },
    history,
    locks,
  );
  return { store, clients };
}
