/** GDAS's own fields: the main hyper-parameters, the temperature schedule of the Gumbel sampling and the latency-aware loss. */
import type { GdasStrategySpec } from '../../core/experiment/spec';
import type { FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { LatencyLossFieldset } from './LatencyLossFieldset';
import { StrategyFields } from './StrategyFields';

/** The GDAS fields up front (the rest fold under "More"). */
export function GdasSection({
  strategy,
  problems,
}: {
  readonly strategy: GdasStrategySpec;
  readonly problems: FormProblems;
}) {
  const layout = strategyLayout(strategy);
  return (
    <>
      <StrategyFields strategy={strategy} fields={layout.training} problems={problems} />
      <h4 className="form-subhead">Gumbel-softmax temperature</h4>
      <StrategyFields strategy={strategy} fields={layout.search} problems={problems} />
      <LatencyLossFieldset latency={strategy.latency} problems={problems} />
    </>
  );
}
