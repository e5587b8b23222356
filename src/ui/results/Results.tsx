/** What a run ends with: the genotype in DARTS and NAS-Bench-201 form, final metrics, and the alpha tables. */
import { useMemo } from 'react';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import { useStudio } from '../studio';
import { alphaCells } from '../views/chart-data';
import { AlphaTable } from './AlphaTable';
import { CopyText } from './CopyText';
import { MetricsTable } from './MetricsTable';

/** The results card, shown once a run has ended with a genotype. */
export function Results() {
  const run = useStudio((s) => s.run);
  const { spec, result, genotype, status } = run;
  const cells = useMemo(() => alphaCells(run), [run]);
  if (
    spec === null ||
    genotype === null ||
    (result === null && status !== 'stopped' && status !== 'failed')
  )
    return null;
  const final = result?.genotype ?? genotype.genotype;
  const nb201 = formatNb201(spec.space.normal, final.normal);
  return (
    <section className="card results" aria-labelledby="results-title">
      <h3 id="results-title">
        {result
          ? 'Result'
          : `Genotype when the run ${status === 'failed' ? 'failed' : 'stopped'} (step ${genotype.step})`}
      </h3>
      <CopyText
        label="DARTS genotype"
        text={formatDartsGenotype(spec.space, final)}
        testId="final-genotype"
      />
      {nb201 !== null ? (
        <CopyText label="NAS-Bench-201 string" text={nb201} testId="nb201-string" />
      ) : null}
      {result ? <MetricsTable metrics={result.metrics} /> : null}
      <div className="alpha-tables" data-testid="alpha-table">
        {cells.map((cell) => {
          const weights =
            result?.weights[cell.role] ?? cell.samples[cell.samples.length - 1]?.weights;
          return weights ? (
            <AlphaTable
              key={cell.role}
              title={`${cell.title}: softmax(α)`}
              edges={cell.edges}
              weights={weights}
              nodeLabels={cell.nodeLabels ?? new Map()}
            />
          ) : null;
        })}
      </div>
    </section>
  );
}
