/** Download buttons for a run: the run file, the PyTorch model of the shown genotype, and the genotype strings. */
import { useState } from 'react';
import { datasetInput } from '../../core/data/load';
import { pytorchSource } from '../../core/export/pytorch';
import { runFileOf, serializeRunFile } from '../../core/export/run-file';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import type { Genotype } from '../../core/search-space/types';
import type { RunState } from '../../core/run/state';
import { downloadText, fileStem } from './download';
import { experimentTitle } from '../../core/experiment/title';

/** The buttons under a run's results. `genotype` is the genotype the card shows. */
export function ExportButtons({
  run,
  genotype,
}: {
  readonly run: RunState;
  readonly genotype: Genotype;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const { spec } = run;
  if (spec === null) return null;
  const stem = fileStem(experimentTitle(spec));
  const nb201 = formatNb201(spec.space.normal, genotype.normal);
  const saveRun = (): void => {
    const file = runFileOf(
      {
        spec,
        status: run.status,
        result: run.result ? { genotype: run.result.genotype, metrics: run.result.metrics } : null,
        subnets: run.subnets,
        steps: run.steps,
        evals: run.evals,
      },
      { exportedAt: new Date().toISOString() },
    );
    downloadText(`${stem}.run.json`, serializeRunFile(file), 'application/json');
  };
  const savePytorch = (): void => {
    try {
      const { input, classes } = datasetInput(spec.dataset);
      downloadText(
        `${stem}.py`,
        pytorchSource(spec.space, genotype, input, classes),
        'text/x-python',
      );
      setProblem(null);
    } catch (e) {
      setProblem(`The PyTorch file cannot be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="export-buttons">
      <button type="button" data-testid="export-json" onClick={saveRun}>
        Download run JSON
      </button>
      <button type="button" data-testid="export-pytorch" onClick={savePytorch}>
        Download PyTorch
      </button>
      <button
        type="button"
        data-testid="export-genotype"
        onClick={() =>
          downloadText(
            `${stem}.genotype.txt`,
            `${formatDartsGenotype(spec.space, genotype)}\n`,
            'text/plain',
          )
        }
      >
        Download genotype
      </button>
      {nb201 !== null ? (
        <button
          type="button"
          data-testid="export-nb201"
          onClick={() => downloadText(`${stem}.nb201.txt`, `${nb201}\n`, 'text/plain')}
        >
          Download NAS-Bench-201 string
        </button>
      ) : null}
      {problem !== null ? (
        <p className="problem" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
