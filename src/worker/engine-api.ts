/**
 * The engine API the worker exposes, built over injected parts (backend negotiation, data
 * loading, the search loop, stand-alone training, delivery to the UI) so its behaviour can be
 * tested without a worker. One task at a time: a run or a stand-alone training.
 */
import type { ExperimentSpec, LoadedDataset } from '../core/experiment/spec';
import type { RunCheckpoint } from '../core/run/checkpoint';
import { createRunControl, type RunControl } from '../core/run/control';
import type { RunEstimate } from '../core/cost/run-estimate';
import type {
  BackendChoice,
  BackendReport,
  EngineApi,
  EstimateOutcome,
  EventSink,
  RunEvent,
  RunStatus,
  StandaloneOutcome,
  StandaloneProgress,
  StandaloneRequest,
  StandaloneScore,
  ModelExportProblem,
  TfjsModelFiles,
} from '../core/run/protocol';
import type { StandaloneHooks } from '../engine/standalone';
import { createEventBatcher, type BatcherClock } from './batcher';
import { createEstimateGate } from './estimate-gate';
import { createProgressThrottle } from './progress-throttle';

/** Receives the progress of a stand-alone training (a comlink proxy in the worker). */
export type ProgressSink = (progress: StandaloneProgress) => void;

/** Stand-alone progress reports at most this often (ms), the last step always. */
export const PROGRESS_INTERVAL_MS = 100;

/** What the engine API is assembled from. */
export interface EngineParts {
  negotiate(choice: BackendChoice): Promise<BackendReport>;
  loadData(spec: ExperimentSpec): Promise<LoadedDataset>;
  run(
    spec: ExperimentSpec,
    data: LoadedDataset,
    control: RunControl,
    emit: (event: RunEvent) => void,
    resume?: RunCheckpoint,
  ): Promise<RunStatus>;
  /** Trains `request.genotype` from scratch on `data` and scores it; throws when `hooks.shouldStop` stopped it. */
  trainStandalone(
    request: StandaloneRequest,
    data: LoadedDataset,
    hooks: StandaloneHooks,
  ): Promise<StandaloneScore>;
  /** The expected run time of `spec` on `data` on the active backend; throws when `shouldStop` ended its probe. */
  estimate(
    spec: ExperimentSpec,
    data: LoadedDataset,
    shouldStop: () => boolean,
  ): Promise<RunEstimate>;
  /** A trained subnet kept by `trainStandalone`, by its score's key, as tfjs model files, or why it cannot be exported. */
  exportStandaloneModel(key: string): Promise<TfjsModelFiles | ModelExportProblem>;
  /** Hands one batch to the UI's sink, transferring `transfer`; may resolve once the UI has taken it. */
  deliver(sink: EventSink, events: RunEvent[], transfer: ArrayBuffer[]): Promise<void> | void;
  /**
   * Watches the device behind the active backend (a WebGPU device) for loss: `onLost` hears, once,
   * how it was lost ("The WebGPU device was lost (…)", no full stop); returns a function that stops
   * watching, or null when the active backend has no device to lose.
   */
  watchBackendLoss?(onLost: (message: string) => void): (() => void) | null;
  /** How long a run that failed on a watched backend waits for the device's loss to be told (ms); LOSS_GRACE_MS when absent. */
  lossGraceMs?: number;
  /** Lets go of a run's sink or a training's progress callback once it is over (releases the comlink proxy). */
  release(callback: EventSink | ProgressSink): void;
  /** Batch and progress timing; real timers when absent. */
  clock?: BatcherClock;
  intervalMs?: number;
  /** Least time between two stand-alone progress reports (ms); PROGRESS_INTERVAL_MS when absent. */
  progressIntervalMs?: number;
}

/**
 * A run that fails while its backend's device is watched waits this long for the loss to be told
 * (a failed GPU read can reject a moment before the device's `lost` promise resolves).
 */
export const LOSS_GRACE_MS = 500;

/** A sentence from anything thrown. */
function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim() === '' ? 'an unknown error' : text.trim();
}

/** The key a loaded dataset is cached under: what loadData reads of a spec (dataset and seed). */
function dataKey(spec: ExperimentSpec): string {
  return JSON.stringify([spec.dataset, spec.seed]);
}

/**
 * Builds the EngineApi: one task at a time (a run or a stand-alone training); the backend is
 * negotiated ('auto') before the first task if nobody chose one; the last dataset loaded is kept
 * for the next task with the same dataset and seed. A run-time estimate is refused during a task,
 * and a task (or a backend change) that starts during an estimate stops it and waits for it first.
 */
export function createEngineApi(parts: EngineParts): EngineApi {
  let report: BackendReport | null = null;
  let control: RunControl | null = null;
  /** The stand-alone training in progress: how to stop it. */
  let standalone: { stop(): void } | null = null;
  let cached: { key: string; data: Promise<LoadedDataset> } | null = null;
  const estimates = createEstimateGate();

  const loadData = (spec: ExperimentSpec): Promise<LoadedDataset> => {
    const key = dataKey(spec);
    if (cached !== null && cached.key === key) return cached.data;
    const entry = { key, data: parts.loadData(spec) };
    cached = entry;
    entry.data.catch(() => {
      if (cached === entry) cached = null;
    });
    return entry.data;
  };

  const negotiateBackend = async (choice: BackendChoice): Promise<BackendReport> => {
    if (control !== null)
      throw new Error('The backend cannot change while a run is in progress; stop the run first.');
    if (standalone !== null)
      throw new Error(
        'The backend cannot change while a stand-alone training is in progress; stop it first.',
      );
    await estimates.end();
    report = await parts.negotiate(choice);
    return report;
  };

  const startRun = async (
    spec: ExperimentSpec,
    sink: EventSink,
    resume?: RunCheckpoint,
  ): Promise<RunStatus> => {
    if (control !== null)
      throw new Error('A run is already in progress in this engine worker; stop it first.');
    if (standalone !== null)
      throw new Error(
        'A stand-alone training is in progress in this engine worker; stop it before starting a run.',
      );
    const runControl = createRunControl();
    control = runControl;
    await estimates.end();
    const inFlight = new Set<Promise<void>>();
    const batcher = createEventBatcher(
      (events, transfer) => {
        const delivery = Promise.resolve(parts.deliver(sink, events, transfer)).catch(
          (err: unknown) => {
            console.error('The UI did not accept run events:', err);
          },
        );
        inFlight.add(delivery);
        void delivery.finally(() => inFlight.delete(delivery));
      },
      parts.intervalMs,
      parts.clock,
    );
    let step = 0;
    /** How the backend's device was lost during this run, once it was: nothing computed after it is sent. */
    let lost: string | null = null;
    let finishedSent = false;
    /** The run's own 'failed' status, held until it is known whether the device was lost. */
    let failure: RunEvent | null = null;
    let unwatch = (): void => {};
    let watched = false;
    /** Resolves when the device is lost (at once if it was), or after the grace period. */
    let lossTold: (() => void) | null = null;
    /** Resolves when the device is lost: the run ends then, even if a GPU read it awaits never settles. */
    let onLoss = (): void => {};
    const lossEnds = new Promise<RunStatus>((resolve) => {
      onLoss = () => resolve('failed');
    });
    const emit = (event: RunEvent): void => {
      if (lost !== null) return;
      if ('step' in event) step = event.step;
      if (event.type === 'status' && event.status === 'failed') {
        failure = event;
        return;
      }
      if (event.type === 'finished') finishedSent = true;
      batcher.push(event);
    };
    /** The run's outcome once it returned `status`: a lost device turns an unfinished run into a 'backend-lost' failure. */
    const settle = async (status: RunStatus): Promise<RunStatus> => {
      if (status === 'failed' && watched && lost === null)
        await new Promise<void>((resolve) => {
          lossTold = resolve;
          setTimeout(resolve, parts.lossGraceMs ?? LOSS_GRACE_MS);
        });
      // A loss after the result went out leaves the result standing.
      if (lost !== null && finishedSent) return 'finished';
      if (lost !== null) {
        const backend = report?.backend ?? 'webgpu';
        batcher.push({ type: 'backend-lost', backend, step, message: lost });
        batcher.push({ type: 'status', status: 'failed', step, message: lost });
        return 'failed';
      }
      if (failure !== null) batcher.push(failure);
      return status;
    };
    try {
      report ??= await parts.negotiate('auto');
      emit({ type: 'backend', report });
      const stopWatching =
        parts.watchBackendLoss?.((message) => {
          lost = `${message} at step ${step}.`;
          runControl.stop();
          lossTold?.();
          onLoss();
        }) ?? null;
      if (stopWatching !== null) {
        watched = true;
        unwatch = stopWatching;
      }
      const data = await loadData(spec);
      const ran = parts.run(spec, data, runControl, emit, resume);
      // After a loss the run is over for the page: what the abandoned run throws later goes nowhere.
      ran.catch(() => undefined);
      return await settle(await Promise.race([ran, lossEnds]));
    } catch (err) {
      emit({
        type: 'status',
        status: 'failed',
        step,
        message: `The run failed at step ${step}: ${describeError(err)}`,
      });
      return await settle('failed');
    } finally {
      unwatch();
      control = null;
      batcher.close();
      // The run's result travels on another channel than its events: resolve only once the UI has
      // taken every batch, so no event arrives after the run has ended.
      await Promise.all([...inFlight]);
      parts.release(sink);
    }
  };

  const trainStandalone = async (
    request: StandaloneRequest,
    onProgress: ProgressSink,
  ): Promise<StandaloneOutcome> => {
    const refusal =
      control !== null
        ? 'A run is in progress in this engine worker; stop it before training a subnet stand-alone.'
        : standalone !== null
          ? 'Another stand-alone training is in progress in this engine worker; stop it first.'
          : null;
    if (refusal !== null) {
      parts.release(onProgress);
      return { status: 'failed', message: refusal };
    }
    let stopRequested = false;
    standalone = { stop: () => void (stopRequested = true) };
    await estimates.end();
    const inFlight = new Set<Promise<void>>();
    const send = (progress: StandaloneProgress): void => {
      const delivery = new Promise<unknown>((resolve) => resolve(onProgress(progress)))
        .then(() => undefined)
        .catch((err: unknown) => {
          console.error('The UI did not accept stand-alone progress:', err);
        });
      inFlight.add(delivery);
      void delivery.finally(() => inFlight.delete(delivery));
    };
    const clock = parts.clock;
    const throttle = createProgressThrottle(
      parts.progressIntervalMs ?? PROGRESS_INTERVAL_MS,
      clock ? () => clock.now() : undefined,
    );
    let step = 0;
    const stopped = (): StandaloneOutcome => ({
      status: 'stopped',
      message: `The stand-alone training was stopped after step ${step}.`,
    });
    try {
      report ??= await parts.negotiate('auto');
      const data = await loadData(request.spec);
      if (stopRequested) return stopped();
      const score = await parts.trainStandalone(request, data, {
        shouldStop: () => stopRequested,
        onStep: (done, totalSteps) => {
          step = done;
          if (throttle.due(done, totalSteps)) send({ key: request.key, step: done, totalSteps });
        },
      });
      return { status: 'finished', score };
    } catch (err) {
      if (stopRequested) return stopped();
      return {
        status: 'failed',
        message: `The stand-alone training failed at step ${step}: ${describeError(err)}`,
      };
    } finally {
      standalone = null;
      // As for runs: no progress report arrives after the outcome.
      await Promise.all([...inFlight]);
      parts.release(onProgress);
    }
  };

  const exportStandaloneModel = async (
    key: string,
  ): Promise<TfjsModelFiles | ModelExportProblem> => {
    try {
      return await parts.exportStandaloneModel(key);
    } catch (err) {
      return { problem: `The tfjs model could not be made: ${describeError(err)}.` };
    }
  };

  const estimateRun = (spec: ExperimentSpec): Promise<EstimateOutcome> =>
    estimates.estimate(
      control !== null
        ? 'A run is in progress in this engine worker; the run time is estimated once it ends.'
        : standalone !== null
          ? 'A stand-alone training is in progress in this engine worker; the run time is estimated once it ends.'
          : null,
      async (shouldStop) => {
        report ??= await parts.negotiate('auto');
        return parts.estimate(spec, await loadData(spec), shouldStop);
      },
      describeError,
    );

  return {
    negotiateBackend,
    estimateRun,
    cancelEstimate: () => estimates.cancel(),
    startRun,
    trainStandalone,
    exportStandaloneModel,
    pause: () => control?.pause(),
    resume: () => control?.resume(),
    stepOnce: () => control?.stepOnce(),
    stop: () => {
      control?.stop();
      standalone?.stop();
    },
  };
}
