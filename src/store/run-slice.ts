/** The run being watched, and the actions that drive it through one engine client. */
import type { StateCreator } from 'zustand';
import type { EngineClient } from '../bridge/types';
import { validateExperiment } from '../core/experiment/validate';
import type { BackendChoice } from '../core/run/protocol';
import { beginRun, clearError, foldEvents, withEnd, withError, withStatus } from './run-reducer';
import { initialRunState, type RunState } from './run-state';
import type { StudioState } from './studio-state';

/** The watching half of the studio state. */
export interface RunSlice {
  readonly run: RunState;
  /** True while the worker is choosing a backend. */
  readonly negotiating: boolean;
  /** Negotiates the chosen backend now (before any run) so the badge can name it. */
  checkBackend(): Promise<void>;
  /** Starts a run of the current spec; does nothing while problems stand or a run is active. */
  startRun(): Promise<void>;
  pauseRun(): void;
  resumeRun(): void;
  /** While paused: exactly one more step. */
  stepRun(): void;
  stopRun(): void;
  dismissError(): void;
}

/** A sentence from anything thrown. */
function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.trim() || 'an unknown error';
}

/** True while a run is in progress (running or paused). */
export function isActive(run: RunState): boolean {
  return run.status === 'running' || run.status === 'paused';
}

/** Builds the run slice over one client made lazily by `makeClient` (which replaces dead workers itself). */
export function createRunSlice(
  makeClient: () => EngineClient,
): StateCreator<StudioState, [], [], RunSlice> {
  return (set, get) => {
    let client: EngineClient | null = null;
    /** The choice the current client's worker has negotiated, if any. */
    let negotiated: BackendChoice | null = null;
    /** Negotiations and run starts go through this chain one at a time (the worker refuses overlaps). */
    let chain: Promise<unknown> = Promise.resolve();
    let stopRequested = false;

    const update = (change: (run: RunState) => RunState): void =>
      set((s) => ({ run: change(s.run) }));

    const ensureClient = (): EngineClient => {
      if (client) return client;
      const fresh = makeClient();
      // The client replaces a dead worker on its next call; the new worker has negotiated nothing.
      fresh.onCrash((message) => {
        negotiated = null;
        set({ negotiating: false });
        update((run) => withError(run, message));
      });
      client = fresh;
      return fresh;
    };

    const serial = <T>(task: () => Promise<T>): Promise<T> => {
      const next = chain.then(task, task);
      chain = next.catch(() => undefined);
      return next;
    };

    const negotiate = async (choice: BackendChoice): Promise<void> => {
      const c = ensureClient();
      if (negotiated === choice) return;
      set({ negotiating: true });
      try {
        const report = await c.negotiate(choice);
        negotiated = choice;
        update((run) => ({ ...run, report }));
      } finally {
        set({ negotiating: false });
      }
    };

    return {
      run: initialRunState(),
      negotiating: false,
      checkBackend: () =>
        serial(() => negotiate(get().backendChoice)).catch((err: unknown) => {
          update((run) => withError(run, `No backend could be prepared: ${describe(err)}`));
        }),
      startRun: async () => {
        const { spec, backendChoice, run } = get();
        if (isActive(run) || validateExperiment(spec).length > 0) return;
        update((r) => beginRun(r, spec));
        stopRequested = false;
        const runId = get().run.runId;
        const mine = (change: (r: RunState) => RunState): void =>
          update((r) => (r.runId === runId ? change(r) : r));
        try {
          await serial(async () => {
            await negotiate(backendChoice);
            if (stopRequested || get().run.runId !== runId)
              return mine((r) => withEnd(r, 'stopped'));
            const status = await ensureClient().start(spec, (events) =>
              mine((r) => foldEvents(r, events)),
            );
            // A stopped or failed run may have cost the worker; negotiate again before the next one.
            if (status !== 'finished') negotiated = null;
            mine((r) => withEnd(r, status));
          });
        } catch (err) {
          mine((r) => withError(r, describe(err)));
        }
      },
      pauseRun: () => {
        if (get().run.status !== 'running') return;
        client?.pause();
        update((r) => withStatus(r, 'paused'));
      },
      resumeRun: () => {
        if (get().run.status !== 'paused') return;
        client?.resume();
        update((r) => withStatus(r, 'running'));
      },
      stepRun: () => {
        if (get().run.status === 'paused') client?.stepOnce();
      },
      stopRun: () => {
        if (!isActive(get().run)) return;
        stopRequested = true;
        client?.stop();
      },
      dismissError: () => update(clearError),
    };
  };
}
