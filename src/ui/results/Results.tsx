/** What a run ends with: the genotype in DARTS and NAS-Bench-201 form, final metrics, and (DARTS) the alpha tables. */
import { capabilitiesOf, strategyEntry } from '../../core/strategy/registry';
import { shownRun } from '../../store/history-selectors';
import { useMemo } from 'react';
import { formatDartsGenotype, formatNb201 } from '../../core/search-space/format';
import { runWarnings } from '../../core/trust/run-warnings';
import { warmupSummary } from '../../core/run/warmup-summary';
import { warningsAt } from '../../core/trust/warning';
import { ExportButtons } from '../export/ExportButtons';
import { ImportedRun } from '../export/ImportedRun';
import { derivedCellText } from '../search/search-text';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { TrustNotes } from '../trust/TrustNotes';
import { alphaCells } from '../views/chart-data';
import { isDiscrete, shownGenotype } from '../views/shown-genotype';
import { AlphaTable } from './AlphaTable';
import { EdgeWeightTable } from './EdgeWeightTable';
import { CopyText } from './CopyText';
import { LatencyLossPanel } from './LatencyLossPanel';
import { MetricsTable } from './MetricsTable';
import { SelectionCompare } from './SelectionCompare';

/** The results card (once a run has ended with a genotype), the selection comparison (DARTS with perturbation selection) and the run import panel below them. */
export function Results() {
  return (
    <>
      <ResultsCard />
      <LatencyLossPanel />
      <SelectionCompare />
      <ImportedRun />
    </>
  );
}

/** The results card, shown once a run has ended with a genotype (DARTS's derived cell, or the best subnet a discrete search found). */
function ResultsCard() {
  const run = useStudio(shownRun);
  const { spec, result, status } = run;
  const cells = useMemo(() => alphaCells(run), [run]);
  const shown = useMemo(() => shownGenotype(run), [run]);
  const warnings = useMemo(() => runWarnings(run), [run]);
  if (
    spec === null ||
    shown === null ||
    (result === null && status !== 'stopped' && status !== 'failed')
  )
    return null;
  const kind = spec.strategy.kind;
  const discrete = isDiscrete(kind);
  const final = shown.genotype;
  const nb201 = formatNb201(spec.space.normal, final.normal);
  const ended = status === 'failed' ? 'failed' : 'stopped';
  const warmupLine = warmupSummary(spec, run.subnets);
  const derivedLine =
    result && capabilitiesOf(kind).alphas
      ? derivedCellText(run.subnets, result.metrics.validAcc, capabilitiesOf(kind).trainsMixture)
      : null;
  const heading = result
    ? discrete
      ? 'Result: best subnet found'
      : 'Result'
    : discrete
      ? `Best subnet found before the run ${ended}`
      : `Genotype when the run ${ended} (step ${shown.step ?? 0})`;
  return (
    <section className="card results" aria-labelledby="results-title">
      <h3 id="results-title">{heading}</h3>
      <TrustNotes warnings={warningsAt(warnings, 'genotype')} testId="genotype-warnings" />
      <CopyText
        label="DARTS genotype"
        text={formatDartsGenotype(spec.space, final)}
        testId="final-genotype"
      />
      {nb201 !== null ? (
        <CopyText label="NAS-Bench-201 string" text={nb201} testId="nb201-string" />
      ) : null}
      <ExportButtons run={run} genotype={final} />
      {result ? (
        <MetricsTable metrics={result.metrics} caption={strategyEntry(kind).resultCaption} />
      ) : null}
      {warmupLine !== null ? (
        <p className="hint" data-testid="warmup-summary">
          {warmupLine}
        </p>
      ) : null}
      {derivedLine !== null ? (
        <p className="hint" data-testid="derived-cell">
          {derivedLine}
        </p>
      ) : null}
      <TrustNotes warnings={warningsAt(warnings, 'accuracy')} testId="accuracy-warnings" />
      {discrete ? (
        <p className="hint">
          The Subnets & Pareto view plots every evaluated subnet against its cost, and can train any
          of them stand-alone.
        </p>
      ) : (
        <div>
          <Explain id="alpha-table" />
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
            {cells.map((cell) => {
              const weights = result?.weights[cell.role];
              const edgeWeights = result?.edgeWeights?.[cell.role];
              return weights && edgeWeights ? (
                <EdgeWeightTable
                  key={`${cell.role}-edges`}
                  title={`${cell.title}: edge weights (PC-DARTS; edges ranked by edge weight × strongest op)`}
                  edges={cell.edges}
                  weights={weights}
                  edgeWeights={edgeWeights}
                  nodeLabels={cell.nodeLabels ?? new Map()}
                />
              ) : null;
            })}
          </div>
        </div>
      )}
    </section>
  );
}
