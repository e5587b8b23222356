/** Multi-trial baselines: random search or regularized evolution, each subnet trained from scratch. */
import type { MultiTrialStrategySpec } from '../../core/experiment/spec';
import type { FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { SearchModeField } from './SearchModeField';
import { StrategyFields } from './StrategyFields';

/** The multi-trial fields: search mode and its settings, then the per-trial training budget. */
export function MultiTrialSection({
  strategy,
  problems,
}: {
  readonly strategy: MultiTrialStrategySpec;
  readonly problems: FormProblems;
}) {
  const layout = strategyLayout(strategy);
  return (
    <>
      <SearchModeField kind="multi-trial" value={strategy.search} problems={problems} />
      <StrategyFields strategy={strategy} fields={layout.search} problems={problems} />
      <h4 className="form-subhead">Training of each trial</h4>
      <StrategyFields strategy={strategy} fields={layout.training} problems={problems} />
    </>
  );
}
