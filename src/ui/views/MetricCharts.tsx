/** Live loss and accuracy charts: training per step, validation per epoch. */
import { shownRun } from '../../store/history-selectors';
import { useMemo } from 'react';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import type { ChartView } from '../../charts/view';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { ChartHost } from './ChartHost';
import { accuracySeries, lossSeries } from './chart-data';
import { lineSummary } from '../../charts/line-summary';

const createLossChart = (el: HTMLElement): ChartView<readonly LineSeries[]> =>
  createLineChart(el, {
    xLabel: 'step',
    yLabel: 'cross-entropy loss',
    emptyText: 'Loss appears after the first step.',
  });

const createAccChart = (el: HTMLElement): ChartView<readonly LineSeries[]> =>
  createLineChart(el, {
    xLabel: 'step',
    yLabel: 'accuracy',
    yDomain: [0, 1],
    emptyText: 'Accuracy appears after the first step.',
  });

/** The two metric charts side by side. */
export function MetricCharts() {
  const steps = useStudio((s) => shownRun(s).steps);
  const evals = useStudio((s) => shownRun(s).evals);
  const kind = useStudio((s) => (shownRun(s).spec ?? s.spec).strategy.kind);
  const loss = useMemo(() => lossSeries({ steps, evals }, kind), [steps, evals, kind]);
  const acc = useMemo(() => accuracySeries({ steps, evals }, kind), [steps, evals, kind]);
  const lossText = useMemo(
    () => lineSummary(loss, 'step', 'No loss yet: it appears after the first step.'),
    [loss],
  );
  const accText = useMemo(
    () => lineSummary(acc, 'step', 'No accuracy yet: it appears after the first step.'),
    [acc],
  );
  return (
    <div className="chart-pair">
      <section className="card live-card" aria-labelledby="loss-title">
        <h3 id="loss-title">Loss</h3>
        <Explain id="loss" />
        <ChartHost
          create={createLossChart}
          data={loss}
          testId="loss-chart"
          exportName="loss"
          label="Loss over steps"
          summary={lossText}
        />
      </section>
      <section className="card live-card" aria-labelledby="acc-title">
        <h3 id="acc-title">Accuracy</h3>
        <Explain id="accuracy" />
        <ChartHost
          create={createAccChart}
          data={acc}
          testId="acc-chart"
          exportName="accuracy"
          label="Accuracy over steps"
          summary={accText}
        />
      </section>
    </div>
  );
}
