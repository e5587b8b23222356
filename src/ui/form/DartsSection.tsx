/** DARTS's own fields: the order of the alpha gradient, early stopping, the selection rule and the main hyper-parameters. */
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

const EARLY_STOPS = [
  ['off', 'Off (train every epoch)'],
  ['darts+', 'DARTS+ rules'],
] as const;

const SELECTIONS = [
  ['magnitude', 'Magnitude (argmax α)'],
  ['perturbation', 'Perturbation (and magnitude beside it)'],
] as const;

/** The DARTS choices and its main fields (the rest fold under "More"). */
export function DartsSection({
  strategy,
  problems,
}: {
  readonly strategy: DartsStrategySpec;
  readonly problems: FormProblems;
}) {
  const setChoice = useStudio((s) => s.setDartsChoice);
  const layout = strategyLayout(strategy);
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
        onChange={(v) => setChoice('order', v === '2' ? 2 : 1)}
      />
      <StrategyFields strategy={strategy} fields={layout.training} problems={problems} />
      <ChoiceField
        name="earlyStop"
        testId="early-stop-select"
        label="Early stopping"
        value={strategy.earlyStop}
        options={EARLY_STOPS}
        help={
          strategy.earlyStop === 'darts+'
            ? 'Stops when the derived normal cell holds 2 or more skip connections, or when every edge has kept its op ranking for the stable epochs (Liang et al. 2019).'
            : 'Trains every epoch; the collapse diagnostics are drawn either way.'
        }
        problems={problems.byField.get('earlyStop')}
        onChange={(v) => setChoice('earlyStop', v)}
      />
      <ChoiceField
        name="selection"
        testId="selection-select"
        label="Selection"
        value={strategy.selection}
        options={SELECTIONS}
        help={
          strategy.selection === 'perturbation'
            ? 'After training, each edge keeps the op whose removal hurts validation accuracy most, with fine-tuning between decisions (Wang et al. 2021); the argmax-α cell is shown beside it.'
            : 'The derived cell keeps the strongest α on each edge, as DARTS does.'
        }
        problems={problems.byField.get('selection')}
        onChange={(v) => setChoice('selection', v)}
      />
      <StrategyFields strategy={strategy} fields={layout.search} problems={problems} />
    </>
  );
}
