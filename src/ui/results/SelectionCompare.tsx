/** Magnitude against perturbation-based selection, side by side: both cells, their scores with inherited weights and stand-alone, and every decision perturbation took. */
import { useMemo } from 'react';
import { formatPercent } from '../../charts/pareto-format';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { SubnetRecord } from '../../core/run/protocol';
import { formatDartsGenotype } from '../../core/search-space/format';
import { shownRun } from '../../store/history-selectors';
import { runContext, standaloneKey } from '../../store/search-context';
import { standaloneProblem } from '../../store/search-selectors';
import { standaloneText } from '../search/search-text';
import { Explain } from '../explain/Explain';
import { studioStore, useStudio } from '../studio';
import { GenotypeCells } from '../views/GenotypeCells';
import { CopyText } from './CopyText';
import { decisionRows, selectedCells, selectionVerdict } from './selection-data';

/** One selection's column: its cells, inherited accuracy, params and stand-alone training. */
function SelectionColumn({
  title,
  record,
  spec,
  runId,
  testId,
}: {
  readonly title: string;
  readonly record: SubnetRecord;
  readonly spec: ExperimentSpec;
  readonly runId: number;
  readonly testId: string;
}) {
  const entry = useStudio(
    (s) => s.search.standalone[standaloneKey(runContext(spec), record.key)] ?? null,
  );
  const problem = useStudio(standaloneProblem);
  const busy = entry?.state === 'queued' || entry?.state === 'training';
  const reason = problem ?? (busy ? 'This cell is queued or training.' : null);
  return (
    <div className="selection-column" data-testid={testId}>
      <h4>{title}</h4>
      <GenotypeCells
        genotype={record.genotype}
        spec={spec}
        testId={`${testId}-cells`}
        exportPrefix={testId}
        labelSuffix={`selected by ${title.toLowerCase()}`}
      />
      <CopyText
        label="DARTS genotype"
        text={formatDartsGenotype(spec.space, record.genotype)}
        testId={`${testId}-genotype`}
      />
      <dl className="selection-scores">
        <dt>With inherited weights</dt>
        <dd data-testid={`${testId}-inherited`}>{formatPercent(record.accuracy)}</dd>
        <dt>Params</dt>
        <dd>{record.params.toLocaleString('en-US')}</dd>
        <dt>Stand-alone</dt>
        <dd data-testid={`${testId}-standalone`}>{standaloneText(entry)}</dd>
      </dl>
      <button
        type="button"
        className="action"
        data-testid={`${testId}-train`}
        disabled={reason !== null}
        title={reason ?? undefined}
        onClick={() => studioStore.getState().trainStandalone([`${runId}:${record.key}`])}
      >
        {entry?.state === 'done' ? 'Train stand-alone again' : 'Train stand-alone'}
      </button>
    </div>
  );
}

/** The comparison card of a DARTS run that ran perturbation-based selection (nothing otherwise). */
export function SelectionCompare() {
  const run = useStudio(shownRun);
  const { spec, selection, subnets } = run;
  const cells = useMemo(() => selectedCells(subnets), [subnets]);
  const rows = useMemo(
    () => (spec && selection ? decisionRows(selection, spec.space) : []),
    [spec, selection],
  );
  const standalone = useStudio((s) => s.search.standalone);
  if (spec === null || selection === null || cells.magnitude === null) return null;
  const context = runContext(spec);
  const done = (r: SubnetRecord | null) => {
    const e = r ? standalone[standaloneKey(context, r.key)] : undefined;
    return e?.state === 'done' ? e.score.validAcc : null;
  };
  const magAcc = done(cells.magnitude);
  const pertAcc = done(cells.perturbation);
  const validCount = run.started?.validCount ?? 0;
  return (
    <section className="card" aria-labelledby="selection-title" data-testid="selection-compare">
      <h3 id="selection-title">Architecture selection: magnitude and perturbation</h3>
      <Explain id="selection" />
      <p className="hint">
        Magnitude selection keeps the strongest α on each edge, as DARTS does. Perturbation-based
        selection (Wang et al. 2021) asks the trained supernet instead: it removes each candidate op
        in turn, keeps the one whose removal lowers validation accuracy most, and fine-tunes the
        supernet between decisions. Both cells are scored with the supernet’s weights after
        BatchNorm recalibration (the perturbation cell with the fine-tuned weights); train them
        stand-alone to see which selection served this run better.
      </p>
      <div className="selection-pair">
        <SelectionColumn
          title="Magnitude (argmax α)"
          record={cells.magnitude}
          spec={spec}
          runId={run.runId}
          testId="selection-magnitude"
        />
        {cells.perturbation ? (
          <SelectionColumn
            title="Perturbation"
            record={cells.perturbation}
            spec={spec}
            runId={run.runId}
            testId="selection-perturbation"
          />
        ) : (
          <p className="hint" data-testid="selection-same">
            {rows.length > 0 && run.result !== null
              ? 'Perturbation-based selection chose the same cell as magnitude selection.'
              : 'Perturbation-based selection was stopped before it chose a cell.'}
          </p>
        )}
      </div>
      {magAcc !== null && pertAcc !== null ? (
        <p className="diagnostics-line" data-testid="selection-verdict">
          {selectionVerdict(magAcc, pertAcc, validCount)}
        </p>
      ) : null}
      <details className="selection-decisions">
        <summary>
          {rows.length} decision{rows.length === 1 ? '' : 's'}: validation accuracy with each
          candidate removed
        </summary>
        <table className="decision-table" data-testid="decision-table">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Accuracy without each candidate</th>
              <th scope="col">Kept</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{r.where}</td>
                <td>{r.removals}</td>
                <td>{r.kept}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
