/** Multi-trial baselines: random search or regularized evolution (optionally warmed up by a zero-cost proxy), each subnet trained from scratch. */
import type { MultiTrialStrategySpec } from '../../core/experiment/spec';
import { PROXY_NAMES } from '../../core/proxies/names';
import type { WarmupProxy } from '../../core/strategies/warmup';
import type { FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { SearchModeField } from './SearchModeField';
import { StrategyFields } from './StrategyFields';

/** The warm-up select's options: none, then every proxy. */
const WARMUP_OPTIONS: readonly (readonly [WarmupProxy, string])[] = [
  ['none', 'none (random first population)'],
  ...PROXY_NAMES.map((p) => [p, p] as const),
];

/** The warm-up select's help, for the choice in effect. */
function warmupHelp(proxy: WarmupProxy): string {
  return proxy === 'none'
    ? 'Evolution starts from random subnets. A proxy scores a pool of architectures at initialisation instead, and the best-scored start evolution (Abdelfattah et al. 2021).'
    : `${proxy} scores the pool at initialisation (one mini-batch, no training); the best-scored become the first population.`;
}

/** The multi-trial fields: search mode and its settings (evolution: the warm-up), then the per-trial training budget. */
export function MultiTrialSection({
  strategy,
  problems,
}: {
  readonly strategy: MultiTrialStrategySpec;
  readonly problems: FormProblems;
}) {
  const setWarmupProxy = useStudio((s) => s.setWarmupProxy);
  const layout = strategyLayout(strategy);
  const search = layout.search.filter((f) => f !== 'warmupPool');
  const pool = layout.search.filter((f) => f === 'warmupPool');
  return (
    <>
      <SearchModeField kind="multi-trial" value={strategy.search} problems={problems} />
      <StrategyFields strategy={strategy} fields={search} problems={problems} />
      {strategy.search === 'evolution' && (
        <ChoiceField<WarmupProxy>
          name="warmupProxy"
          testId="warmup-proxy-select"
          label="Zero-cost warm-up"
          value={strategy.warmupProxy}
          options={WARMUP_OPTIONS}
          help={warmupHelp(strategy.warmupProxy)}
          problems={problems.byField.get('warmupProxy')}
          onChange={setWarmupProxy}
        />
      )}
      <StrategyFields strategy={strategy} fields={pool} problems={problems} />
      <h4 className="form-subhead">Training of each trial</h4>
      <StrategyFields strategy={strategy} fields={layout.training} problems={problems} />
    </>
  );
}
