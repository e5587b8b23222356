/** Architecture-weight trajectories: one small chart per edge of each searched cell (DARTS only: SPOS and multi-trial have no alphas). */
import { shownRun } from '../../store/history-selectors';
import { useMemo } from 'react';
import { createAlphaChart } from '../../charts/alpha-chart';
import { useStudio } from '../studio';
import { ChartHost } from './ChartHost';
import { alphaCells } from './chart-data';

/** The alpha small multiples for the current run; nothing when the run (or, before any run, the form) uses a strategy without alphas. */
export function AlphaTrajectories() {
  const spec = useStudio((s) => shownRun(s).spec);
  const started = useStudio((s) => shownRun(s).started);
  const alphas = useStudio((s) => shownRun(s).alphas);
  const kind = useStudio((s) => (shownRun(s).spec ?? s.spec).strategy.kind);
  const cells = useMemo(() => alphaCells({ spec, started, alphas }), [spec, started, alphas]);
  if (kind !== 'darts') return null;
  return (
    <section className="card" aria-labelledby="alpha-title" data-testid="alpha-trajectories">
      <h3 id="alpha-title">Architecture weights</h3>
      <p className="hint">
        Softmax of each edge's alphas over the steps; the strongest op on each edge is drawn
        thicker.
      </p>
      <ChartHost
        create={createAlphaChart}
        data={cells}
        testId="alpha-chart"
        exportName="alphas"
        label="Softmax architecture weights per edge over steps"
      />
    </section>
  );
}
