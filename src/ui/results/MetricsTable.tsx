/** Final accuracy and loss on the three splits. */
import type { FinalMetrics } from '../../core/run/protocol';

const SPLITS = [
  ['train', 'trainAcc', 'trainLoss'],
  ['validation', 'validAcc', 'validLoss'],
  ['test', 'testAcc', 'testLoss'],
] as const;

/** Four decimals for ordinary losses; exponent form for diverged ones; a dash when not measured. */
function formatLoss(x: number): string {
  if (Number.isNaN(x)) return '–';
  return Math.abs(x) >= 1e4 ? x.toExponential(3) : x.toFixed(4);
}

/** An accuracy as a percentage, or a dash when not measured. */
function formatAcc(x: number): string {
  return Number.isNaN(x) ? '–' : `${(100 * x).toFixed(2)}%`;
}

/** A small table: one row per split; `caption` says what was measured (the supernet, or the best subnet). */
export function MetricsTable({
  metrics,
  caption = 'Final supernet metrics',
}: {
  readonly metrics: FinalMetrics;
  readonly caption?: string;
}) {
  return (
    <table className="metrics-table" data-testid="final-metrics">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">split</th>
          <th scope="col">accuracy</th>
          <th scope="col">loss</th>
        </tr>
      </thead>
      <tbody>
        {SPLITS.map(([name, acc, loss]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="num">{formatAcc(metrics[acc])}</td>
            <td className="num">{formatLoss(metrics[loss])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
