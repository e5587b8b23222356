/** The latency lookup table of the current run (backend, device, entries measured or reused) and its end-to-end check. */
import { shownRun } from '../../store/history-selectors';
import { useMemo } from 'react';
import { formatMs } from '../../charts/pareto-format';
import { formatDuration } from '../../store/run-selectors';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { checkAgreement } from './search-text';

/** The card; nothing until the run has a latency table or checks. */
export function LatencyCard() {
  const table = useStudio((s) => shownRun(s).latency);
  const checks = useStudio((s) => shownRun(s).latencyChecks);
  const subnets = useStudio((s) => shownRun(s).subnets);
  const order = useMemo(() => new Map(subnets.map((r, i) => [r.key, i + 1])), [subnets]);
  const agreement = useMemo(() => checkAgreement(checks), [checks]);
  if (table === null && checks.length === 0) return null;
  return (
    <section className="card" aria-labelledby="latency-title" data-testid="latency-card">
      <h3 id="latency-title">Latency on this device</h3>
      <Explain id="latency" />
      <p className="hint">
        Each op is timed at the shapes this network gives it (warm-up, then the median of repeats);
        a subnet’s latency is the sum of its ops’ entries. A few whole subnets are then timed end to
        end to show how well the sum predicts them.
      </p>
      {table !== null ? (
        <table className="metrics-table" data-testid="latency-table">
          <tbody>
            <tr>
              <th scope="row">backend</th>
              <td>{table.backend}</td>
            </tr>
            <tr>
              <th scope="row">device</th>
              <td>{table.device}</td>
            </tr>
            <tr>
              <th scope="row">entries</th>
              <td className="num">
                {table.entries} ({table.measured} measured, {table.reused} reused)
              </td>
            </tr>
            <tr>
              <th scope="row">batch per timed pass</th>
              <td className="num">{table.batch}</td>
            </tr>
            <tr>
              <th scope="row">time spent measuring</th>
              <td className="num">{formatDuration(table.elapsedMs)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
      {checks.length > 0 ? (
        <table className="metrics-table" data-testid="latency-check">
          <caption>End-to-end check</caption>
          <thead>
            <tr>
              <th scope="col">subnet</th>
              <th scope="col">table-predicted</th>
              <th scope="col">measured</th>
              <th scope="col">measured / predicted</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c) => (
              <tr key={c.key}>
                <th scope="row">#{order.get(c.key) ?? '?'}</th>
                <td className="num">{formatMs(c.predictedMs)}</td>
                <td className="num">{formatMs(c.measuredMs)}</td>
                <td className="num">
                  {c.predictedMs > 0 ? `${(c.measuredMs / c.predictedMs).toFixed(2)}×` : '–'}
                </td>
              </tr>
            ))}
          </tbody>
          {agreement !== null ? (
            <tfoot>
              <tr>
                <td colSpan={4} className="muted">
                  On average the table is off by {(100 * agreement.meanError).toFixed(1)}% (mean
                  ratio {agreement.meanRatio.toFixed(2)}×).
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      ) : (
        <p className="hint">The end-to-end check runs after the search.</p>
      )}
    </section>
  );
}
