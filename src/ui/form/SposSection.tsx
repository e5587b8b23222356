/** Single Path One-Shot: the supernet's training, then the search over subnets with inherited weights. */
import type { SposStrategySpec } from '../../core/experiment/spec';
import type { FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { SearchModeField } from './SearchModeField';
import { StrategyFields } from './StrategyFields';

/** The SPOS fields: supernet training budget, search mode, its settings and BatchNorm calibration. */
export function SposSection({
  strategy,
  problems,
}: {
  readonly strategy: SposStrategySpec;
  readonly problems: FormProblems;
}) {
  const layout = strategyLayout(strategy);
  return (
    <>
      <h4 className="form-subhead">Supernet training</h4>
      <StrategyFields strategy={strategy} fields={layout.training} problems={problems} />
      <h4 className="form-subhead">Search over subnets</h4>
      <SearchModeField kind="spos" value={strategy.search} problems={problems} />
      <StrategyFields strategy={strategy} fields={layout.search} problems={problems} />
    </>
  );
}
