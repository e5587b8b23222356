/** A DARTS run's collapse diagnostics: the Hessian eigenvalue and the derived cell's parameter-free ops per epoch, with what DARTS+ and RobustDARTS make of them. */
import { lineSummary } from '../../charts/line-summary';
import { dartsPlusSettings } from '../../core/diagnostics/collapse';
import { hasAlphas } from '../../core/strategy/capabilities';
import { useMemo } from 'react';
import { createLineChart, type LineSeries } from '../../charts/line-chart';
import type { ChartView } from '../../charts/view';
import { shownRun } from '../../store/history-selectors';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { ChartHost } from './ChartHost';
import { collapseSeries, dartsEsText, dartsPlusText, eigenvalueSeries } from './diagnostics-data';

const createEigenChart = (el: HTMLElement): ChartView<readonly LineSeries[]> =>
  createLineChart(el, {
    xLabel: 'epoch',
    yLabel: 'largest eigenvalue of ∇²α L_val',
    emptyText: 'The eigenvalue appears after the first epoch in which the alphas train.',
  });

const createCountChart = (el: HTMLElement): ChartView<readonly LineSeries[]> =>
  createLineChart(el, {
    xLabel: 'epoch',
    yLabel: 'ops in the derived normal cell',
    emptyText: 'Counts appear after the first epoch.',
  });

/** The diagnostics card of a DARTS run (nothing for other strategies). */
export function CollapseDiagnostics() {
  // Only what this card shows: a store change elsewhere in the run (every step) does not re-render it.
  const diagnostics = useStudio((s) => shownRun(s).diagnostics);
  const earlyStop = useStudio((s) => shownRun(s).earlyStop);
  const strategy = useStudio((s) => shownRun(s).spec?.strategy);
  const eigen = useMemo(() => eigenvalueSeries(diagnostics), [diagnostics]);
  const counts = useMemo(() => collapseSeries(diagnostics), [diagnostics]);
  const eigenText = useMemo(
    () => lineSummary(eigen, 'epoch', 'No eigenvalue yet: it is measured after each epoch.'),
    [eigen],
  );
  const countText = useMemo(
    () => lineSummary(counts, 'epoch', 'No counts yet: they are taken after each epoch.'),
    [counts],
  );
  if (strategy === undefined || !hasAlphas(strategy)) return null;
  const opCount = diagnostics[diagnostics.length - 1]?.opCount;
  return (
    <section
      className="card live-card"
      aria-labelledby="diagnostics-title"
      data-testid="collapse-diagnostics"
    >
      <h3 id="diagnostics-title">Collapse diagnostics</h3>
      <p className="hint">
        A long DARTS search can drift to cells full of parameter-free ops (skip connections, pools)
        that score well in the supernet and badly on their own. RobustDARTS (Zela et al. 2020) found
        that the largest eigenvalue of the Hessian of the validation loss in the alphas grows as
        this happens: the search settles in a sharp minimum that discretization then breaks. Both
        are measured after every epoch
        {opCount !== undefined ? ` (the derived normal cell keeps ${opCount} ops)` : ''}.
      </p>
      <div className="chart-pair">
        <div>
          <Explain id="eigenvalue" />
          <ChartHost
            create={createEigenChart}
            data={eigen}
            testId="eigenvalue-chart"
            exportName="hessian-eigenvalue"
            label="Largest Hessian eigenvalue of the validation loss per epoch"
            summary={eigenText}
          />
        </div>
        <div>
          <Explain id="skip-count" />
          <ChartHost
            create={createCountChart}
            data={counts}
            testId="skip-count-chart"
            exportName="derived-cell-ops"
            label="Skip connections and parameter-free ops of the derived normal cell per epoch"
            summary={countText}
          />
        </div>
      </div>
      <p
        className={earlyStop ? 'diagnostics-line diagnostics-stop' : 'diagnostics-line'}
        data-testid="darts-plus"
      >
        {dartsPlusText(diagnostics, earlyStop, dartsPlusSettings(strategy))}
      </p>
      <p className="diagnostics-line" data-testid="darts-es">
        {dartsEsText(diagnostics, strategy.warmupEpochs)}
      </p>
    </section>
  );
}
