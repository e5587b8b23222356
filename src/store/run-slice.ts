/** The run being watched, and the actions that drive it through the shared engine client. */
import type { StateCreator } from 'zustand';
import type { ExperimentSpec } from '../core/experiment/spec';
import { validateExperiment } from '../core/experiment/validate';
import type { RunCheckpoint } from '../core/run/checkpoint';
import type { BackendChoice, RunEvent, RunStatus } from '../core/run/protocol';
import {
  carriedOn,
  givenUpMessage,
  isFailureEvent,
  MAX_CARRY_ONS_IN_A_ROW,
  recoveryOf,
  type EngineLoss,
  type RestartPoint,
} from '../core/run/recovery';
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
    /** Set when a paused run was carried on: paused again once the fresh worker has started, unless resumed meanwhile. */
    let pauseOnStart = false;

    /** Changes the run; a run that has ended (or gains records after its end) is archived for comparison. */
    const update = (change: (run: RunState) => RunState): void => {
      set((s) => {
        const run = change(s.run);
        if (run === s.run || !isEnded(run.status)) return { run };
        return { run, search: archiveRun(s.search, run) };
      });
      journal.change(get().run);
    };

    /** The part of a run talking to the worker now: a crash during it is the run's engine dying. */
    let live: { crash: string | null } | null = null;

    /**
     * Negotiates, then runs `spec` (from `resume` when given) as run `runId`, folding its events.
     * When the worker dies or the GPU device is lost mid-run (not on a stop or an ordinary
     * failure), carries the run on in a fresh worker from its latest checkpoint (on wasm after a
     * lost device), at most MAX_CARRY_ONS_IN_A_ROW times in a row without a new checkpoint.
     */
    const launch = async (
      spec: ExperimentSpec,
      runId: number,
      resume?: RunCheckpoint,
    ): Promise<void> => {
      stopRequested = false;
      pauseOnStart = false;
      const mine = (change: (r: RunState) => RunState): void =>
        update((r) => (r.runId === runId ? change(r) : r));
      let point: RestartPoint = { run: get().run, checkpoint: resume };
      let choice: BackendChoice = get().backendChoice;
      let deaths = 0;
      let atStep = resume?.step ?? 0;
      const fold = (events: readonly RunEvent[]): void => {
        if (events.length === 0) return;
        for (const e of events) if (e.type === 'step') atStep = e.step;
        mine((r) =>
          foldWithCheckpoints(r, events, (at, c) => {
            point = { run: at, checkpoint: c };
            deaths = 0;
            journal.checkpoint(at, c);
          }),
        );
        if (pauseOnStart && events.some((e) => e.type === 'started')) {
          pauseOnStart = false;
          mine((r) => withStatus(r, 'paused'));
        }
      };
      // Batches that arrive between two frames are folded (and drawn) once.
      const batcher = createFrameBatcher<RunEvent>(fold);
      try {
        await holder.serial(async () => {
          for (;;) {
            const part = { crash: null as string | null };
            /** Events from the first failure on, folded only once it is known the run is not carried on. */
            const held: RunEvent[] = [];
            let lost: string | null = null;
            const onEvents = (events: RunEvent[]): void => {
              const cut = held.length > 0 ? 0 : events.findIndex(isFailureEvent);
              if (cut < 0) return batcher.push(events);
              batcher.push(events.slice(0, cut));
              for (const e of events.slice(cut)) {
                if (e.type === 'backend-lost') lost = e.message;
                held.push(e);
              }
            };
            let status: RunStatus;
            live = part;
            try {
              await holder.negotiate(choice, hooks);
              if (stopRequested || get().run.runId !== runId)
                return mine((r) => withEnd(r, 'stopped'));
              const client = holder.client();
              const ended = client.start(spec, onEvents, point.checkpoint);
              // A run paused when its engine died carries on paused: the fresh worker waits before its first step.
              if (pauseOnStart) client.pause();
              status = await ended;
            } catch (err) {
              if (part.crash === null) throw err;
              status = 'failed';
            } finally {
              live = null;
              batcher.flush();
            }
            const loss: EngineLoss | null =
              lost !== null
                ? { cause: 'device', message: lost }
                : part.crash !== null
                  ? { cause: 'worker', message: part.crash }
                  : null;
            // A stopped or failed run may have cost the worker; negotiate again before the next one.
            if (status !== 'finished') holder.forgetBackend();
            if (
              loss === null ||
              status === 'finished' ||
              stopRequested ||
              get().run.runId !== runId
            ) {
              fold(held);
              if (part.crash !== null) mine((r) => withError(r, part.crash ?? ''));
              return mine((r) => withEnd(r, status));
            }
            deaths += 1;
            if (deaths > MAX_CARRY_ONS_IN_A_ROW) {
              const message = givenUpMessage(loss, deaths);
              return mine((r) =>
                withError(
                  foldEvents(r, [{ type: 'status', status: 'failed', step: atStep, message }]),
                  message,
                ),
              );
            }
            if (loss.cause === 'device') {
              // The worker's GPU is gone: the part after runs on wasm in a fresh worker.
              holder.client().dispose();
              choice = 'wasm';
            }
            const recovery = recoveryOf(loss, atStep, point, choice);
            const paused = get().run.status === 'paused';
            pauseOnStart = paused;
            atStep = point.checkpoint?.step ?? 0;
            mine((r) => carriedOn(r, point, recovery, paused ? 'paused' : 'running'));
          }
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
      // A run's own worker died: its launch decides whether it carries on.
      if (live !== null) live.crash = message;
      else update((run) => withError(run, message));
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
        pauseOnStart = false;
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
