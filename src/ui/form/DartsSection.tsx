/** DARTS's own fields: the order of the alpha gradient and the main hyper-parameters. */
import type { DartsStrategySpec } from '../../core/experiment/spec';
import type { FormProblems } from '../../store/form-problems';
import { strategyLayout } from '../../store/strategy-fields';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { StrategyFields } from './StrategyFields';

const ORDERS = [
  ['1', 'First order'],
  ['2', 'Second order (unrolled)'],
] as const;

/** The DARTS order select and its main fields (the rest fold under "More"). */
export function DartsSection({
  strategy,
  problems,
}: {
  readonly strategy: DartsStrategySpec;
  readonly problems: FormProblems;
}) {
  const setOrder = useStudio((s) => s.setOrder);
  return (
    <>
      <ChoiceField
        name="order"
        testId="order-select"
        label="Order"
        value={strategy.order === 2 ? '2' : '1'}
        options={ORDERS}
        help={
          strategy.order === 2
            ? 'Alphas follow the gradient through one unrolled weight step (slower, about 3× the work).'
            : 'Alphas follow the validation gradient at the current weights.'
        }
        problems={problems.byField.get('order')}
        onChange={(v) => setOrder(v === '2' ? 2 : 1)}
      />
      <StrategyFields
        strategy={strategy}
        fields={strategyLayout(strategy).training}
        problems={problems}
      />
    </>
  );
}
