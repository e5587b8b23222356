/** The selected subnet in full: its cells, genotype strings, accuracy and how it was obtained, costs, and stand-alone training. */
import { useMemo } from 'react';
import { formatPercent, formatMs } from '../../charts/pareto-format';
import { STRATEGY_LABELS } from '../../core/strategy/registry';
import type { ExperimentSpec } from '../../core/experiment/spec';
import type { SearchPoint } from '../../store/search-state';
import { CopyText } from '../results/CopyText';
import { studioStore } from '../studio';
import { GenotypeCells } from '../views/GenotypeCells';
import { genotypeStrings, howObtained, ORIGIN_WORDS } from './search-text';
import { StandalonePanel } from './StandalonePanel';

/** The inspector card, or a hint while nothing is selected. */
export function SubnetInspector({
  point,
  spec,
}: {
  readonly point: SearchPoint | null;
  readonly spec: ExperimentSpec | null;
}) {
  const strings = useMemo(
    () => (point && spec ? genotypeStrings(point.record, spec) : null),
    [point, spec],
  );
  if (point === null || spec === null || strings === null) {
    return (
      <section className="card">
        <h3>Subnet inspector</h3>
        <p className="empty">
          Click a point in the chart or a row in the table to see its cells, scores and costs.
        </p>
      </section>
    );
  }
  const { record } = point;
  const facts: [string, string][] = [
    ['Accuracy', `${formatPercent(record.accuracy)} on the validation split`],
    ['Obtained with', howObtained(record, spec)],
    ['Run', `${point.runLabel} (${STRATEGY_LABELS[point.strategy]})`],
    ['Generation', String(record.generation)],
    ['Origin', ORIGIN_WORDS[record.origin]],
    ...(record.seed === undefined
      ? []
      : ([['Seed', `${record.seed} (the final subnet of that seed’s run)`]] as [string, string][])),
    ['Params', record.params.toLocaleString()],
    ['FLOPs', `${record.flops.toLocaleString()} multiply-accumulates per example`],
    [
      'Latency',
      record.latencyMs === null
        ? 'unknown (the latency table could not be measured)'
        : `${formatMs(record.latencyMs)} per example (latency table)`,
    ],
    ['Pareto front', point.onFront ? 'on the front for the current cost axis' : 'dominated'],
  ];
  return (
    <section
      className="card inspector"
      data-testid="subnet-inspector"
      aria-labelledby="inspector-title"
    >
      <div className="inspector-head">
        <h3 id="inspector-title">
          Subnet #{point.order} <span className="muted">· {point.runLabel}</span>
        </h3>
        <button
          type="button"
          className="link"
          onClick={() => studioStore.getState().selectPoint(null)}
        >
          Close
        </button>
      </div>
      <GenotypeCells
        genotype={point.record.genotype}
        spec={spec}
        testId="inspector-cell-diagram"
        exportPrefix={`subnet-${point.order}`}
        labelSuffix="of the selected subnet"
      />
      <CopyText label="DARTS genotype" text={strings.darts} testId="inspector-genotype" />
      {strings.nb201 !== null ? (
        <CopyText label="NAS-Bench-201 string" text={strings.nb201} testId="inspector-nb201" />
      ) : null}
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <StandalonePanel point={point} />
    </section>
  );
}
