/** Two saved runs' curves drawn together: loss and accuracy, one colour pair per run. */
import { lineSummary } from '../../charts/line-summary';
import { useMemo } from 'react';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import type { ChartView } from '../../charts/view';
import { STRATEGY_LABELS } from '../../core/strategy/registry';
import { studioStore, useStudio } from '../studio';
import { ChartHost } from '../views/ChartHost';
import { compareAccuracy, compareLoss, COMPARE_LETTERS } from './compare-data';

const createLoss = (el: HTMLElement): ChartView<readonly LineSeries[]> =>
  createLineChart(el, {
    xLabel: 'step',
    yLabel: 'cross-entropy loss',
    emptyText: 'Neither run recorded a loss.',
  });

const createAcc = (el: HTMLElement): ChartView<readonly LineSeries[]> =>
  createLineChart(el, {
    xLabel: 'step',
    yLabel: 'accuracy',
    yDomain: [0, 1],
    emptyText: 'Neither run recorded an accuracy.',
  });

/** The comparison card, shown while two runs are compared. */
export function CompareView() {
  const runs = useStudio((s) => s.history.compare);
  const loss = useMemo(() => compareLoss(runs), [runs]);
  const acc = useMemo(() => compareAccuracy(runs), [runs]);
  if (runs.length < 2) return null;
  return (
    <section className="card" data-testid="history-compare" aria-labelledby="compare-title">
      <h3 id="compare-title">Comparing two runs</h3>
      <ul className="compare-legend">
        {runs.map((r, i) => (
          <li key={r.id}>
            <strong>{COMPARE_LETTERS[i]}</strong> {r.name}{' '}
            <span className="muted">({STRATEGY_LABELS[r.spec.strategy.kind]})</span>
          </li>
        ))}
      </ul>
      <div className="chart-pair">
        <ChartHost
          create={createLoss}
          data={loss}
          testId="compare-loss"
          exportName="compare-loss"
          label="Loss of both runs over steps"
          summary={lineSummary(loss, 'step', 'Neither run has a loss.')}
        />
        <ChartHost
          create={createAcc}
          data={acc}
          testId="compare-accuracy"
          exportName="compare-accuracy"
          label="Accuracy of both runs over steps"
          summary={lineSummary(acc, 'step', 'Neither run has an accuracy.')}
        />
      </div>
      <button type="button" onClick={() => studioStore.getState().closeCompare()}>
        Close the comparison
      </button>
    </section>
  );
}
