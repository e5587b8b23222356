/** The run being watched, and the actions that drive it through the shared engine client. */
import type { StateCreator } from 'zustand';
import type { ExperimentSpec } from '../core/experiment/spec';
import { validateExperiment } from '../core/experiment/validate';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { RunEvent } from '../core/run/protocol';
import type { EngineHolder, NegotiationHooks } from './engine-holder';
import { createFrameBatcher } from './frame-batcher';
import { studioFieldsFor } from './link-actions';
import type { RunJournal, SavedIdentity } from './run-journal';
import {
  beginRun,
  clearError,
  foldEvents,
  isActive,
  isEnded,
  withEnd,
  withError,
  withStatus,
} from '../core/run/fold';
import { initialRunState, type RunState } from '../core/run/state';
import { archiveRun, defaultStandaloneEpochs, keepPlotted } from './search-archive';
import type { StudioState } from './studio-state';

export { isActive } from '../core/run/fold';

/** A saved run to carry on: its spec, the run state at its checkpoint, and the checkpoint. */
export interface ContinuedRun {
  readonly saved: SavedIdentity;
  readonly spec: ExperimentSpec;
  readonly run: RunState;
  readonly checkpoint: RunCheckpoint;
}

/** Folds `events` into `run`, handing each checkpoint to `onCheckpoint` with the state at that moment (checkpoints are not folded). */
export function foldWithCheckpoints(
  run: RunState,
  events: readonly RunEvent[],
  onCheckpoint: (run: RunState, checkpoint: RunCheckpoint) => void,
): RunState {
  let next = run;
  let from = 0;
  events.forEach((e, i) => {
    if (e.type !== 'checkpoint') return;
    next = foldEvents(next, events.slice(from, i));
    onCheckpoint(next, e.checkpoint);
    from = i + 1;
  });
  return from === 0 ? foldEvents(next, events) : foldEvents(next, events.slice(from));
}

/** The watching half of the studio state. */
export interface RunSlice {
  readonly run: RunState;
  /** True while the worker is choosing a backend. */
  readonly negotiating: boolean;
  /** Negotiates the chosen backend now (before any run) so the badge can name it. */
  checkBackend(): Promise<void>;
  /** Starts a run of the current spec; does nothing while problems stand, a run is active or a stand-alone training is busy. */
  startRun(): Promise<void>;
  /** Loads a saved run's spec and carries the run on from its checkpoint (after a reload). */
  continueRun(from: ContinuedRun): Promise<void>;
  pauseRun(): void;
  resumeRun(): void;
  /** While paused: exactly one more step. */
  stepRun(): void;
  stopRun(): void;
  dismissError(): void;
}

/** A sentence from anything thrown. */
export function describeError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim() || 'an unknown error';
}

/** Builds the run slice over the shared engine `holder`; `journal` saves the live run as it goes. */
export function createRunSlice(
  holder: EngineHolder,
  journal: RunJournal,
): StateCreator<StudioState, [], [], RunSlice> {
  return (set, get) => {
    let stopRequested = false;

    /** Changes the run; a run that has ended (or gains records after its end) is archived for comparison. */
    const update = (change: (run: RunState) => RunState): void => {
      set((s) => {
        const run = change(s.run);
        if (run === s.run || !isEnded(run.status)) return { run };
        return { run, search: archiveRun(s.search, run) };
      });
      journal.change(get().run);
    };

    /** Negotiates, then runs `spec` (from `resume` when given) as run `runId`, folding its events. */
    const launch = async (
      spec: ExperimentSpec,
      runId: number,
      resume?: RunCheckpoint,
    ): Promise<void> => {
      stopRequested = false;
      const mine = (change: (r: RunState) => RunState): void =>
        update((r) => (r.runId === runId ? change(r) : r));
      // Batches that arrive between two frames are folded (and drawn) once.
      const batcher = createFrameBatcher<RunEvent>((events) =>
        mine((r) => foldWithCheckpoints(r, events, (at, c) => journal.checkpoint(at, c))),
      );
      const onEvents = (events: RunEvent[]): void => batcher.push(events);
      try {
        await holder.serial(async () => {
          await holder.negotiate(get().backendChoice, hooks);
          if (stopRequested || get().run.runId !== runId) return mine((r) => withEnd(r, 'stopped'));
          const status = await holder.client().start(spec, onEvents, resume);
          batcher.flush();
          // A stopped or failed run may have cost the worker; negotiate again before the next one.
          if (status !== 'finished') holder.forgetBackend();
          mine((r) => withEnd(r, status));
        });
      } catch (err) {
        batcher.flush();
        mine((r) => withError(r, describeError(err)));
      }
    };

    const hooks: NegotiationHooks = {
      onBusy: (negotiating) => set({ negotiating }),
      onReport: (report) => update((run) => ({ ...run, report })),
    };

    holder.onCrash((message) => {
      set({ negotiating: false });
      update((run) => withError(run, message));
    });

    return {
      run: initialRunState(),
      negotiating: false,
      checkBackend: () =>
        holder
          .serial(() => holder.negotiate(get().backendChoice, hooks))
          .catch((err: unknown) => {
            update((run) => withError(run, `No backend could be prepared: ${describeError(err)}`));
          }),
      startRun: async () => {
        const { spec, run, standaloneBusy } = get();
        if (isActive(run) || standaloneBusy || validateExperiment(spec).length > 0) return;
        set((s) => {
          const next = beginRun(s.run, spec);
          const search = keepPlotted(s.search, next);
          return {
            run: next,
            search: s.standaloneEpochsEdited
              ? search
              : { ...search, standaloneEpochs: defaultStandaloneEpochs(spec) },
          };
        });
        const started = get().run;
        const liveId = journal.begin(started);
        set((s) => ({ history: { ...s.history, liveId, replay: null } }));
        await launch(spec, started.runId);
      },
      continueRun: async (from) => {
        const { run, standaloneBusy } = get();
        if (isActive(run) || standaloneBusy) return;
        set((s) => ({
          ...studioFieldsFor(s, from.spec),
          run: {
            ...from.run,
            runId: s.run.runId + 1,
            status: 'running',
            spec: from.spec,
            report: s.run.report,
            error: null,
          },
          search: { ...s.search, standaloneEpochs: defaultStandaloneEpochs(from.spec) },
        }));
        const started = get().run;
        journal.begin(started, from.saved);
        await launch(from.spec, started.runId, from.checkpoint);
      },
      pauseRun: () => {
        if (get().run.status !== 'running') return;
        holder.existing()?.pause();
        update((r) => withStatus(r, 'paused'));
      },
      resumeRun: () => {
        if (get().run.status !== 'paused') return;
        holder.existing()?.resume();
        update((r) => withStatus(r, 'running'));
      },
      stepRun: () => {
        if (get().run.status === 'paused') holder.existing()?.stepOnce();
      },
      stopRun: () => {
        if (!isActive(get().run)) return;
        stopRequested = true;
        holder.existing()?.stop();
      },
      dismissError: () => update(clearError),
    };
  };
}
