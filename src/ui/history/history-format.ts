/** Text of the history table: accuracy as a percentage, a run's one-line summary. */
import { DATASET_LABELS, STRATEGY_LABELS } from '../../core/experiment/defaults';
import type { SavedRunSummary } from '../../storage/types';

/** Accuracy as a percentage, or a dash. */
export function percent(acc: number | null): string {
  return acc === null || !Number.isFinite(acc) ? '–' : `${(acc * 100).toFixed(1)}%`;
}

/** One line of a run's summary: strategy, dataset, steps. */
export function summaryLine(r: SavedRunSummary): string {
  const steps = r.totalSteps > 0 ? `${r.step} / ${r.totalSteps} steps` : `${r.step} steps`;
  const kept = r.checkpointStep === null ? '' : ` · checkpoint at step ${r.checkpointStep}`;
  return `${STRATEGY_LABELS[r.strategy]} · ${DATASET_LABELS[r.dataset]} · ${steps}${kept}`;
}
