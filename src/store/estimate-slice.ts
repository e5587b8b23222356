/** The expected run time of the experiment being edited, asked of the shared engine client. */
import type { StateCreator } from 'zustand';
import type { RunEstimate } from '../core/cost/run-estimate';
import type { ExperimentSpec } from '../core/experiment/spec';
import { validateExperiment } from '../core/experiment/validate';
import { isActive } from '../core/run/fold';
import type { BackendChoice, EstimateOutcome } from '../core/run/protocol';
import type { EngineHolder, NegotiationHooks } from './engine-holder';
import type { StudioState } from './studio-state';

/** What an estimate is of: a spec on a backend choice. */
interface EstimateSubject {
  readonly spec: ExperimentSpec;
  readonly backendChoice: BackendChoice;
}

/**
 * The expected run time as the form shows it: nothing ('none': not asked yet, the spec has
 * problems, or a run or stand-alone training holds the worker), an estimate on its way, the
 * estimate, or why there is none.
 */
export type EstimateView =
  | { readonly state: 'none' }
  | ({ readonly state: 'estimating' } & EstimateSubject)
  | ({ readonly state: 'ready'; readonly estimate: RunEstimate } & EstimateSubject)
  | ({ readonly state: 'failed'; readonly message: string } & EstimateSubject);

/** The estimate's half of the studio state. */
export interface EstimateSlice {
  readonly estimate: EstimateView;
  /**
   * The spec or backend changed: shows 'estimating' until a fresh estimate comes (the debounced
   * sync asks for it), or nothing while the spec has problems or the worker is busy.
   */
  markEstimateStale(): void;
  /**
   * Estimates the current spec on the chosen backend through the shared engine client (after the
   * tasks queued before it). Does nothing while the spec has problems, a run is active or a
   * stand-alone training is busy, or when the estimate shown is already of this spec and backend.
   */
  estimateRun(): Promise<void>;
  /** Stops the estimate in progress in the worker (a run is about to start). */
  cancelEstimate(): void;
}

/** True when the view is of `spec` on `choice`. */
function isOf(view: EstimateView, spec: ExperimentSpec, choice: BackendChoice): boolean {
  return view.state !== 'none' && view.spec === spec && view.backendChoice === choice;
}

/** True when the worker is held by a run or a stand-alone training. */
function busy(s: StudioState): boolean {
  return isActive(s.run) || s.standaloneBusy;
}

/** The view an outcome gives for `subject`. */
function viewOf(outcome: EstimateOutcome, subject: EstimateSubject): EstimateView {
  if (outcome.status === 'estimated')
    return { state: 'ready', estimate: outcome.estimate, ...subject };
  if (outcome.status === 'failed') return { state: 'failed', message: outcome.message, ...subject };
  // Refused or stopped: a run or training took the worker; the sync asks again once it is free.
  return { state: 'none' };
}

/** Builds the estimate slice over the shared engine `holder`. */
export function createEstimateSlice(
  holder: EngineHolder,
): StateCreator<StudioState, [], [], EstimateSlice> {
  return (set, get) => {
    const hooks: NegotiationHooks = {
      onBusy: (negotiating) => set({ negotiating }),
      onReport: (report) => set((s) => ({ run: { ...s.run, report } })),
    };
    /** The subject of the request in flight, if any. */
    let asked: EstimateSubject | null = null;
    /** Whether `subject` is still what the form shows and the worker may be asked. */
    const current = (subject: EstimateSubject): boolean => {
      const s = get();
      return s.spec === subject.spec && s.backendChoice === subject.backendChoice && !busy(s);
    };

    return {
      estimate: { state: 'none' },
      markEstimateStale: () => {
        const s = get();
        if (isOf(s.estimate, s.spec, s.backendChoice)) return;
        const invalid = validateExperiment(s.spec).length > 0;
        set({
          estimate:
            invalid || busy(s)
              ? { state: 'none' }
              : { state: 'estimating', spec: s.spec, backendChoice: s.backendChoice },
        });
      },
      estimateRun: async () => {
        const s = get();
        const subject: EstimateSubject = { spec: s.spec, backendChoice: s.backendChoice };
        if (validateExperiment(subject.spec).length > 0)
          return set({ estimate: { state: 'none' } });
        if (busy(s)) return;
        const shown = isOf(s.estimate, subject.spec, subject.backendChoice);
        if (shown && s.estimate.state !== 'estimating') return;
        if (asked?.spec === subject.spec && asked.backendChoice === subject.backendChoice) return;
        asked = subject;
        set({ estimate: { state: 'estimating', ...subject } });
        let outcome: EstimateOutcome | null;
        try {
          outcome = await holder.serial(async () => {
            if (!current(subject)) return null;
            await holder.negotiate(subject.backendChoice, hooks);
            return current(subject) ? holder.client().estimate(subject.spec) : null;
          });
        } catch (err) {
          const text = err instanceof Error ? err.message : String(err);
          outcome = { status: 'failed', message: `The run time could not be estimated: ${text}` };
        }
        if (asked === subject) asked = null;
        const view = get().estimate;
        if (outcome !== null && current(subject))
          return set({ estimate: viewOf(outcome, subject) });
        // A newer edit has its own request; a run or training that took the worker leaves nothing shown.
        if (view.state === 'estimating' && isOf(view, subject.spec, subject.backendChoice))
          set({ estimate: { state: 'none' } });
      },
      cancelEstimate: () => {
        if (get().estimate.state !== 'estimating') return;
        holder.existing()?.cancelEstimate();
        set({ estimate: { state: 'none' } });
      },
    };
  };
}
