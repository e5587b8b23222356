/** The "Search" tab: controls, Pareto chart, subnet table, inspector, ranking fidelity and the latency card of discrete searches. */
import { capabilitiesOf } from '../../core/strategy/registry';
import { isReplaying, shownRun } from '../../store/history-selectors';
import { useMemo } from 'react';
import { searchPoints } from '../../store/search-selectors';
import { zeroCostTablePoints } from '../../store/zero-cost-selectors';
import { useStudio } from '../studio';
import { FidelityView } from './FidelityView';
import { LatencyCard } from './LatencyCard';
import { ParetoPanel } from './ParetoPanel';
import { runSpecs } from './search-text';
import { SubnetInspector } from './SubnetInspector';
import { SubnetTable } from './SubnetTable';
import { ZeroCostView } from '../zero-cost/ZeroCostView';
import './search.css';
import './subnets.css';

/** Everything about the evaluated subnets of the current run (and comparable earlier runs). */
export function SearchView() {
  // The points depend on the run's id, spec and subnets only: subscribing to those (not to the
  // whole run) keeps training steps from recomputing the front and redrawing every point.
  const runId = useStudio((s) => shownRun(s).runId);
  const spec = useStudio((s) => shownRun(s).spec);
  const subnets = useStudio((s) => shownRun(s).subnets);
  const live = useStudio((s) => s.search);
  const replaying = useStudio(isReplaying);
  // A replayed run is shown alone: the session's earlier runs are not its comparison set.
  const search = useMemo(
    () => (replaying ? { ...live, compareRuns: false } : live),
    [live, replaying],
  );
  const points = useMemo(
    () => searchPoints({ runId, spec, subnets }, search),
    [runId, spec, subnets, search],
  );
  const specs = useMemo(
    () => runSpecs({ runId, spec }, search.archive),
    [runId, spec, search.archive],
  );
  const kind = spec?.strategy.kind ?? null;
  if (points.length === 0 && (kind === null || !capabilitiesOf(kind).evaluatesSubnets)) {
    return (
      <section className="card" data-testid="search-empty">
        <h3>Subnets and the Pareto front</h3>
        <p className="empty">
          Single Path One-Shot and the multi-trial baselines (random search and regularized
          evolution, each subnet trained stand-alone) evaluate many subnets; each appears here with
          its accuracy and costs, on a Pareto chart and in a table. Choose one of them as the
          strategy and press Run. DARTS derives a single cell from its alphas: when a DARTS run
          finishes, that cell appears here as one subnet, scored with the supernet’s inherited
          weights, so it can be trained stand-alone and downloaded as a tfjs model.
        </p>
      </section>
    );
  }
  const selected = points.find((p) => p.id === search.selected) ?? null;
  const inherited = points.some((p) => p.record.evaluation === 'inherited');
  const zeroCost = spec?.strategy.kind === 'zero-cost' ? spec.strategy : null;
  return (
    <div className="search-view">
      {zeroCost ? <ZeroCostView points={points} runId={runId} strategy={zeroCost} /> : null}
      <ParetoPanel points={points} specs={specs} />
      <SubnetInspector
        point={selected}
        spec={selected ? (specs.get(selected.runId) ?? null) : null}
      />
      <SubnetTable
        points={zeroCost ? zeroCostTablePoints(points, runId, zeroCost.proxy) : points}
      />
      {inherited ? <FidelityView points={points} spec={spec} /> : null}
      <LatencyCard />
    </div>
  );
}
