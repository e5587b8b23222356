/** The run being watched, and the actions that drive it through the shared engine client. */
import type { StateCreator } from 'zustand';
import { validateExperiment } from '../core/experiment/validate';
import type { EngineHolder, NegotiationHooks } from './engine-holder';
import {
  beginRun,
  clearError,
  foldEvents,
  isActive,
  isEnded,
  withEnd,
  withError,
  withStatus,
} from './run-reducer';
import { initialRunState, type RunState } from './run-state';
import { archiveRun, defaultStandaloneEpochs, keepPlotted } from './search-archive';
import type { StudioState } from './studio-state';

export { isActive } from './run-reducer';

/** The watching half of the studio state. */
export interface RunSlice {
  readonly run: RunState;
  /** True while the worker is choosing a backend. */
  readonly negotiating: boolean;
  /** Negotiates the chosen backend now (before any run) so the badge can name it. */
  checkBackend(): Promise<void>;
  /** Starts a run of the current spec; does nothing while problems stand, a run is active or a stand-alone training is busy. */
  startRun(): Promise<void>;
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

/** Builds the run slice over the shared engine `holder`. */
export function createRunSlice(holder: EngineHolder): StateCreator<StudioState, [], [], RunSlice> {
  return (set, get) => {
    let stopRequested = false;

    /** Changes the run; a run that has ended (or gains records after its end) is archived for comparison. */
    const update = (change: (run: RunState) => RunState): void =>
      set((s) => {
        const run = change(s.run);
        if (run === s.run || !isEnded(run.status)) return { run };
        return { run, search: archiveRun(s.search, run) };
      });

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
        const { spec, backendChoice, run, standaloneBusy } = get();
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
        stopRequested = false;
        const runId = get().run.runId;
        const mine = (change: (r: RunState) => RunState): void =>
          update((r) => (r.runId === runId ? change(r) : r));
        try {
          await holder.serial(async () => {
            await holder.negotiate(backendChoice, hooks);
            if (stopRequested || get().run.runId !== runId)
              return mine((r) => withEnd(r, 'stopped'));
            const status = await holder
              .client()
              .start(spec, (events) => mine((r) => foldEvents(r, events)));
            // A stopped or failed run may have cost the worker; negotiate again before the next one.
            if (status !== 'finished') holder.forgetBackend();
            mine((r) => withEnd(r, status));
          });
        } catch (err) {
          mine((r) => withError(r, describeError(err)));
        }
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
