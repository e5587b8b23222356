/** The expected run time in words for the run controls: the line, a plain note past the budget, and the breakdown. */
import { roughDuration } from '../../core/cost/estimate-text';
import { DEFAULT_RUN_BUDGET_SECONDS, type RunEstimate } from '../../core/cost/run-estimate';
import type { WorkPhase } from '../../core/cost/work-units';
import type { EstimateView } from '../../store/estimate-slice';

/** What the run controls show about the expected run time. */
export interface EstimateLine {
  readonly text: string;
  /** Said plainly when the estimate is over the budget of a default run; null otherwise. */
  readonly over: string | null;
  /** Where the time goes and what the estimate assumes (the line's tooltip). */
  readonly detail: string | null;
}

const PHASE_WORDS: Record<WorkPhase, string> = {
  training: 'training',
  evaluation: 'evaluation',
  diagnostics: 'collapse diagnostics',
  selection: 'perturbation selection',
  latency: 'latency table',
  scoring: 'scoring subnets',
  check: 'latency check',
};

/** "training 1 min 40 s · evaluation 10 s · …; the probe took 1.2 s (or: no new probe was needed)." */
function breakdown(e: RunEstimate): string {
  const parts = Object.entries(e.phases).map(
    ([phase, s]) => `${PHASE_WORDS[phase as WorkPhase]} ${roughDuration(s)}`,
  );
  const probe =
    e.probeMs > 0
      ? `the probe took ${(e.probeMs / 1000).toFixed(1)} s`
      : 'from unit times measured earlier on this backend';
  return `${parts.join(' · ')}; counted to the full budget (early stopping or a search that runs out of subnets ends sooner); ${probe}.`;
}

/** The line for `view`, or null when there is nothing to show (not asked yet, problems in the spec, or the worker busy). */
export function estimateLine(view: EstimateView): EstimateLine | null {
  switch (view.state) {
    case 'none':
      return null;
    case 'estimating':
      return {
        text: 'Expected run time: estimating…',
        over: null,
        detail: 'A few steps of this experiment are being timed on the chosen backend.',
      };
    case 'failed':
      return { text: `Expected run time: unknown. ${view.message}`, over: null, detail: null };
    case 'ready': {
      const e = view.estimate;
      const minutes = DEFAULT_RUN_BUDGET_SECONDS / 60;
      return {
        text: `Expected run time: about ${roughDuration(e.totalSeconds)} on ${e.backend} (from a timed probe step)`,
        over:
          e.totalSeconds > DEFAULT_RUN_BUDGET_SECONDS
            ? `That is more than the ${minutes} minutes a default run is meant to take; fewer epochs, examples or candidates shorten it.`
            : null,
        detail: breakdown(e),
      };
    }
  }
}
