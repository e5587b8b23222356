/** The Pareto card: cost axis, colour and comparison controls above the accuracy-against-cost chart. */
import { shownRun } from '../../store/history-selectors';
import { useMemo } from 'react';
import { createParetoChart, type ParetoData } from '../../charts/pareto-chart';
import { COST_AXIS_NAMES, tooltipContent, type TooltipContent } from '../../charts/pareto-format';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { COST_AXES } from '../../core/pareto/cost-axes';
import { costOf, runContext } from '../../store/search-selectors';
import type { ColorBy, CostAxis, SearchPoint } from '../../store/search-state';
import { Explain } from '../explain/Explain';
import { studioStore, useStudio } from '../studio';
import { ChartHost } from '../views/ChartHost';
import { pointSummary } from './search-text';

const AXES: readonly CostAxis[] = COST_AXES;

const COLOR_MODES: readonly ColorBy[] = ['strategy', 'generation'];

const COLOR_NAMES: Record<ColorBy, string> = {
  strategy: 'Run (strategy)',
  generation: 'Generation',
};

/** Props: the plotted points and the spec of each plotted run. */
export interface ParetoPanelProps {
  readonly points: readonly SearchPoint[];
  readonly specs: ReadonlyMap<number, ExperimentSpec>;
}

/** The controls and the chart. */
export function ParetoPanel({ points, specs }: ParetoPanelProps) {
  const runSpec = useStudio((s) => shownRun(s).spec);
  const runId = useStudio((s) => shownRun(s).runId);
  const costAxis = useStudio((s) => s.search.costAxis);
  const colorBy = useStudio((s) => s.search.colorBy);
  const compareRuns = useStudio((s) => s.search.compareRuns);
  const selected = useStudio((s) => s.search.selected);
  const brushed = useStudio((s) => s.search.brushed);
  const archive = useStudio((s) => s.search.archive);
  const { setCostAxis, setColorBy, setCompareRuns, selectPoint, brushPoints } =
    studioStore.getState();
  const comparable = useMemo(() => {
    if (runSpec === null) return 0;
    const context = runContext(runSpec);
    return archive.filter((a) => a.context === context && a.runId !== runId).length;
  }, [runSpec, runId, archive]);
  const data = useMemo((): ParetoData => {
    const byId = new Map(points.map((p) => [p.id, p]));
    return {
      axis: costAxis,
      colorBy,
      points: points.map((p) => ({
        id: p.id,
        cost: costOf(p.record, costAxis),
        accuracy: p.record.accuracy,
        series: p.runLabel,
        generation: p.record.generation,
        onFront: p.onFront,
      })),
      selected,
      brushed,
      tooltip: (id): TooltipContent => {
        const p = byId.get(id);
        const spec = p ? specs.get(p.runId) : undefined;
        return p && spec
          ? tooltipContent(pointSummary(p, spec))
          : { title: id, lines: [], code: [] };
      },
      onSelect: selectPoint,
      onBrush: brushPoints,
    };
  }, [points, specs, costAxis, colorBy, selected, brushed, selectPoint, brushPoints]);
  const front = points.filter((p) => p.onFront).length;
  return (
    <section className="card" aria-labelledby="pareto-title">
      <h3 id="pareto-title">
        Pareto front{' '}
        <span className="muted">
          · {points.length.toLocaleString('en-US')} subnet{points.length === 1 ? '' : 's'},{' '}
          {front.toLocaleString('en-US')} on the front
        </span>
      </h3>
      <Explain id="pareto" />
      <div className="search-controls">
        <label>
          Cost axis{' '}
          <select
            data-testid="cost-axis"
            value={costAxis}
            onChange={(e) => {
              const axis = AXES.find((a) => a === e.target.value);
              if (axis) setCostAxis(axis);
            }}
          >
            {AXES.map((a) => (
              <option key={a} value={a}>
                {COST_AXIS_NAMES[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Colour by{' '}
          <select
            data-testid="color-by"
            value={colorBy}
            onChange={(e) => {
              const by = COLOR_MODES.find((c) => c === e.target.value);
              if (by) setColorBy(by);
            }}
          >
            {COLOR_MODES.map((c) => (
              <option key={c} value={c}>
                {COLOR_NAMES[c]}
              </option>
            ))}
          </select>
        </label>
        {comparable > 0 ? (
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="compare-runs"
              checked={compareRuns}
              onChange={(e) => setCompareRuns(e.target.checked)}
            />{' '}
            Compare with earlier runs ({comparable} on the same space and data)
          </label>
        ) : null}
      </div>
      <p className="hint">
        Hover a point for its genotype, click it to inspect it, drag a box to select a set (click
        the empty chart to clear it). Higher and further left is better.
      </p>
      <ChartHost
        create={createParetoChart}
        data={data}
        testId="pareto-chart"
        exportName="pareto"
        role="group"
        label="Validation accuracy against cost, one point per evaluated subnet"
        summary="Every point is a row of the subnet table on this tab, with its accuracy, cost and genotype."
      />
    </section>
  );
}
