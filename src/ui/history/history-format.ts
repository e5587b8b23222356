/** Text of the history table: accuracy as a percentage, a run's one-line summary. */
import { STRATEGY_LABELS } from '../../core/strategy/registry';
import { DATASET_LABELS } from '../../core/experiment/defaults';
import type { SavedRunSummary } from '../../storage/types';
import { groupDigits } from '../../core/numbers';

/** Accuracy as a percentage, or a dash. */
export function percent(acc: number | null): string {
  return acc === null || !Number.isFinite(acc) ? '–' : `${(acc * 100).toFixed(1)}%`;
}

/** One line of a run's summary: strategy, dataset, seed (when recorded), steps. */
export function summaryLine(r: SavedRunSummary): string {
  const steps =
    r.totalSteps > 0
      ? `${groupDigits(r.step)} / ${groupDigits(r.totalSteps)} steps`
      : `${groupDigits(r.step)} steps`;
  const kept = r.checkpointStep === null ? '' : ` · checkpoint at step ${r.checkpointStep}`;
  const seed = r.seed === null ? '' : ` · seed ${r.seed}`;
  return `${STRATEGY_LABELS[r.strategy]} · ${DATASET_LABELS[r.dataset]}${seed} · ${steps}${kept}`;
}
