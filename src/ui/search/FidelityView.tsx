/** Ranking fidelity: supernet accuracy against stand-alone accuracy for subnets scored both ways, with Kendall tau and Spearman rho, their bootstrap intervals and warnings. */
import { useMemo } from 'react';
import { createFidelityChart, pairLine, type FidelityData } from '../../charts/fidelity-chart';
import type { ExperimentSpec } from '../../core/experiment/spec';
import { fidelityContext, type RankEstimate } from '../../core/trust/fidelity';
import {
  FIDELITY_MIN_PAIRS,
  rankingFidelity,
  standaloneProblem,
} from '../../store/search-selectors';
import type { SearchPoint } from '../../store/search-state';
import { Explain } from '../explain/Explain';
import { studioStore, useStudio } from '../studio';
import { TrustNotes } from '../trust/TrustNotes';
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

/** A correlation's bootstrap interval as text, e.g. "90% interval −0.20 to 0.87", or null when there is none. */
function interval(e: RankEstimate): string | null {
  const i = e.interval;
  if (i === null) return null;
  const f = (v: number): string => v.toFixed(2).replace('-', '−');
  return `${Math.round(100 * i.level)}% interval ${f(i.low)} to ${f(i.high)}`;
}

/** One correlation: its name, value and bootstrap interval. */
function Correlation({
  name,
  estimate,
  n,
  testId,
}: {
  readonly name: string;
  readonly estimate: RankEstimate;
  readonly n: number;
  readonly testId: string;
}) {
  const range = interval(estimate);
  return (
    <span>
      {name} <strong data-testid={testId}>{correlation(estimate.value, n)}</strong>
      {range !== null ? (
        <span className="fidelity-interval" data-testid={`${testId}-interval`}>
          {' '}
          ({range})
        </span>
      ) : null}
    </span>
  );
}

/** The fidelity card; `spec` (the shown run's) sets the chance level and the stand-alone epochs of its warnings. */
export function FidelityView({
  points,
  spec,
}: {
  readonly points: readonly SearchPoint[];
  readonly spec: ExperimentSpec | null;
}) {
  const selected = useStudio((s) => s.search.selected);
  const brushed = useStudio((s) => s.search.brushed);
  const problem = useStudio(standaloneProblem);
  const { trainStandalone, selectPoint } = studioStore.getState();
  const trust = useMemo(() => fidelityContext(spec), [spec]);
  const summary = useMemo(() => rankingFidelity(points, trust), [points, trust]);
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
      <Explain id="fidelity" />
      <p className="hint">
        Does the supernet rank subnets as training them from scratch would? Kendall’s τ and
        Spearman’s ρ compare the two orders: 1 is the same order, 0 no relation, −1 reversed. Yu et
        al. (2020, “Evaluating the search phase of NAS”) found weight sharing often ranks poorly, so
        a search on a supernet can be little better than random. Each number comes with a 90%
        bootstrap interval over the pairs: how far it could move with other subnets like these.
        Greyed numbers rest on too little; the note below them says why.
      </p>
      <p
        className={summary.trusted ? 'fidelity-stats' : 'fidelity-stats untrusted'}
        data-testid="fidelity-stats"
        data-trusted={summary.trusted}
      >
        <Correlation name="Kendall τ" estimate={summary.kendall} n={n} testId="kendall-tau" />
        <Correlation name="Spearman ρ" estimate={summary.spearman} n={n} testId="spearman-rho" />
        <span className="muted" data-testid="fidelity-n">
          n = {n} subnet{n === 1 ? '' : 's'} scored both ways
        </span>
      </p>
      <TrustNotes warnings={summary.warnings} testId="fidelity-warnings" />
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
        summary={
          data.pairs.length === 0
            ? 'No subnet has been scored both ways yet.'
            : `${data.pairs.map(pairLine).join('. ')}.`
        }
      />
    </section>
  );
}
