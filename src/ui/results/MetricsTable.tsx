/** Final accuracy and loss on the three splits. */
import type { FinalMetrics } from '../../core/run/protocol';

const SPLITS = [
  ['train', 'trainAcc', 'trainLoss'],
  ['validation', 'validAcc', 'validLoss'],
  ['test', 'testAcc', 'testLoss'],
] as const;

/** Four decimals for ordinary losses; exponent form for diverged ones. */
function formatLoss(x: number): string {
  return Math.abs(x) >= 1e4 ? x.toExponential(3) : x.toFixed(4);
}

/** A small table: one row per split. */
export function MetricsTable({ metrics }: { readonly metrics: FinalMetrics }) {
  return (
    <table className="metrics-table" data-testid="final-metrics">
      <caption>Final supernet metrics</caption>
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
            <td className="num">{(100 * metrics[acc]).toFixed(2)}%</td>
            <td className="num">{formatLoss(metrics[loss])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
