/** The default strategy of a kind for an experiment's own dataset and (composed) space. */
import { defaultStrategy } from '../strategy/registry';
import { spaceSize } from '../search-space/size';
import type { ExperimentSpec, StrategyKind, StrategySpec } from './spec';

/** The defaults of strategy `kind` for the dataset and (composed) space of `spec`, at the budget of the preset it was made from. */
export function strategyFor(
  kind: StrategyKind,
  spec: Pick<ExperimentSpec, 'dataset' | 'space'>,
): StrategySpec {
  return defaultStrategy(kind, spec.dataset, spaceSize(spec.space), spec.space.preset);
}
