/** DARTS's own fields (PC-DARTS's too, with its K among the search fields): the order of the alpha gradient, early stopping, the selection rule, the main hyper-parameters and the latency-aware loss. */
import type { DartsStrategySpec, PcDartsStrategySpec } from '../../core/experiment/spec';
import type { FormProblems } from '../../store/form-problems';
import { strategyLayout, type DartsChoiceField } from '../../store/strategy-fields';
import { useStudio } from '../studio';
import { ChoiceField } from './ChoiceField';
import { LatencyLossFieldset } from './LatencyLossFieldset';
import { StrategyFields } from './StrategyFields';

/** One DARTS list setting on the form: its select, options and help for the value in effect. */
/** The DARTS list settings, which PC-DARTS shares. */
type DartsChoices = Pick<DartsStrategySpec, DartsChoiceField>;

interface DartsChoice<K extends DartsChoiceField> {
  readonly field: K;
  readonly testId: string;
  readonly label: string;
  readonly options: readonly (readonly [string, string])[];
  /** The option value of the setting in `s`, and the setting an option value stands for. */
  readonly read: (s: DartsChoices) => string;
  readonly write: (value: string) => DartsStrategySpec[K];
  readonly help: (s: DartsChoices) => string;
}

const ORDER: DartsChoice<'order'> = {
  field: 'order',
  testId: 'order-select',
  label: 'Order',
  options: [
    ['1', 'First order'],
    ['2', 'Second order (unrolled)'],
  ],
  read: (s) => (s.order === 2 ? '2' : '1'),
  write: (v) => (v === '2' ? 2 : 1),
  help: (s) =>
    s.order === 2
      ? 'Alphas follow the gradient through one unrolled weight step (slower, about 3× the work).'
      : 'Alphas follow the validation gradient at the current weights.',
};

const EARLY_STOP: DartsChoice<'earlyStop'> = {
  field: 'earlyStop',
  testId: 'early-stop-select',
  label: 'Early stopping',
  options: [
    ['off', 'Off (train every epoch)'],
    ['darts+', 'DARTS+ rules'],
  ],
  read: (s) => s.earlyStop,
  write: (v) => (v === 'darts+' ? 'darts+' : 'off'),
  help: (s) =>
    s.earlyStop === 'darts+'
      ? 'Stops when the derived normal cell holds 2 or more skip connections, or when every edge has kept its op ranking for the stable epochs (Liang et al. 2019).'
      : 'Trains every epoch; the collapse diagnostics are drawn either way.',
};

const SELECTION: DartsChoice<'selection'> = {
  field: 'selection',
  testId: 'selection-select',
  label: 'Selection',
  options: [
    ['magnitude', 'Magnitude (argmax α)'],
    ['perturbation', 'Perturbation (and magnitude beside it)'],
  ],
  read: (s) => s.selection,
  write: (v) => (v === 'perturbation' ? 'perturbation' : 'magnitude'),
  help: (s) =>
    s.selection === 'perturbation'
      ? 'After training, each edge keeps the op whose removal hurts validation accuracy most, with fine-tuning between decisions (Wang et al. 2021); the argmax-α cell is shown beside it.'
      : 'The derived cell keeps the strongest α on each edge, as DARTS does.',
};

/** The select of one DARTS list setting. */
function DartsChoiceSelect<K extends DartsChoiceField>({
  choice,
  strategy,
  problems,
}: {
  readonly choice: DartsChoice<K>;
  readonly strategy: DartsChoices;
  readonly problems: FormProblems;
}) {
  const setChoice = useStudio((s) => s.setDartsChoice);
  return (
    <ChoiceField
      name={choice.field}
      testId={choice.testId}
      label={choice.label}
      value={choice.read(strategy)}
      options={choice.options}
      help={choice.help(strategy)}
      problems={problems.byField.get(choice.field)}
      onChange={(v) => setChoice(choice.field, choice.write(v))}
    />
  );
}

/** The DARTS choices and its main fields (the rest fold under "More"); PC-DARTS's the same way. */
export function DartsSection({
  strategy,
  problems,
}: {
  readonly strategy: DartsStrategySpec | PcDartsStrategySpec;
  readonly problems: FormProblems;
}) {
  const layout = strategyLayout(strategy);
  return (
    <>
      <DartsChoiceSelect choice={ORDER} strategy={strategy} problems={problems} />
      <StrategyFields strategy={strategy} fields={layout.training} problems={problems} />
      <DartsChoiceSelect choice={EARLY_STOP} strategy={strategy} problems={problems} />
      <DartsChoiceSelect choice={SELECTION} strategy={strategy} problems={problems} />
      <StrategyFields strategy={strategy} fields={layout.search} problems={problems} />
      <LatencyLossFieldset latency={strategy.latency} problems={problems} />
    </>
  );
}
