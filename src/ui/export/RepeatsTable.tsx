/** An imported repeats file's spread: one row per seed (final accuracy, test accuracy, worker, time) and the mean, deviation and range. */
import type { RunFileRepeats } from '../../core/export/run-file';
import { FEW_REPEATS, spreadOf, type Spread } from '../../core/stats/spread';

/** An accuracy as a percentage, or a dash when not measured. */
function formatAcc(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(2)}%` : '–';
}

/** The summary rows of one measured column. */
const SUMMARY: readonly (readonly [string, keyof Spread])[] = [
  ['mean', 'mean'],
  ['sd', 'sd'],
  ['min', 'min'],
  ['max', 'max'],
];

/** The seeds of a repeats file and how their final accuracies spread (computed from the seeds' rows). */
export function RepeatsTable({ repeats }: { readonly repeats: RunFileRepeats }) {
  const { seeds } = repeats;
  const accuracy = spreadOf(seeds.map((s) => s.accuracy));
  const testAcc = spreadOf(seeds.map((s) => s.testAcc));
  return (
    <table className="metrics-table" data-testid="imported-repeats">
      <caption>
        Repeats: {seeds.length} of {repeats.count} seed{repeats.count === 1 ? '' : 's'} returned.
        Final accuracy is the validation accuracy of each run’s final subnet; test is the run’s
        final test accuracy.
        {accuracy.n < FEW_REPEATS
          ? ` With ${accuracy.n} seed${accuracy.n === 1 ? '' : 's'} the deviation says little.`
          : ''}
      </caption>
      <thead>
        <tr>
          <th scope="col">seed</th>
          <th scope="col">final accuracy</th>
          <th scope="col">test</th>
          <th scope="col">worker</th>
          <th scope="col">time</th>
        </tr>
      </thead>
      <tbody>
        {seeds.map((s) => (
          <tr key={s.index}>
            <th scope="row" title={s.file}>
              {s.seed}
            </th>
            <td className="num">{formatAcc(s.accuracy)}</td>
            <td className="num">{formatAcc(s.testAcc)}</td>
            <td>{s.worker}</td>
            <td className="num">{s.seconds.toFixed(1)} s</td>
          </tr>
        ))}
        {SUMMARY.map(([label, key]) => (
          <tr key={label} className="summary">
            <th scope="row">{label}</th>
            <td className="num">{formatAcc(accuracy[key])}</td>
            <td className="num">{formatAcc(testAcc[key])}</td>
            <td />
            <td />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
