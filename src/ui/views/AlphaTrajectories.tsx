/** Architecture-weight trajectories: one small chart per edge of each searched cell (DARTS only: SPOS and multi-trial have no alphas). */
import { capabilitiesOf } from '../../core/strategy/registry';
import { shownRun } from '../../store/history-selectors';
import { useMemo, useState } from 'react';
import { createAlphaChart, type AlphaChartData } from '../../charts/alpha-chart';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { ChartHost } from './ChartHost';
import { alphaCells } from './chart-data';

/** The alpha small multiples for the current run; nothing when the run (or, before any run, the form) uses a strategy without alphas. */
export function AlphaTrajectories() {
  const spec = useStudio((s) => shownRun(s).spec);
  const started = useStudio((s) => shownRun(s).started);
  const alphas = useStudio((s) => shownRun(s).alphas);
  const kind = useStudio((s) => (shownRun(s).spec ?? s.spec).strategy.kind);
  // One 0..1 axis by default: a weight reads as the same height in every panel, and a wobble of a
  // hundredth is not blown up to fill its panel.
  const [sharedAxis, setSharedAxis] = useState(true);
  const data = useMemo(
    (): AlphaChartData => ({ cells: alphaCells({ spec, started, alphas }), sharedAxis }),
    [spec, started, alphas, sharedAxis],
  );
  if (!capabilitiesOf(kind).alphas) return null;
  return (
    <section
      className="card live-card"
      aria-labelledby="alpha-title"
      data-testid="alpha-trajectories"
    >
      <h3 id="alpha-title">Architecture weights</h3>
      <Explain id="alphas" />
      <p className="hint">
        Softmax of each edge's alphas over the steps; the strongest op on each edge is drawn
        thicker.
      </p>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="alpha-shared-axis"
          checked={sharedAxis}
          onChange={(e) => setSharedAxis(e.target.checked)}
        />{' '}
        Same 0..1 axis on every edge (untick to scale each edge to its own weights)
      </label>
      <ChartHost
        create={createAlphaChart}
        data={data}
        testId="alpha-chart"
        exportName="alphas"
        label="Softmax architecture weights per edge over steps"
        summary="The weights of the latest step, per edge and op, are listed in the alpha table under Results on this tab."
      />
    </section>
  );
}
