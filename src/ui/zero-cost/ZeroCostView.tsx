/**
 * A zero-cost run on the Search tab: every scored architecture as proxy score against cost, and
 * "Which proxy to believe" over the architectures trained stand-alone: each proxy's and cost
 * baseline's Kendall τ and Spearman ρ against stand-alone accuracy, and a scatter per proxy.
 */
import { useMemo } from 'react';
import { COST_AXIS_NAMES } from '../../charts/pareto-format';
import { createScoreScatter, type ScoreScatterData } from '../../charts/score-scatter';
import type { ZeroCostStrategySpec } from '../../core/experiment/spec';
import { PROXY_NAMES, type ProxyName } from '../../core/proxies/names';
import type { SearchPoint } from '../../store/search-state';
import {
  cachedProxyTrustRows,
  PROXY_TRUST_MIN_POINTS,
  scoredPoints,
  trainedArchitectures,
  type TrainedArchitecture,
} from '../../store/zero-cost-selectors';
import { Explain } from '../explain/Explain';
import { useStudio } from '../studio';
import { ChartHost } from '../views/ChartHost';
import { correlationText, countText, intervalText, scoredSummary } from './proxy-text';
import './zero-cost.css';

/** Props: every plotted point, the shown run's id and its zero-cost strategy. */
export interface ZeroCostViewProps {
  readonly points: readonly SearchPoint[];
  readonly runId: number;
  readonly strategy: ZeroCostStrategySpec;
}

/** The proxy-against-cost card. */
function ProxyScores({ points, runId, strategy }: ZeroCostViewProps) {
  const costAxis = useStudio((s) => s.search.costAxis);
  const scored = useMemo(
    () => scoredPoints(points, runId, strategy.proxy, costAxis),
    [points, runId, strategy.proxy, costAxis],
  );
  const data = useMemo(
    (): ScoreScatterData => ({
      points: scored.map((p) => ({
        id: p.id,
        x: p.cost ?? Number.NaN,
        y: p.score,
        highlighted: p.trained,
      })),
      xTitle: COST_AXIS_NAMES[costAxis],
      yTitle: `${strategy.proxy} score`,
      empty: 'No architecture scored yet.',
    }),
    [scored, costAxis, strategy.proxy],
  );
  const summary = scoredSummary(scored, strategy.proxy);
  return (
    <section className="card" data-testid="proxy-scores" aria-labelledby="proxy-scores-title">
      <h3 id="proxy-scores-title">
        Proxy score against cost{' '}
        <span className="muted">
          · <span data-testid="proxy-scored-count">{countText(scored.length)}</span> architecture
          {scored.length === 1 ? '' : 's'} scored with {strategy.proxy}
        </span>
      </h3>
      <Explain id="proxy-scores" />
      <p className="hint">
        The cost axis follows the Pareto chart’s choice below. Higher is what the proxy predicts to
        be better; only the larger circles were trained.
      </p>
      <ChartHost
        create={createScoreScatter}
        data={data}
        testId="proxy-scores-chart"
        exportName="proxy-scores"
        label={`${strategy.proxy} score against ${COST_AXIS_NAMES[costAxis]}, one point per scored architecture`}
        summary={summary}
      />
      <p className="muted" data-testid="proxy-scores-summary">
        {summary}
      </p>
    </section>
  );
}

/** One small scatter: proxy `proxy`'s score against stand-alone accuracy. */
function ProxyScatter({
  proxy,
  trained,
}: {
  readonly proxy: ProxyName;
  readonly trained: readonly TrainedArchitecture[];
}) {
  const data = useMemo(
    (): ScoreScatterData => ({
      points: trained.map((a) => ({
        id: a.id,
        x: a.scores[proxy] ?? Number.NaN,
        y: 100 * a.accuracy,
        highlighted: true,
      })),
      xTitle: proxy,
      yTitle: 'stand-alone acc. (%)',
      empty: `No trained architecture has a ${proxy} score.`,
      height: 180,
    }),
    [trained, proxy],
  );
  const shown = trained.filter((a) => Number.isFinite(a.scores[proxy] ?? Number.NaN)).length;
  return (
    <figure className="proxy-scatter" data-testid={`proxy-scatter-${proxy}`}>
      <figcaption>{proxy}</figcaption>
      <ChartHost
        create={createScoreScatter}
        data={data}
        label={`${proxy} score against stand-alone accuracy`}
        summary={`${shown} trained architecture(s) with a finite ${proxy} score; their rank correlations are in the table above.`}
      />
    </figure>
  );
}

/** The "Which proxy to believe" card. */
function ProxyTrust({ points, runId }: Omit<ZeroCostViewProps, 'strategy'>) {
  const trained = useMemo(() => trainedArchitectures(points, runId), [points, runId]);
  const rows = useMemo(() => cachedProxyTrustRows(trained), [trained]);
  const n = trained.length;
  return (
    <section className="card" data-testid="proxy-trust" aria-labelledby="proxy-trust-title">
      <h3 id="proxy-trust-title">
        Which proxy to believe{' '}
        <span className="muted">
          · <span data-testid="proxy-trust-n">{n}</span> architecture{n === 1 ? '' : 's'} trained
          stand-alone
        </span>
      </h3>
      <Explain id="proxy-trust" />
      <p className="hint">
        Each proxy’s score (and params and FLOPs, the baselines every paper compares with) against
        stand-alone validation accuracy, over the architectures trained stand-alone. τ and ρ: 1 is
        the same order, 0 no relation, −1 reversed; in brackets the 90% bootstrap interval.
        {n < PROXY_TRUST_MIN_POINTS
          ? ` With fewer than ${PROXY_TRUST_MIN_POINTS} trained architectures no τ or ρ is given: train more (a larger top-k, or “Train stand-alone” in the table).`
          : ''}
      </p>
      <table className="proxy-trust-table" data-testid="proxy-trust-table">
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">n</th>
            <th scope="col">Kendall τ</th>
            <th scope="col">Spearman ρ</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} data-testid={`proxy-trust-row-${r.name}`}>
              <th scope="row">{r.name}</th>
              <td data-testid={`proxy-trust-pairs-${r.name}`}>{r.pairs}</td>
              <td data-testid={`proxy-trust-kendall-${r.name}`}>
                {correlationText(r.kendall, r.pairs)}{' '}
                <span className="muted">{intervalText(r.kendall, r.pairs)}</span>
              </td>
              <td data-testid={`proxy-trust-spearman-${r.name}`}>
                {correlationText(r.spearman, r.pairs)}{' '}
                <span className="muted">{intervalText(r.spearman, r.pairs)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {n > 0 ? (
        <div className="proxy-scatters">
          {PROXY_NAMES.map((p) => (
            <ProxyScatter key={p} proxy={p} trained={trained} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** Both zero-cost cards. */
export function ZeroCostView(props: ZeroCostViewProps) {
  return (
    <>
      <ProxyScores {...props} />
      <ProxyTrust points={props.points} runId={props.runId} />
    </>
  );
}
