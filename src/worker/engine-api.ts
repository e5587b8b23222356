/**
 * The engine API the worker exposes, built over injected parts (backend negotiation, data
 * loading, the search loop, delivery to the UI) so its behaviour can be tested without a worker.
 */
import type { ExperimentSpec, LoadedDataset } from '../core/experiment/spec';
import { createRunControl, type RunControl } from '../core/run/control';
import type {
  BackendChoice,
  BackendReport,
  EngineApi,
  EventSink,
  RunEvent,
  RunStatus,
} from '../core/run/protocol';
import { createEventBatcher, type BatcherClock } from './batcher';

/** What the engine API is assembled from. */
export interface EngineParts {
  negotiate(choice: BackendChoice): Promise<BackendReport>;
  loadData(spec: ExperimentSpec): Promise<LoadedDataset>;
  run(
    spec: ExperimentSpec,
    data: LoadedDataset,
    control: RunControl,
    emit: (event: RunEvent) => void,
  ): Promise<RunStatus>;
  /** Hands one batch to the UI's sink, transferring `transfer`; may resolve once the UI has taken it. */
  deliver(sink: EventSink, events: RunEvent[], transfer: ArrayBuffer[]): Promise<void> | void;
  /** Lets go of the sink once a run is over (releases the comlink proxy). */
  release(sink: EventSink): void;
  /** Batch timing; real timers when absent. */
  clock?: BatcherClock;
  intervalMs?: number;
}

/** A sentence from anything thrown. */
function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim() === '' ? 'an unknown error' : text.trim();
}

/** Builds the EngineApi: one run at a time; the backend is negotiated ('auto') before the first run if nobody chose one. */
export function createEngineApi(parts: EngineParts): EngineApi {
  let report: BackendReport | null = null;
  let control: RunControl | null = null;

  const negotiateBackend = async (choice: BackendChoice): Promise<BackendReport> => {
    if (control !== null)
      throw new Error('The backend cannot change while a run is in progress; stop the run first.');
    report = await parts.negotiate(choice);
    return report;
  };

  const startRun = async (spec: ExperimentSpec, sink: EventSink): Promise<RunStatus> => {
    if (control !== null)
      throw new Error('A run is already in progress in this engine worker; stop it first.');
    const runControl = createRunControl();
    control = runControl;
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
    const emit = (event: RunEvent): void => {
      if ('step' in event) step = event.step;
      batcher.push(event);
    };
    try {
      report ??= await parts.negotiate('auto');
      emit({ type: 'backend', report });
      const data = await parts.loadData(spec);
      return await parts.run(spec, data, runControl, emit);
    } catch (err) {
      emit({
        type: 'status',
        status: 'failed',
        step,
        message: `The run failed at step ${step}: ${describeError(err)}`,
      });
      return 'failed';
    } finally {
      control = null;
      batcher.close();
      // The run's result travels on another channel than its events: resolve only once the UI has
      // taken every batch, so no event arrives after the run has ended.
      await Promise.all([...inFlight]);
      parts.release(sink);
    }
  };

  return {
    negotiateBackend,
    startRun,
    pause: () => control?.pause(),
    resume: () => control?.resume(),
    stepOnce: () => control?.stepOnce(),
    stop: () => control?.stop(),
  };
}
