/** Ranking fidelity: supernet accuracy against stand-alone accuracy for subnets scored both ways, with Kendall tau and Spearman rho. */
import { useMemo } from 'react';
import { createFidelityChart, type FidelityData } from '../../charts/fidelity-chart';
import {
  FIDELITY_MIN_PAIRS,
  rankingFidelity,
  standaloneProblem,
} from '../../store/search-selectors';
import type { SearchPoint } from '../../store/search-state';
import { studioStore, useStudio } from '../studio';
import { ChartHost } from '../views/ChartHost';
import { topInherited, trainableIds } from './search-text';

/** Subnets the "top" button trains. */
const TOP = 5;

/** A rank correlation as text, or what it still needs. */
function correlation(value: number | null, n: number): string {
  if (value !== null) return value.toFixed(3);
  return n < FIDELITY_MIN_PAIRS
    ? `needs ${FIDELITY_MIN_PAIRS} pairs`
    : 'undefined (a constant sample)';
}

/** The fidelity card. */
export function FidelityView({ points }: { readonly points: readonly SearchPoint[] }) {
  const selected = useStudio((s) => s.search.selected);
  const brushed = useStudio((s) => s.search.brushed);
  const problem = useStudio(standaloneProblem);
  const { trainStandalone, selectPoint } = studioStore.getState();
  const summary = useMemo(() => rankingFidelity(points), [points]);
  const data = useMemo((): FidelityData => {
    const byId = new Map(points.map((p) => [p.id, p]));
    return {
      pairs: summary.pairs.map((pair) => {
        const p = byId.get(pair.id);
        return { ...pair, label: p ? `#${p.order} · ${p.runLabel}` : pair.id };
      }),
      selected,
      onSelect: selectPoint,
    };
  }, [points, summary, selected, selectPoint]);
  const brushedTrainable = useMemo(() => trainableIds(points, brushed), [points, brushed]);
  const top = useMemo(() => topInherited(points, TOP), [points]);
  const topTrainable = useMemo(() => trainableIds(points, top), [points, top]);
  const brushedReason =
    problem ??
    (brushed.length === 0
      ? 'Drag a box on the Pareto chart to choose subnets first.'
      : brushedTrainable.length === 0
        ? 'Every brushed subnet is already trained or queued.'
        : null);
  const topReason =
    problem ??
    (topTrainable.length === 0
      ? `The ${TOP} most accurate subnets are already trained or queued.`
      : null);
  const n = summary.pairs.length;
  return (
    <section className="card" data-testid="fidelity-view" aria-labelledby="fidelity-title">
      <h3 id="fidelity-title">Ranking fidelity</h3>
      <p className="hint">
        Does the supernet rank subnets as training them from scratch would? Kendall’s τ and
        Spearman’s ρ compare the two orders: 1 is the same order, 0 no relation, −1 reversed. Yu et
        al. (2020, “Evaluating the search phase of NAS”) found weight sharing often ranks poorly, so
        a search on a supernet can be little better than random.
      </p>
      <p className="fidelity-stats">
        <span>
          Kendall τ <strong data-testid="kendall-tau">{correlation(summary.kendall, n)}</strong>
        </span>
        <span>
          Spearman ρ <strong data-testid="spearman-rho">{correlation(summary.spearman, n)}</strong>
        </span>
        <span className="muted" data-testid="fidelity-n">
          n = {n} subnet{n === 1 ? '' : 's'} scored both ways
        </span>
      </p>
      <div className="search-controls">
        <button
          type="button"
          className="action"
          data-testid="train-brushed"
          disabled={brushedReason !== null}
          title={brushedReason ?? undefined}
          onClick={() => trainStandalone(brushedTrainable)}
        >
          Train the brushed subnets stand-alone
          {brushedTrainable.length > 0 ? ` (${brushedTrainable.length})` : ''}
        </button>
        <button
          type="button"
          className="action"
          data-testid="train-top"
          disabled={topReason !== null}
          title={topReason ?? undefined}
          onClick={() => trainStandalone(topTrainable)}
        >
          Train the top {TOP} stand-alone
        </button>
      </div>
      {brushedReason !== null || topReason !== null ? (
        <p className="hint" data-testid="fidelity-problem">
          {[...new Set([brushedReason, topReason].filter((r): r is string => r !== null))].join(
            ' ',
          )}
        </p>
      ) : null}
      <ChartHost
        create={createFidelityChart}
        data={data}
        testId="fidelity-chart"
        exportName="fidelity"
        role="group"
        label="Accuracy with inherited supernet weights against stand-alone accuracy"
      />
    </section>
  );
}
