/** "Import run JSON": reads a run file and shows it read-only: spec name, status, genotype, metrics, subnet count (and a repeats file's seeds and spread). */
import { useState, type ChangeEvent } from 'react';
import { parseRunFile, type RunFile } from '../../core/export/run-file';
import { medianSeed } from '../../core/export/run-file-repeats';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import { replayOfFile } from '../../store/imported-run';
import { CopyText } from '../results/CopyText';
import { studioStore } from '../studio';
import { MetricsTable } from '../results/MetricsTable';
import { RepeatsTable } from './RepeatsTable';

/** Which seed's run a repeats file's result is. */
function medianSeedText(run: RunFile): string {
  const mid = medianSeed(run.repeats?.seeds ?? []);
  return mid === null ? 'none' : `seed ${mid.seed}`;
}

/** The import control and, once a file is read, its summary (or why it was refused). */
export function ImportedRun() {
  const [run, setRun] = useState<RunFile | null>(null);
  const [fileName, setFileName] = useState('');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const onFile = (e: ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    if (!file) return;
    file.text().then(
      (text) => {
        const read = parseRunFile(text);
        setFileName(file.name);
        setRun(read.ok ? read.run : null);
        setProblems(read.ok ? [] : read.problems);
      },
      () => {
        setRun(null);
        setProblems([`${file.name} could not be read.`]);
      },
    );
  };
  const nb201 = run?.result ? formatNb201(run.spec.space.normal, run.result.genotype.normal) : null;
  return (
    <section className="card imported-run" aria-labelledby="imported-run-title">
      <h3 id="imported-run-title">Imported run</h3>
      <label>
        Import run JSON{' '}
        <input
          type="file"
          accept=".json,application/json"
          data-testid="import-run"
          onChange={onFile}
        />
      </label>
      {problems.length > 0 ? (
        <ul className="problems" role="alert" data-testid="import-problems">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {run !== null ? (
        <div data-testid="imported-summary">
          <p>
            <strong>{run.spec.name}</strong> ({run.spec.strategy.kind}, status {run.status}),{' '}
            {run.subnets.length} evaluated subnet{run.subnets.length === 1 ? '' : 's'},{' '}
            {run.series.steps.length} recorded steps. Read-only.{' '}
            <button
              type="button"
              data-testid="import-replay"
              onClick={() => studioStore.getState().showImportedRun(replayOfFile(run, fileName))}
            >
              Show its charts
            </button>
          </p>
          {run.result ? (
            <>
              <CopyText
                label="DARTS genotype"
                text={formatDartsGenotype(run.spec.space, run.result.genotype)}
                testId="imported-genotype"
              />
              {nb201 !== null ? (
                <CopyText label="NAS-Bench-201 string" text={nb201} testId="imported-nb201" />
              ) : null}
              <MetricsTable
                metrics={run.result.metrics}
                caption={
                  run.repeats === undefined
                    ? 'Final metrics'
                    : `Final metrics of the median seed (${medianSeedText(run)})`
                }
              />
            </>
          ) : (
            <p className="hint">The run did not finish: it has no genotype or final metrics.</p>
          )}
          {run.repeats !== undefined ? <RepeatsTable repeats={run.repeats} /> : null}
        </div>
      ) : null}
    </section>
  );
}
