/** The curves of two saved runs on one pair of charts: each run's loss and accuracy series, named and coloured by run. */
import type { LineSeries } from '../../charts/line-chart';
import type { ReplayedRun } from '../../store/history-state';
import { accuracySeries, lossSeries } from '../views/chart-data';

/** Colours per compared run: [training, validation] (theme tokens, see tokens.css). */
export const COMPARE_COLORS: readonly (readonly [string, string])[] = [
  ['var(--compare-a-train)', 'var(--compare-a-valid)'],
  ['var(--compare-b-train)', 'var(--compare-b-valid)'],
];

/** Letters naming the compared runs in legends. */
export const COMPARE_LETTERS = ['A', 'B'] as const;

/** Renames and recolours one run's series: 'A train', 'A validation' ... (the alpha-step loss is left out). */
function tagged(series: readonly LineSeries[], index: number): LineSeries[] {
  const colors = COMPARE_COLORS[index] ?? COMPARE_COLORS[0];
  const letter = COMPARE_LETTERS[index] ?? String(index + 1);
  return series
    .filter((s) => s.name !== 'alpha step')
    .map((s) => ({
      ...s,
      name: `${letter} ${s.name}`,
      color: s.name === 'validation' ? (colors?.[1] ?? s.color) : (colors?.[0] ?? s.color),
    }));
}

/** Loss series of every compared run. */
export function compareLoss(runs: readonly ReplayedRun[]): LineSeries[] {
  return runs.flatMap((r, i) => tagged(lossSeries(r.run, r.spec.strategy.kind), i));
}

/** Accuracy series of every compared run. */
export function compareAccuracy(runs: readonly ReplayedRun[]): LineSeries[] {
  return runs.flatMap((r, i) => tagged(accuracySeries(r.run, r.spec.strategy.kind), i));
}
